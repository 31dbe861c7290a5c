package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.content.Bundle;
import org.lastmile.content.SourceFile;
import org.lastmile.i18n.Messages;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable files of a site: sitemap.xml with hreflang alternates, one Atom feed per language and
 * robots.txt. Written by hand because each is a few lines of XML; every URL comes from the {@link SiteIndex}.
 */
final class Feeds {
    private Feeds() {
    }

    static String sitemap(SiteIndex index) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (String path : index.paths()) {
            if (!path.endsWith("/")) continue; // PDFs are linked from pages, not listed as pages
            sb.append("  <url>\n    <loc>").append(esc(ascii(index.absolute(path)))).append("</loc>\n");
            List<Map.Entry<Language, String>> tr = index.translations(path);
            if (tr.size() > 1) {
                for (Map.Entry<Language, String> e : tr) {
                    sb.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(e.getKey().code()).append("\" href=\"")
                            .append(esc(ascii(index.absolute(e.getValue())))).append("\"/>\n");
                }
            }
            sb.append("  </url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    static String robots(SiteIndex index) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + index.absolute("/sitemap.xml") + "\n";
    }

    static String atom(SiteIndex index, Language lang, Messages messages, List<Bundle> papers) {
        String code = lang.code();
        String self = index.absolute(SiteIndex.feed(code));
        LocalDate updated = papers.stream().map(b -> b.paper(code).orElseThrow().fm().date().orElse(LocalDate.EPOCH))
                .max(LocalDate::compareTo).orElse(LocalDate.EPOCH);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(code).append("\">\n");
        sb.append("  <title>").append(esc(index.config().title(code))).append("</title>\n");
        String sub = index.config().description(code);
        if (!sub.isEmpty()) sb.append("  <subtitle>").append(esc(sub)).append("</subtitle>\n");
        sb.append("  <id>").append(esc(self)).append("</id>\n");
        sb.append("  <link rel=\"self\" href=\"").append(esc(self)).append("\"/>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(index.absolute(SiteIndex.home(code)))).append("\"/>\n");
        sb.append("  <updated>").append(updated).append("T00:00:00Z</updated>\n");
        String org = index.config().organisation().name();
        sb.append("  <author><name>").append(esc(org.isEmpty() ? index.config().title(code) : org)).append("</name></author>\n");
        sb.append("  <generator>lastmile</generator>\n");
        for (Bundle b : papers) {
            SourceFile p = b.paper(code).orElseThrow();
            String url = index.absolute(SiteIndex.paper(b.slug(), code));
            String date = p.fm().date().orElse(LocalDate.EPOCH) + "T00:00:00Z";
            sb.append("  <entry>\n");
            sb.append("    <title>").append(esc(p.fm().title())).append("</title>\n");
            sb.append("    <id>").append(esc(url)).append("</id>\n");
            sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(url)).append("\"/>\n");
            sb.append("    <published>").append(date).append("</published>\n");
            sb.append("    <updated>").append(date).append("</updated>\n");
            for (String a : p.fm().authors()) sb.append("    <author><name>").append(esc(a)).append("</name></author>\n");
            for (String t : p.fm().tags()) sb.append("    <category term=\"").append(esc(t)).append("\"/>\n");
            if (!p.fm().summary().isEmpty()) sb.append("    <summary>").append(esc(p.fm().summary())).append("</summary>\n");
            sb.append("  </entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }

    /** Sitemaps take URLs, not IRIs: /ru/tags/здоровье/ is written percent-encoded. */
    static String ascii(String url) {
        try {
            java.net.URI u = url.startsWith("/") ? new java.net.URI(null, null, url, null)
                    : new java.net.URI(url.substring(0, url.indexOf(':')), url.substring(url.indexOf(':') + 1), null);
            return u.toASCIIString();
        } catch (java.net.URISyntaxException | StringIndexOutOfBoundsException e) {
            return url;
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
