package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.Bundle;
import org.lastmile.content.Content;
import org.lastmile.content.PageGroup;
import org.lastmile.content.Slugs;
import org.lastmile.content.SourceFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every URL the site will have, decided before anything is rendered: links, switchers, hreflang and the sitemap all
 * ask this index, so none of them can point at a page that does not exist. Paths are site paths ("/fr/papers/x/")
 * without the base path; {@link #href} adds it.
 */
public final class SiteIndex {
    private final SiteConfig config;
    private final Content content;
    private final Set<String> paths = new TreeSet<>();
    private final Map<String, String> sourceToPath = new HashMap<>();

    public SiteIndex(SiteConfig config, Content content) {
        this.config = config;
        this.content = content;
        for (Language l : config.languages()) {
            paths.add(home(l.code()));
            paths.add(tags(l.code()));
        }
        for (Bundle b : content.bundles()) {
            b.papers().values().forEach(this::add);
            b.guides().values().forEach(this::add);
            for (String lang : b.guides().keySet()) {
                if (config.language(lang).isEmpty()) continue;
                if (config.pdf().guides()) {
                    paths.add(guidePdf(b.slug(), lang));
                    paths.add(guideBooklet(b.slug(), lang));
                }
            }
            for (String lang : b.papers().keySet()) {
                if (config.language(lang).isEmpty()) continue;
                b.papers().get(lang).fm().tags().forEach(t -> paths.add(tag(lang, t)));
                if (config.pdf().papers()) paths.add(paperPdf(b.slug(), lang));
            }
        }
        for (PageGroup p : content.pages()) p.versions().values().forEach(this::add);
    }

    private void add(SourceFile sf) {
        String p = path(sf);
        // A link that names a source file is resolved in the linking page's language, so every file is known here;
        // only languages of the site (all but those left out of a partial build) have pages.
        sourceToPath.put(sf.file().toAbsolutePath().normalize().toString(), p);
        if (config.language(sf.lang()).isPresent()) paths.add(p);
    }

    public SiteConfig config() {
        return config;
    }

    public Content content() {
        return content;
    }

    public static String home(String lang) {
        return "/" + lang + "/";
    }

    public static String tags(String lang) {
        return "/" + lang + "/tags/";
    }

    public static String tag(String lang, String tag) {
        return "/" + lang + "/tags/" + Slugs.slug(tag) + "/";
    }

    public static String paper(String slug, String lang) {
        return "/" + lang + "/papers/" + slug + "/";
    }

    public static String guide(String slug, String lang) {
        return paper(slug, lang) + "guide/";
    }

    public static String guidePdf(String slug, String lang) {
        return paper(slug, lang) + slug + "-guide-" + lang + ".pdf";
    }

    public static String guideBooklet(String slug, String lang) {
        return paper(slug, lang) + slug + "-guide-" + lang + "-booklet.pdf";
    }

    public static String paperPdf(String slug, String lang) {
        return paper(slug, lang) + slug + "-" + lang + ".pdf";
    }

    public static String page(String slug, String lang) {
        return "/" + lang + "/" + slug + "/";
    }

    public static String feed(String lang) {
        return "/" + lang + "/atom.xml";
    }

    /** The site path of a content file. */
    public static String path(SourceFile sf) {
        return switch (sf.kind()) {
            case PAPER -> paper(sf.slug(), sf.lang());
            case GUIDE -> guide(sf.slug(), sf.lang());
            case PAGE -> page(sf.slug(), sf.lang());
        };
    }

    public boolean exists(String path) {
        return paths.contains(path);
    }

    /** The site path of the page made from the file at {@code file}, if it is published. */
    public Optional<String> pathOfSource(java.nio.file.Path file) {
        return Optional.ofNullable(sourceToPath.get(file.toAbsolutePath().normalize().toString()));
    }

    /**
     * The paper a guide in {@code lang} belongs to: in that language, else in the first language it is published
     * in (a guide translated before its paper points readers there).
     */
    public Optional<SourceFile> paperFor(Bundle b, String lang) {
        return b.paper(lang).or(() -> b.papers().values().stream().filter(p -> exists(path(p))).findFirst());
    }

    /** A link as it appears in HTML: the base path (for sites served below a folder) plus the site path. */
    public String href(String path) {
        return config.basePath() + path;
    }

    /** An absolute URL for feeds, sitemaps, canonical links and PDFs; a site path when no base URL is known. */
    public String absolute(String path) {
        return config.baseUrl() + path;
    }

    /**
     * The languages a path exists in, as [language, path] pairs, for a page that has translations: e.g. the
     * "/fr/papers/x/" path → each language where papers/x exists. Home and tag-index pages exist in every language.
     */
    public List<Map.Entry<Language, String>> translations(String path) {
        int slash = path.indexOf('/', 1);
        // Only a path that starts with one of the site's languages has versions in the others.
        if (slash < 0 || config.language(path.substring(1, slash)).isEmpty()) return List.of();
        String rest = path.substring(slash);
        return config.languages().stream()
                .map(l -> Map.entry(l, "/" + l.code() + rest))
                .filter(e -> paths.contains(e.getValue()))
                .toList();
    }

    /**
     * Whether {@code path} is content that exists only in languages this build leaves out (a partial build,
     * {@code --lang}): not missing from the site, so links to it are not reported.
     */
    public boolean inLanguageLeftOut(String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) return false;
        String rest = path.substring(slash);
        return content.files().anyMatch(sf -> config.language(sf.lang()).isEmpty() && path(sf).endsWith(rest)
                && path(sf).equals("/" + sf.lang() + rest));
    }

    public Set<String> paths() {
        return java.util.Collections.unmodifiableSet(paths);
    }
}
