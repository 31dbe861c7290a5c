package org.lastmile.pipeline;

import org.lastmile.config.ConfigLoader;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.content.Bundle;
import org.lastmile.content.ContentLoader;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Diagnostics;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;
import org.lastmile.i18n.Locales;
import org.lastmile.i18n.Messages;
import org.lastmile.markdown.Markdown;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;
import org.lastmile.site.ContentHtml;
import org.lastmile.site.LinkResolver;
import org.lastmile.site.RenderedDoc;
import org.lastmile.site.SiteIndex;
import org.lastmile.site.SiteRenderer;
import org.lastmile.site.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * One build of a site: load config → load content → parse Markdown → plan pages → render HTML and PDFs → write.
 * Every stage reports into one {@link Diagnostics}; output is written only when no stage found an error.
 */
public final class Build {
    private final BuildOptions opts;
    private final PdfCache pdfCache;
    private final Progress progress;
    private final Diagnostics diagnostics = new Diagnostics();
    private int cachedPdfs;
    private int cachedPages;
    /** The pages rendered rather than taken from the page cache (all of them without it). */
    private java.util.Set<String> renderedPages = java.util.Set.of();
    /** The site's files as the build cache found them: with it (and a disk cache), pages are cached one by one. */
    private Optional<SiteCache.Fingerprint> fingerprint = Optional.empty();
    /** What the index and page levels of the cache key on (with a fingerprint and a disk cache). */
    private Optional<Sources> sources = Optional.empty();

    /** Whether documents keep their first parse (softly) for their page; false parses every one again. */
    private boolean keepFirstParse = true;

    private Build(BuildOptions opts, PdfCache pdfCache, Progress progress) {
        this.opts = opts;
        this.pdfCache = pdfCache;
        this.progress = progress;
    }

    /** The files a build made, in memory: what {@link #run} publishes and what the preview server serves. */
    public record Output(Map<String, byte[]> files, Map<String, Path> copies, List<Diagnostic> diagnostics, int pages,
                         int pdfs, Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs) {
        public Output(Map<String, byte[]> files, Map<String, Path> copies, List<Diagnostic> diagnostics, int pages,
                      int pdfs, Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides) {
            this(files, copies, diagnostics, pages, pdfs, guides, 0);
        }

        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }

        /** This output with {@code more} findings after its own (a check run after the build). */
        public Output withMore(List<Diagnostic> more) {
            List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
            all.addAll(more);
            return new Output(files, copies, List.copyOf(all), pages, pdfs, guides, cachedPdfs);
        }
    }

    /** Builds the site and publishes it to {@code opts.out()} when no stage found an error. */
    public static BuildResult run(BuildOptions opts) {
        return run(opts, false, Progress.NONE);
    }

    /**
     * Builds the site and publishes it to {@code opts.out()} when no stage found an error; with {@code force}, a
     * folder or link there that lastmile did not make is replaced. {@code progress} hears how far the build got.
     * Pages and PDFs are written into the new version of the output as they are made, so memory does not grow with
     * the output; with a build cache, a site whose every input is unchanged is published from the cache.
     */
    public static BuildResult run(BuildOptions opts, boolean force, Progress progress) {
        return Publish.run(opts, force, progress);
    }

    /** Where a build puts each file as it is made: a map (preview, check) or the new version of the output. */
    @FunctionalInterface
    interface Sink {
        void put(String path, byte[] bytes) throws IOException;
    }

    /** What a build that wrote its files into a {@link Sink} has left to report. */
    record Streamed(Map<String, Path> copies, List<Diagnostic> diagnostics, int pages, int pdfs,
                    Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs, int cachedPages,
                    java.util.Set<String> renderedPages) {
    }

    /**
     * Runs the pipeline without writing anything, on a pool of {@code opts.threads()} workers. PDFs whose inputs
     * did not change since {@code pdfCache} saw them are reused.
     */
    public static Output render(BuildOptions opts, PdfCache pdfCache) {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        Streamed s = render(opts, pdfCache, Progress.NONE, files::put);
        return new Output(java.util.Collections.unmodifiableMap(new TreeMap<>(files)),
                java.util.Collections.unmodifiableMap(new TreeMap<>(s.copies())), s.diagnostics(), s.pages(), s.pdfs(),
                s.guides(), s.cachedPdfs());
    }

    static Streamed render(BuildOptions opts, PdfCache pdfCache, Progress progress, Sink sink) {
        return render(opts, pdfCache, progress, sink, true, Optional.empty());
    }

    /**
     * A build whose pages go through the page level of the build cache ({@link PageCache}), kept in the same folder
     * as {@code pdfCache}'s PDFs; {@code site} is the fingerprint the whole-site level took of the site's files.
     */
    static Streamed render(BuildOptions opts, PdfCache pdfCache, Progress progress, Sink sink, Optional<SiteCache.Fingerprint> site) {
        return render(opts, pdfCache, progress, sink, true, site);
    }

    /**
     * The build as it goes when memory runs short and every first parse was dropped: each document parsed again for
     * each use. For the test that this gives the same output.
     */
    static Output renderParsingAgain(BuildOptions opts) {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        Streamed s = render(opts, new PdfCache(), Progress.NONE, files::put, false, Optional.empty());
        return new Output(new TreeMap<>(files), new TreeMap<>(s.copies()), s.diagnostics(), s.pages(), s.pdfs(), s.guides(), s.cachedPdfs());
    }

    private static Streamed render(BuildOptions opts, PdfCache pdfCache, Progress progress, Sink sink, boolean keep,
                                   Optional<SiteCache.Fingerprint> fingerprint) {
        int threads = opts.threads() > 0 ? opts.threads() : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Build b = new Build(opts, pdfCache, progress);
            b.keepFirstParse = keep;
            b.fingerprint = fingerprint;
            return pool.submit(() -> b.execute(sink)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One PDF made from one source file (and where the site publishes it), or why it could not be. */
    public record SinglePdf(Optional<byte[]> pdf, String sitePath, List<Diagnostic> diagnostics) {
    }

    /**
     * Typesets the guide (or paper) at {@code file} of the site at {@code opts.source()}: the quick check of
     * {@code lastmile pdf}. Loads the whole site, since links and inherited front matter depend on it.
     */
    public static SinglePdf pdfOf(BuildOptions opts, Path file) {
        Build b = new Build(opts, new PdfCache(), Progress.NONE);
        Made made = b.stage(() -> b.singlePdf(file.toAbsolutePath().normalize()));
        return made == null ? new SinglePdf(Optional.empty(), "", b.diagnostics.sorted())
                : new SinglePdf(Optional.ofNullable(made.pdf()), made.sitePath(), b.diagnostics.sorted());
    }

    /** A PDF (null when typesetting failed) and its path on the site. */
    private record Made(byte[] pdf, String sitePath) {
    }

    private Made singlePdf(Path file) {
        Site site = load();
        SourceFile found = site.docs.sources().values().stream().filter(d -> d.file().toAbsolutePath().normalize().equals(file))
                .findFirst().orElseThrow(() -> new LastmileException(Diagnostic.error(SourcePos.of(file),
                        "not a published guide or paper of this site", "give a file like content/papers/<slug>/guide.fr.md (drafts are not published)")));
        if (found.kind() == org.lastmile.content.ContentKind.PAGE) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(found.path()), "pages have no PDF",
                    "give a guide (guide.<lang>.md) or a paper (index.<lang>.md)"));
        }
        Bodies docs = bodies(site);
        Language lang = site.config.language(found.lang()).orElseThrow();
        SourceFile sf = found;
        String sitePath = sf.kind() == org.lastmile.content.ContentKind.GUIDE ? SiteIndex.guidePdf(sf.slug(), sf.lang())
                : SiteIndex.paperPdf(sf.slug(), sf.lang());
        return new Made(new GuidePdfs(site, diagnostics, pdfCache).renderOne(docs.render(SiteIndex.path(sf), true), lang), sitePath);
    }

    private Streamed execute(Sink sink) {
        java.util.Set<String> made = ConcurrentHashMap.newKeySet();
        Sink counted = (path, bytes) -> {
            sink.put(path, bytes);
            made.add(path);
        };
        Site site = stage(this::load);                                            // config, content, Markdown, URL plan
        if (site == null) return streamed(made, Map.of());
        shards = Shards.plan(opts, site, languages(site.config));                 // all of it, or one shard's share
        // A shard's manifest lists the hash of every file it made, taken as the files pass.
        Map<String, String> hashes = new ConcurrentHashMap<>();
        Sink out = opts.shard().isEmpty() ? counted : (path, bytes) -> {
            counted.put(path, bytes);
            hashes.put(path, Shards.hash(bytes));
        };
        Bodies docs = bodies(site);                                               // links resolved, bodies as HTML
        // PDFs first: download boxes show each PDF's real size and page count, all that is kept of them.
        Map<String, org.lastmile.site.PdfFacts> facts = new ConcurrentHashMap<>();
        stage(() -> renderPdfs(site, docs, (path, bytes) -> {
            facts.put("/" + path, new org.lastmile.site.PdfFacts(bytes.length, pageCount(bytes)));
            out.put(path, bytes);
        }));
        stage(() -> renderSite(site, docs, facts, out));                         // pages, feeds
        if (opts.check()) stage(() -> checkGlyphs(site));
        Map<String, Path> copies = new TreeMap<>(orEmpty(stage(() -> copies(site))));  // theme static files, resources
        copies.values().removeIf(src -> !shards.ownsCopy(src));
        if (opts.shard().isPresent()) {
            List<Diagnostic> clash = new ArrayList<>();
            Optional<byte[]> m = Shards.manifest(shards, new TreeMap<>(hashes), copies, clash, opts.source());
            diagnostics.addAll(clash);
            if (m.isPresent()) {
                try {
                    counted.put(ShardManifest.FILE, m.get());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return streamed(made, copies);
    }

    /** Which share of the site this build makes: all of it, unless it is one shard of a split build. */
    private Shards.Plan shards = Shards.Plan.WHOLE;

    private Streamed streamed(java.util.Set<String> made, Map<String, Path> copies) {
        int pages = (int) made.stream().filter(k -> k.endsWith(".html")).count();
        int pdfs = (int) made.stream().filter(k -> k.endsWith(".pdf")).count();
        pdfCache.disk().flatMap(DiskCache::writeProblem).ifPresent(p -> diagnostics.warning(
                SourcePos.of(pdfCache.disk().get().dir()), "cannot write the build cache: " + p,
                "check that the folder is writable, or pass --no-cache"));
        return new Streamed(copies, diagnostics.sorted(), pages, pdfs, guideReports, cachedPdfs, cachedPages, renderedPages);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private Void renderPdfs(Site site, Bodies docs, Sink out) {
        GuidePdfs pdfs = new GuidePdfs(site, diagnostics, pdfCache, progress);
        pdfs.render(path -> docs.render(path, false), shards::ownsDoc, languages(site.config), out);
        cachedPdfs = pdfs.fromCache();
        guideReports = pdfs.reports();
        return null;
    }

    /** How each guide of this build was laid out (for check and --verbose). */
    private Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guideReports = Map.of();

    /** Runs a stage; a stage that cannot go on reports its diagnostics and yields null. */
    private <T> T stage(Supplier<T> s) {
        try {
            return s.get();
        } catch (LastmileException e) {
            diagnostics.addAll(e.diagnostics());
            return null;
        }
    }

    /** The loaded site: configuration, content, theme, messages and the index of all its URLs. */
    record Site(SiteConfig config, SiteIndex index, Theme theme, Messages messages, Markdown markdown,
                Docs docs) {
    }

    private Site load() {
        List<Diagnostic> problems = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(opts.source())) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(opts.source()), "this folder does not exist",
                    "pass --source with the folder of your site (the one that holds content/)"));
        }
        SiteConfig cfg = ConfigLoader.load(opts.source(), problems);
        if (opts.baseUrl().isPresent()) cfg = cfg.withBaseUrl(opts.baseUrl().get());
        ContentLoader.Loaded loaded = ContentLoader.load(cfg, opts.drafts(), problems);
        cfg = loaded.config();
        for (String l : opts.languages()) {
            if (cfg.language(l).isEmpty()) {
                problems.add(Diagnostic.error(null, "--lang " + l + ": the site has no such language",
                        "choose from " + String.join(", ", cfg.languages().stream().map(Language::code).toList())));
            }
        }
        if (!opts.languages().isEmpty() && !opts.othersOnDemand()) {
            // A partial build is a site of those languages only, so nothing in it links a page it does not have.
            cfg = cfg.withLanguages(languages(cfg));
        }
        boolean hasContent = java.nio.file.Files.isDirectory(opts.source().resolve("content"));
        if (!cfg.baseUrlDeclared() && hasContent) {
            problems.add(Diagnostic.warning(SourcePos.of(Path.of(ConfigLoader.FILE)), "no base_url, so feeds, sitemap, "
                    + "canonical links and PDF links can only use paths", "set base_url in site.yaml or pass --base-url"));
        }
        List<Diagnostic> foreign = new ArrayList<>();
        for (String d : List.of("templates", "fonts")) {
            // content/ and static/ are walked when published; these are read by name, and a theme file that is a
            // link out of the site would otherwise be passed over for the built-in one without a word.
            org.lastmile.config.SiteFiles.walk(opts.source(), opts.source().resolve(d), foreign);
        }
        foreign.removeIf(x -> !x.isError());
        if (!foreign.isEmpty()) {
            diagnostics.addAll(problems);
            throw new LastmileException(foreign); // nothing is read from there, not even to report its mistakes
        }
        diagnostics.addAll(problems);
        Theme theme = Theme.of(opts.source());
        Messages messages = Messages.load(cfg, theme, diagnostics);
        if (opts.check()) diagnostics.addAll(messages.missingKeys());
        Markdown markdown = new Markdown();
        MarkdownStage md = new MarkdownStage(markdown);
        Docs docs = new Docs(md, keepFirstParse);
        SiteIndex.Planner planner = SiteIndex.planner(cfg, loaded.content());   // embedded lists decide list pages
        List<SourceFile> files = loaded.content().files().toList();
        Map<String, SourceFile> byPath = new TreeMap<>();
        files.forEach(sf -> byPath.put(SiteIndex.path(sf), sf));
        SiteConfig config = cfg;
        sources = pdfCache.disk().flatMap(disk -> fingerprint.flatMap(fp -> Sources.of(opts, disk, fp, config, byPath)));
        Optional<IndexCache> known = sources.map(s -> new IndexCache(pdfCache.disk().get(), s));
        progress.stage("parsing", files.size());
        files.parallelStream().forEach(sf -> {
            String path = SiteIndex.path(sf);
            Optional<String> key = known.map(k -> k.key(sf));
            Optional<IndexCache.Entry> hit = key.flatMap(k -> known.get().get(k));
            if (hit.isPresent()) {                                                // unchanged: not parsed again
                planner.scanned(path, hit.get().lists());
                docs.addUnparsed(path, sf, hit.get().facts());
                diagnostics.addAll(hit.get().notes());
            } else {
                List<Diagnostic> p = new ArrayList<>();
                ParsedDoc doc = md.parse(sf, p);
                Map<Integer, org.lastmile.site.ListShortcodes.Spec> lists = planner.scan(path, doc, p);
                docs.add(path, doc);
                diagnostics.addAll(p);
                key.ifPresent(k -> known.get().put(k, new IndexCache.Entry(doc.facts(), lists, p)));
            }
            progress.done(1);
        });
        return new Site(cfg, planner.index(), theme, messages, markdown, docs);
    }

    /** lastmile check: characters of papers and pages that the PDF fonts cannot print. */
    private Void checkGlyphs(Site site) {
        var style = PdfTheme.style(site.config, site.theme);
        var fonts = pdfCache.fonts(style, site.theme);
        Bodies bodies = bodies(site);
        site.docs.sources().keySet().stream().sorted()
                .filter(path -> built(site, site.docs.sources().get(path).lang()))
                .forEach(path -> diagnostics.addAll(GlyphCheck.check(bodies.render(path, false).parsed(), style, fonts)));
        return null;
    }

    private boolean built(Site site, String lang) {
        return languages(site.config).stream().anyMatch(l -> l.code().equals(lang));
    }

    private List<Language> languages(SiteConfig cfg) {
        if (opts.languages().isEmpty()) return cfg.languages();
        return cfg.languages().stream().filter(l -> opts.languages().stream().anyMatch(c -> c.equalsIgnoreCase(l.code()))).toList();
    }

    /**
     * Renders documents' bodies on demand: each page (and each PDF) takes its document's tree, resolves its links
     * and renders it, and nothing is kept once the page is written.
     */
    private final class Bodies {
        private final Site site;
        private final LinkResolver resolver;
        private final ContentHtml html;
        private final java.util.Set<String> statics;

        Bodies(Site site) {
            this.site = site;
            this.resolver = new LinkResolver(site.index, site.docs::facts);
            this.html = new ContentHtml(site.markdown);
            this.statics = site.theme.staticFiles().keySet();
        }

        /**
         * The body of the document at {@code path}, or null when there is none; {@code report}: its findings are
         * reported (by the one render of each document that its page makes, so each is reported once).
         */
        RenderedDoc render(String path, boolean report) {
            ParsedDoc doc = site.docs.take(path).orElse(null);
            if (doc == null) return null;
            LinkResolver.Result r = resolver.resolve(doc);
            // A partial build (--lang) knows only its own languages' pages: what the others' links find missing
            // there is not missing from the site.
            if (report && built(site, doc.source().lang())) {
                diagnostics.addAll(r.problems());
                if (opts.check()) diagnostics.addAll(r.notes());
                missingStaticImages(doc, statics);
            }
            String lang = doc.source().lang();
            var locale = site.config.language(lang).map(Language::locale).orElse(site.config.defaultLang().locale());
            return html.render(doc, r, f -> site.messages.format(lang,
                    "link_fallback", Map.of("language", Locales.languageName(f.target().locale(), locale))),
                    site.index.shortcodes(doc), () -> site.messages.format(lang, "footnote_back"));
        }
    }

    private Bodies bodies(Site site) {
        return new Bodies(site);
    }

    /** Images written from the site root ({@code /images/logo.png}) that no static folder of the site or theme has. */
    private void missingStaticImages(ParsedDoc doc, java.util.Set<String> statics) {
        for (com.vladsch.flexmark.util.ast.Node n : doc.doc().getDescendants()) {
            if (!(n instanceof com.vladsch.flexmark.ast.Image img)) continue;
            String url = img.getUrl().toString();
            if (!url.startsWith("/") || url.startsWith("//")) continue;
            String path = url.substring(1);
            int cut = path.length();
            for (char c : new char[]{'?', '#'}) if (path.indexOf(c) >= 0) cut = Math.min(cut, path.indexOf(c));
            path = java.net.URLDecoder.decode(path.substring(0, cut).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            if (!statics.contains(path)) {
                diagnostics.error(MarkdownStage.pos(doc.source(), img), "image '" + url + "' not found in static/",
                        "put the file at static/" + path + " (it is published at the site root) or fix the path");
            }
        }
    }

    /** HTML pages, after the PDFs: download boxes show each PDF's real size and page count. */
    private Void renderSite(Site site, Bodies docs, Map<String, org.lastmile.site.PdfFacts> facts, Sink out) {
        progress.stage("pages", 0);
        Templates templates = new Templates(site.theme);
        Map<String, org.lastmile.site.PdfFacts> made = Map.copyOf(facts);
        Optional<PageCache> cache = pdfCache.disk().flatMap(disk -> sources.flatMap(s ->
                PageCache.SiteKey.of(s, opts, site).map(key -> new PageCache(disk, key, templates, made, diagnostics))));
        java.util.Set<String> rendered = ConcurrentHashMap.newKeySet();
        new SiteRenderer(site.index, templates, site.messages, year(site), cache.map(PageCache::facts).orElse(made))
                .render(path -> {
                    cache.ifPresent(c -> c.readsBody(path));
                    return docs.render(path, true);
                }, languages(site.config), diagnostics, shards::ownsFile, (path, bytes) -> {
                    try {
                        out.put(path, bytes);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, (path, render) -> {
                    if (cache.isPresent()) return cache.get().make(path, render);
                    if (path.endsWith(".html")) rendered.add(path);
                    return render.get();
                });
        cachedPages = cache.map(PageCache::fromCache).orElse(0);
        renderedPages = cache.map(PageCache::rendered).orElse(java.util.Set.copyOf(rendered));
        return null;
    }

    /** The page count of a PDF lastmile made: its page tree's /Count (read with OpenPDF, no rendering). */
    private static int pageCount(byte[] pdf) {
        // Read lazily (only the page tree): reading every object of 186 PDFs cost 2 ms per guide.
        try (org.openpdf.text.pdf.PdfReader r = new org.openpdf.text.pdf.PdfReader(new org.openpdf.text.pdf.RandomAccessFileOrArray(pdf), null)) {
            return r.getNumberOfPages();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The copyright year: from SOURCE_DATE_EPOCH, else the newest content date, never the clock (same input, same output). */
    private static String year(Site site) {
        return Reproducible.epoch().map(i -> String.valueOf(i.atZone(java.time.ZoneOffset.UTC).getYear()))
                .orElseGet(() -> String.valueOf(site.index.content().files().map(sf -> sf.fm().date().orElse(LocalDate.EPOCH))
                        .max(LocalDate::compareTo).orElse(LocalDate.EPOCH).getYear()));
    }

    private Map<String, Path> copies(Site site) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Path> out = new TreeMap<>(site.theme.staticFiles(problems));
        diagnostics.addAll(problems);
        for (Bundle b : site.index.content().bundles()) {
            // Wherever the paper or its guide exists in a language, the files beside them are needed there.
            java.util.Set<String> langs = new java.util.TreeSet<>(b.papers().keySet());
            langs.addAll(b.guides().keySet());
            // Images are published once and shared by every language's pages (see SiteIndex.sharedResource), in
            // the folder of the first language the paper exists in, even when a preview builds another one.
            String imageLang = site.index.imageLanguage(b).orElse("");
            boolean built = false;
            for (String lang : langs) {
                if (languages(site.config).stream().noneMatch(l -> l.code().equals(lang))) continue;
                built = true;
                for (Path r : b.resources()) {
                    String inBundle = b.dir().relativize(r).toString().replace('\\', '/');
                    if (!SiteIndex.isImage(inBundle)) out.put(SiteIndex.paper(b.slug(), lang).substring(1) + inBundle, r);
                }
            }
            for (Path r : b.resources()) {
                String inBundle = b.dir().relativize(r).toString().replace('\\', '/');
                if (built && !imageLang.isEmpty() && SiteIndex.isImage(inBundle)) {
                    out.put(SiteIndex.paper(b.slug(), imageLang).substring(1) + inBundle, r);
                }
            }
        }
        return out;
    }
}
