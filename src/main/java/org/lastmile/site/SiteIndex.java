package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.Bundle;
import org.lastmile.content.Content;
import org.lastmile.content.PageGroup;
import org.lastmile.content.Slugs;
import org.lastmile.content.SourceFile;
import org.lastmile.markdown.ParsedDoc;

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
    private final Catalog catalog;
    /** The embedded lists of each document, by the offset in its body of the paragraph each stands in. */
    private final Map<String, Map<Integer, ListShortcodes.Spec>> shortcodes;
    /** Every list page's filter (each has a first page in every language), in a stable order. */
    private final Set<ListFilter> lists = new java.util.LinkedHashSet<>();
    /** Site path of each list page → its filter and page number. */
    private final Map<String, Map.Entry<ListFilter, Integer>> listPages = new HashMap<>();

    /** An index without embedded lists: for tools that only resolve links. */
    public SiteIndex(SiteConfig config, Content content) {
        this(config, content, new Catalog(config, content), Map.of());
    }

    /**
     * Plans the site: every page, every list page (the standard ones and those the documents' {@code {{ list() }}}
     * ask for, found and checked here), every page of every list.
     */
    public static SiteIndex plan(SiteConfig config, Content content, Map<String, ParsedDoc> parsed,
                                 java.util.List<org.lastmile.diag.Diagnostic> problems) {
        Planner planner = planner(config, content);
        parsed.forEach((path, doc) -> planner.scan(path, doc, problems));
        return planner.index();
    }

    /** A plan made one document at a time, from worker threads, so that no build holds every tree at once. */
    public static Planner planner(SiteConfig config, Content content) {
        return new Planner(config, content);
    }

    /** Collects each document's embedded lists (by where they start in its body) and then makes the index. */
    public static final class Planner {
        private final SiteConfig config;
        private final Content content;
        private final Catalog catalog;
        private final Map<String, Map<Integer, ListShortcodes.Spec>> found = new java.util.concurrent.ConcurrentHashMap<>();

        private Planner(SiteConfig config, Content content) {
            this.config = config;
            this.content = content;
            this.catalog = new Catalog(config, content);
        }

        /** Finds and checks the lists of the document at {@code path}; gives them by where they start in its body. */
        public Map<Integer, ListShortcodes.Spec> scan(String path, ParsedDoc doc, java.util.List<org.lastmile.diag.Diagnostic> problems) {
            Map<Integer, ListShortcodes.Spec> m = new java.util.TreeMap<>();
            ListShortcodes.find(doc, catalog, config.taxonomy(), problems).forEach((n, spec) -> m.put(n.getStartOffset(), spec));
            scanned(path, m);
            return m;
        }

        /** The lists {@link #scan} found in the document at {@code path} in an earlier build (the build cache's). */
        public void scanned(String path, Map<Integer, ListShortcodes.Spec> lists) {
            if (!lists.isEmpty()) found.put(path, new java.util.TreeMap<>(lists));
        }

        public SiteIndex index() {
            return new SiteIndex(config, content, catalog, new java.util.TreeMap<>(found));
        }
    }

    private SiteIndex(SiteConfig config, Content content, Catalog catalog,
                      Map<String, Map<Integer, ListShortcodes.Spec>> shortcodes) {
        this.config = config;
        this.content = content;
        this.catalog = catalog;
        this.shortcodes = shortcodes;
        for (Language l : config.languages()) {
            paths.add(home(l.code()));
            paths.add(tags(l.code()));
        }
        for (ListFilter.Kind k : java.util.List.of(ListFilter.Kind.NEWS, ListFilter.Kind.PAPERS, ListFilter.Kind.GUIDES)) {
            lists.add(ListFilter.of(k));
        }
        // Declared types have a page in every language; lastmile's built-in ones only once a paper uses them.
        config.taxonomy().types().keySet().stream().filter(t -> config.taxonomy().typesDeclared()
                || config.languages().stream().anyMatch(l -> !catalog.list(l.code(), ListFilter.ofType(t)).isEmpty()))
                .forEach(t -> lists.add(ListFilter.ofType(t)));
        catalog.tagKeys().forEach(t -> lists.add(ListFilter.ofTag(t)));
        shortcodes.values().forEach(m -> m.values().stream().map(ListShortcodes.Spec::filter)
                .sorted(java.util.Comparator.comparing(f -> f.path("x"))).forEach(lists::add));
        for (ListFilter f : lists) {
            for (Language l : config.languages()) {
                int n = pageCount(catalog.list(l.code(), f).size());
                for (int i = 1; i <= n; i++) {
                    paths.add(f.path(l.code(), i));
                    listPages.put(f.path(l.code(), i), Map.entry(f, i));
                }
            }
        }
        for (PageGroup n : content.news()) n.versions().values().forEach(this::add);
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

    /** The page of a tag key (a written tag word is slugged, which is its key when site.yaml declares none). */
    public static String tag(String lang, String tag) {
        return "/" + lang + "/tags/" + Slugs.slug(tag) + "/";
    }

    public static String news(String slug, String lang) {
        return "/" + lang + "/news/" + slug + "/";
    }

    /** How many pages a list of {@code items} takes (at least one, which says the list is empty). */
    public int pageCount(int items) {
        int per = config.taxonomy().paginate();
        return Math.max(1, (items + per - 1) / per);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Every list page's filter, standard lists first. */
    public Set<ListFilter> lists() {
        return java.util.Collections.unmodifiableSet(lists);
    }

    /** The list, and its page number, that {@code path} is a page of. */
    public Optional<Map.Entry<ListFilter, Integer>> listPage(String path) {
        return Optional.ofNullable(listPages.get(path));
    }

    /**
     * The embedded lists of {@code doc}, by paragraph of its tree: found again by where they start, so that a
     * document parsed anew (its first tree long gone) gets the lists its first parse planned.
     */
    public Map<com.vladsch.flexmark.util.ast.Node, ListShortcodes.Spec> shortcodes(ParsedDoc doc) {
        Map<Integer, ListShortcodes.Spec> at = shortcodes.getOrDefault(path(doc.source()), Map.of());
        if (at.isEmpty()) return Map.of();
        Map<com.vladsch.flexmark.util.ast.Node, ListShortcodes.Spec> out = new java.util.IdentityHashMap<>();
        for (com.vladsch.flexmark.util.ast.Node n = doc.doc().getFirstChild(); n != null; n = n.getNext()) {
            ListShortcodes.Spec s = at.get(n.getStartOffset());
            if (s != null && n instanceof com.vladsch.flexmark.ast.Paragraph) out.put(n, s);
        }
        return out;
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
            case NEWS -> news(sf.slug(), sf.lang());
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

    private static final java.util.regex.Pattern BUNDLE_FILE = java.util.regex.Pattern.compile("/([^/]+)/papers/([^/]+)/(.+)");
    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("(?i).+\\.(png|jpe?g|gif|svg|webp|avif)");

    /**
     * Where a file beside a paper is published. Images are published once, in the first language (site order) the
     * paper or its guide exists in, and every language's pages use that copy; other files (data, documents) are
     * published beside the paper in every language, so their links read as in the paper's folder.
     */
    public String sharedResource(String path) {
        java.util.regex.Matcher m = BUNDLE_FILE.matcher(path);
        if (!m.matches() || !IMAGE.matcher(m.group(3)).matches()) return path;
        return content.bundle(m.group(2)).flatMap(this::imageLanguage)
                .map(l -> "/" + l + "/papers/" + m.group(2) + "/" + m.group(3)).orElse(path);
    }

    /** The language whose folder holds a bundle's images: the first built language the paper or guide exists in. */
    public Optional<String> imageLanguage(Bundle b) {
        return config.languages().stream().map(Language::code)
                .filter(l -> b.papers().containsKey(l) || b.guides().containsKey(l)).findFirst();
    }

    /** Whether a file beside a paper is an image, published once for every language. */
    public static boolean isImage(String fileName) {
        return IMAGE.matcher(fileName).matches();
    }

    /**
     * The x-default of a page: the root language picker for home pages (it sends visitors to their language), else
     * the default language's version, else the first that exists. One answer for pages, hreflang and the sitemap.
     */
    public String xDefault(String path, List<Map.Entry<Language, String>> translations) {
        if (path.equals("/") || config.languages().stream().anyMatch(l -> path.equals(home(l.code())))) return "/";
        return translations.stream().filter(e -> e.getKey().code().equals(config.defaultLanguage()))
                .findFirst().orElse(translations.get(0)).getValue();
    }

    public Set<String> paths() {
        return java.util.Collections.unmodifiableSet(paths);
    }
}
