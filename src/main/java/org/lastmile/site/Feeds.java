package org.lastmile.site;

import org.lastmile.text.Xml;
import org.lastmile.config.Language;

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

    /**
     * Every public page with its language alternates and x-default (the default language's version, or the root
     * language picker for home pages), and lastmod from content dates.
     */
    static String sitemap(SiteIndex index, java.util.function.Function<String, String> lastmod) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        java.util.List<String> paths = new java.util.ArrayList<>();
        paths.add("/");
        paths.addAll(index.paths());
        for (String path : paths) {
            if (!path.endsWith("/")) continue; // PDFs are linked from pages, not listed as pages
            sb.append("  <url>\n    <loc>").append(Xml.escape(ascii(index.absolute(path)))).append("</loc>\n");
            String mod = lastmod.apply(path);
            if (mod != null && !mod.isEmpty()) sb.append("    <lastmod>").append(mod).append("</lastmod>\n");
            List<Map.Entry<Language, String>> tr = path.equals("/") ? index.config().languages().stream()
                    .map(l -> Map.entry(l, SiteIndex.home(l.code()))).toList() : index.translations(path);
            if (tr.size() > 1 || path.equals("/")) {
                for (Map.Entry<Language, String> e : tr) {
                    sb.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(e.getKey().code()).append("\" href=\"")
                            .append(Xml.escape(ascii(index.absolute(e.getValue())))).append("\"/>\n");
                }
                sb.append("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                        .append(Xml.escape(ascii(index.absolute(index.xDefault(path, tr))))).append("\"/>\n");
            }
            sb.append("  </url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    static String robots(SiteIndex index) {
        return "User-agent: *\nAllow: /\nDisallow: /status/\n\nSitemap: " + index.absolute("/sitemap.xml") + "\n";
    }

    /** One language's feed: its newest news items, papers and guides ({@code items} as list entries). */
    static String atom(SiteIndex index, Language lang, List<Map<String, Object>> items) {
        String code = lang.code();
        String self = index.absolute(SiteIndex.feed(code));
        String updated = items.stream().map(i -> (String) i.get("dateIso")).max(String::compareTo).orElse(LocalDate.EPOCH.toString());
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(code).append("\">\n");
        sb.append("  <title>").append(Xml.escape(index.config().title(code))).append("</title>\n");
        String sub = index.config().description(code);
        if (!sub.isEmpty()) sb.append("  <subtitle>").append(Xml.escape(sub)).append("</subtitle>\n");
        sb.append("  <id>").append(Xml.escape(self)).append("</id>\n");
        sb.append("  <link rel=\"self\" href=\"").append(Xml.escape(self)).append("\"/>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(index.absolute(SiteIndex.home(code)))).append("\"/>\n");
        sb.append("  <updated>").append(updated).append("T00:00:00Z</updated>\n");
        String org = index.config().organisation().name();
        sb.append("  <author><name>").append(Xml.escape(org.isEmpty() ? index.config().title(code) : org)).append("</name></author>\n");
        sb.append("  <generator>lastmile</generator>\n");
        for (Map<String, Object> i : items) {
            String url = (String) i.get("absoluteUrl");
            String date = i.get("dateIso") + "T00:00:00Z";
            sb.append("  <entry>\n");
            sb.append("    <title>").append(Xml.escape((String) i.get("title"))).append("</title>\n");
            sb.append("    <id>").append(Xml.escape(url)).append("</id>\n");
            sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(url)).append("\"/>\n");
            sb.append("    <published>").append(date).append("</published>\n");
            sb.append("    <updated>").append(date).append("</updated>\n");
            @SuppressWarnings("unchecked") List<String> authors = (List<String>) i.get("authors");
            for (String a : authors) sb.append("    <author><name>").append(Xml.escape(a)).append("</name></author>\n");
            sb.append("    <category term=\"").append(Xml.escape((String) i.get("kind"))).append("\" label=\"")
                    .append(Xml.escape((String) i.get("kindLabel"))).append("\"/>\n");
            @SuppressWarnings("unchecked") List<Map<String, Object>> tags = (List<Map<String, Object>>) i.get("tags");
            for (Map<String, Object> t : tags) {
                sb.append("    <category term=\"").append(Xml.escape((String) t.get("key"))).append("\" label=\"")
                        .append(Xml.escape((String) t.get("name"))).append("\"/>\n");
            }
            String summary = (String) i.get("summary");
            if (!summary.isEmpty()) sb.append("    <summary>").append(Xml.escape(summary)).append("</summary>\n");
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
}
