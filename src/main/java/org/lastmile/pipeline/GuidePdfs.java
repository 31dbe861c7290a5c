package org.lastmile.pipeline;

import com.vladsch.flexmark.ast.Image;
import java.nio.file.Path;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.Bundle;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostics;
import org.lastmile.diag.SourcePos;
import org.lastmile.i18n.Locales;
import org.lastmile.pdf.Direction;
import org.lastmile.pdf.Fonts;
import org.lastmile.pdf.GuideRenderer;
import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PaperPdfRenderer;
import org.lastmile.pdf.PaperSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.RenderResult;
import org.lastmile.site.RenderedDoc;
import org.lastmile.site.SiteIndex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PDF stage: every guide as a four-page PDF with its print booklet, and, when {@code pdf: {papers: true}},
 * every paper as a PDF. Guides are independent, so they are typeset in parallel; fonts are loaded once per build
 * (once per process in the preview) and shared.
 */
final class GuidePdfs {
    private final Build.Site site;
    private final Diagnostics diagnostics;
    private final PdfCache cache;
    private final SiteConfig cfg;

    private final Map<String, java.nio.file.Path> staticFiles;
    private final java.util.concurrent.atomic.AtomicInteger fromCache = new java.util.concurrent.atomic.AtomicInteger();

    private final Progress progress;
    /** The build's hyphenation patterns, read on first use and shared by every guide. */
    private org.lastmile.text.Hyphenation hyphenation;
    /** Layout, size and fullness of every guide typeset, by output path: what check and --verbose report. */
    private final Map<String, org.lastmile.pdf.layout.GuideLayout.Report> reports = new ConcurrentHashMap<>();

    GuidePdfs(Build.Site site, Diagnostics diagnostics, PdfCache cache) {
        this(site, diagnostics, cache, Progress.NONE);
    }

    GuidePdfs(Build.Site site, Diagnostics diagnostics, PdfCache cache, Progress progress) {
        this.progress = progress;
        this.staticFiles = site.theme().staticFiles();
        this.site = site;
        this.diagnostics = diagnostics;
        this.cache = cache;
        this.cfg = site.config();
    }

    private record Job(String out, Bundle bundle, SourceFile file, boolean guide) {
    }

    private synchronized org.lastmile.text.Hyphenation hyphenation() {
        if (hyphenation == null) {
            List<org.lastmile.diag.Diagnostic> problems = new ArrayList<>();
            hyphenation = SiteHyphenation.load(cfg, problems);
            diagnostics.addAll(problems);
        }
        return hyphenation;
    }

    /** How each guide typeset in this build was laid out, by its output path. */
    Map<String, org.lastmile.pdf.layout.GuideLayout.Report> reports() {
        return new TreeMap<>(reports);
    }

    Map<String, byte[]> render(Map<String, RenderedDoc> docs, List<Language> languages) {
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        render(docs::get, sf -> docs.containsKey(SiteIndex.path(sf)), languages, out::put);
        return new TreeMap<>(out);
    }

    /**
     * Typesets every PDF of {@code languages} made from a document {@code mine} accepts (in a split build, the
     * others are another shard's), handing each to {@code out} as soon as it is made.
     */
    void render(java.util.function.Function<String, RenderedDoc> docs, java.util.function.Predicate<SourceFile> mine,
                List<Language> languages, Build.Sink out) {
        if (!cfg.pdf().guides() && !cfg.pdf().papers()) return;
        org.lastmile.text.Hyphenation hy = hyphenation();
        PdfStyle style = PdfTheme.style(cfg, site.theme());
        Fonts fonts = cache.fonts(style, site.theme());
        String shared = sharedKey(style);
        List<Job> jobs = new ArrayList<>();
        for (Bundle b : site.index().content().bundles()) {
            for (Language l : languages) {
                // Only what this build rendered: in a split build, the other documents are another shard's.
                if (cfg.pdf().guides()) b.guide(l.code()).filter(mine)
                        .ifPresent(g -> jobs.add(new Job(SiteIndex.guidePdf(b.slug(), l.code()), b, g, true)));
                if (cfg.pdf().papers()) b.paper(l.code()).filter(mine)
                        .ifPresent(p -> jobs.add(new Job(SiteIndex.paperPdf(b.slug(), l.code()), b, p, false)));
            }
        }
        progress.stage("PDFs", jobs.size());
        jobs.parallelStream().forEach(j -> {
            try {
                renderJob(j, docs, style, fonts, hy, shared, out);
            } finally {
                progress.done(1);
            }
        });
    }

    private void renderJob(Job j, java.util.function.Function<String, RenderedDoc> docs, PdfStyle style, Fonts fonts, org.lastmile.text.Hyphenation hy,
                           String shared, Build.Sink sink) {
        java.util.function.BiConsumer<String, byte[]> out = (path, bytes) -> {
            try {
                sink.put(path, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        RenderedDoc doc = docs.apply(SiteIndex.path(j.file()));
        if (doc == null) return;
        Language lang = cfg.language(j.file().lang()).orElseThrow();
        if (blockedByPaths(j.bundle(), j.file(), doc, false)) return;
        String key = key(j, doc, style, shared);
        Optional<byte[]> hit = cache.get(key);
        byte[] pdf = hit.orElse(null);
        if (pdf == null) {
            RenderResult r = j.guide() ? GuideRenderer.render(guideSpec(j.bundle(), j.file(), doc, lang), style, fonts, hy)
                    : PaperPdfRenderer.render(paperSpec(j.file(), doc, lang, j.bundle()), style, fonts, hy);
            diagnostics.addAll(r.diagnostics());
            r.report().ifPresent(rep -> reports.put(j.out(), rep));
            if (!r.ok()) return;
            pdf = r.pdf().orElseThrow();
            // A PDF that came with warnings is typeset again next time, so its warnings are never lost.
            if (r.diagnostics().isEmpty()) {
                cache.put(key, pdf);
                r.report().ifPresent(rep -> cache.putReport(key, rep));
            }
        } else {
            fromCache.incrementAndGet();
            cache.report(key).ifPresent(rep -> reports.put(j.out(), rep));
        }
        out.accept(j.out().substring(1), pdf);
        if (j.guide()) {
            boolean[] cached = new boolean[1];
            out.accept(SiteIndex.guideBooklet(j.bundle().slug(), lang.code()).substring(1),
                    cache.booklet(key, pdf, lang.rtl() ? Direction.RTL : Direction.LTR, style.print().cropMarks(), cached));
            if (cached[0]) fromCache.incrementAndGet();
        }
    }

    /** One guide or paper alone (lastmile pdf); null when it failed (the reasons are in the diagnostics). */
    byte[] renderOne(RenderedDoc doc, Language lang) {
        SourceFile sf = doc.parsed().source();
        Bundle b = site.index().content().bundle(sf.slug()).orElseThrow();
        PdfStyle style = PdfTheme.style(cfg, site.theme());
        Fonts fonts = cache.fonts(style, site.theme());
        boolean guide = sf.kind() == org.lastmile.content.ContentKind.GUIDE;
        if (blockedByPaths(b, sf, doc, true)) return null; // lastmile pdf: no page build reports them
        RenderResult r = guide ? GuideRenderer.render(guideSpec(b, sf, doc, lang), style, fonts, hyphenation())
                : PaperPdfRenderer.render(paperSpec(sf, doc, lang, b), style, fonts, hyphenation());
        diagnostics.addAll(r.diagnostics());
        return r.pdf().orElse(null);
    }

    /**
     * Files a PDF would read from outside the site: a cover image that leads out of it, an image written from the
     * site root that is no file of static/ (the PDF would otherwise look for it at the root of the disk). Checked on
     * every build, before the cache, so the errors never go away unfixed.
     */
    /**
     * Whether the document names a file the PDF must not read (outside the site, or from the disk's root rather than
     * static/). Paths that leave the site are reported here; site-root images missing from static/ are reported by
     * the build for every page, so here they only stop the PDF.
     */
    private boolean blockedByPaths(Bundle b, SourceFile sf, RenderedDoc doc, boolean reportStatics) {
        List<org.lastmile.diag.Diagnostic> outside = pathProblems(b, sf, doc);
        diagnostics.addAll(outside);
        List<org.lastmile.diag.Diagnostic> statics = new ArrayList<>();
        staticImages(doc.parsed().doc(), sf, statics);
        if (reportStatics) diagnostics.addAll(statics);
        return !outside.isEmpty() || !statics.isEmpty();
    }

    private List<org.lastmile.diag.Diagnostic> pathProblems(Bundle b, SourceFile sf, RenderedDoc doc) {
        List<org.lastmile.diag.Diagnostic> out = new ArrayList<>();
        Optional<Path> cover = cover(b, sf);
        if (cover.isPresent() && !inSite(cover.get())) {
            // Reported where it is written: a translation that inherits it is the source file's problem.
            SourceFile owner = sf.fm().keys().contains("cover_image") ? sf : b.guides().values().stream()
                    .filter(g -> g.fm().keys().contains("cover_image")).findFirst().orElse(sf);
            out.add(org.lastmile.diag.Diagnostic.error(owner.fm().pos("cover_image", org.lastmile.diag.SourcePos.of(owner.path())),
                    "cover_image '" + sf.fm().coverImage().orElse("") + "' is outside the site folder",
                    "put the image in the paper's folder and write its name, like cover_image: cover.jpg"));
        }
        return out;
    }

    private void staticImages(Node n, SourceFile sf, List<org.lastmile.diag.Diagnostic> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Image img && img.getUrl().startsWith("/") && !img.getUrl().startsWith("//")
                    && !staticFiles.containsKey(img.getUrl().toString().substring(1))) {
                out.add(org.lastmile.diag.Diagnostic.error(org.lastmile.markdown.MarkdownStage.pos(sf, img),
                        "image '" + img.getUrl() + "' is not a file of static/",
                        "put it in the site's static/ folder (published at the site root), or beside the Markdown file"));
            }
            staticImages(c, sf, out);
        }
    }

    private static Optional<Path> cover(Bundle b, SourceFile sf) {
        return sf.fm().coverImage().flatMap(c -> {
            try {
                return Optional.of(b.dir().resolve(c).normalize());
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.of(b.dir().resolve("(not a file name)"));
            }
        });
    }

    /** Inside the site folder, also once links are followed (a file that is not there is for the renderer to report). */
    private boolean inSite(Path p) {
        return org.lastmile.config.SiteFiles.staysInside(cfg.root(), p)
                && (!java.nio.file.Files.exists(p) || org.lastmile.config.SiteFiles.inside(cfg.root(), p).isPresent());
    }


    /** How many of the PDFs of the last {@link #render} came from the cache (booklets included). */
    int fromCache() {
        return fromCache.get();
    }

    /**
     * What every PDF of the build depends on: lastmile itself, the fonts' content, the languages and the UI labels
     * printed in PDFs.
     */
    private String sharedKey(PdfStyle style) {
        StringBuilder sb = new StringBuilder();
        sb.append(cache.disk().map(DiskCache::codeFingerprint).orElse(org.lastmile.config.Version.VERSION)).append('\n');
        for (String f : style.fontFiles()) {
            sb.append(f).append('=').append(site.theme().font(f).map(cache::fontHash).orElse("none")).append('\n');
        }
        sb.append(cfg.languages()).append('\n');
        // The site's hyphenation patterns break the lines.
        for (var e : new TreeMap<>(cfg.pdf().hyphenation()).entrySet()) {
            sb.append("hyphenation ").append(e.getKey()).append('=').append(DiskCache.fileHash(cfg.root().resolve(e.getValue()))).append('\n');
        }
        // The style (with the logo by its hash), base URL and guide settings are the same for every PDF of the build:
        // written out here once rather than for each guide's key.
        sb.append(style.withOrganisation(style.organisation(), null, style.licence())).append('\n')
                .append(style.logo() == null ? "" : HexFormat.of().formatHex(sha(style.logo()))).append('\n')
                .append(cfg.baseUrl()).append('\n').append(cfg.pdf().guide()).append('\n');
        for (Language l : cfg.languages()) {
            for (String k : List.of("community_guide", "read_full_paper", "available_in", "footnotes", "briefing_paper", "contents")) {
                sb.append(site.messages().format(l.code(), k)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Everything that goes into one PDF, hashed: an unchanged guide is not typeset again by the preview, nor, with
     * the build cache, by the next build. Images are keyed by their content.
     */
    private String key(Job j, RenderedDoc doc, PdfStyle style, String shared) {
        StringBuilder sb = new StringBuilder(shared);
        for (Path r : j.bundle().resources()) sb.append(r.getFileName()).append('=').append(DiskCache.fileHash(r)).append('\n');
        cover(j.bundle(), j.file()).ifPresent(c -> sb.append("cover=").append(DiskCache.fileHash(c)).append('\n'));
        staticImages(doc.parsed().doc(), sb);
        sb.append(j.out()).append('\n').append(doc.html()).append('\n').append(j.file().fm()).append('\n')
                .append(j.bundle().guides().keySet()).append(j.bundle().papers().keySet())
                .append(timestamp(j.file())).append(cfg.language(j.file().lang()))
                .append(imprint(j.file().lang()));
        return HexFormat.of().formatHex(sha(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The content of static/ images (written from the site root) a document shows: the PDF embeds them. */
    private void staticImages(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Image img) {
                String url = img.getUrl().toString();
                Path file = url.startsWith("/") ? staticFiles.get(url.substring(1)) : null;
                if (file == null && url.startsWith("/") && Path.of(url).isAbsolute()) file = Path.of(url);
                if (file != null) sb.append("image=").append(DiskCache.fileHash(file)).append('\n');
            }
            staticImages(c, sb);
        }
    }

    private static byte[] sha(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The date stamped into a PDF: SOURCE_DATE_EPOCH when set, else the content's date; never the clock. */
    private static Instant timestamp(SourceFile sf) {
        return Reproducible.epoch().orElseGet(() -> sf.fm().date().orElse(LocalDate.EPOCH).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private GuideSpec guideSpec(Bundle b, SourceFile sf, RenderedDoc doc, Language lang) {
        String code = lang.code();
        absoluteLinks(doc.parsed().doc(), false);
        Optional<SourceFile> paper = site.index().paperFor(b, code);
        List<String> available = b.guides().keySet().stream().map(c -> cfg.language(c).map(Language::name).orElse(c)).toList();
        return GuideSpec.builder()
                .source(sf.path()).bodyLineOffset(sf.bodyLine() - 1)
                .language(code).direction(lang.rtl() ? Direction.RTL : Direction.LTR)
                .seriesLabel(site.messages().format(code, "community_guide"))
                .title(sf.fm().title()).summary(sf.fm().summary()).shortTitle(sf.fm().shortTitle())
                .body(doc.parsed().doc()).bundleDir(b.dir())
                .coverImage(coverImage(b, sf))
                .dateText(sf.fm().date().map(d -> longDate(d, lang)).orElse(""))
                .date(sf.fm().date().orElse(null)).timestamp(timestamp(sf))
                .paperUrl(paper.map(p -> absolute(site.index().href(SiteIndex.path(p)))).orElse(""))
                .readFullLabel(site.messages().format(code, "read_full_paper"))
                .availableLabel(site.messages().format(code, "available_in"))
                .availableLanguages(available).availableCodes(List.copyOf(b.guides().keySet())).tags(sf.fm().tags())
                .pageLabelFormat("%d / %d").notesLabel(site.messages().format(code, "footnotes"))
                .staticFiles(staticFiles).hyphenate(lang.hyphenate()).qrCode(cfg.pdf().guide().qrCode())
                .layout(layoutOf(sf)).minSize(minSizeOf(sf))
                .coverImageLine(sf.fm().lines().containsKey("cover_image") ? sf.fm().lines().get("cover_image").line() : 0)
                .imprint(imprint(code))
                .build();
    }

    /**
     * Long dates as {@link Locales#longDate} writes them, from one date format per locale: ICU builds a format from
     * its locale data on every call (about 1 % of a build with PDFs, as every guide has its own date), and cloning a
     * built one costs a fraction of that.
     */
    private final Map<com.ibm.icu.util.ULocale, com.ibm.icu.text.DateFormat> dateFormats = new ConcurrentHashMap<>();

    private String longDate(LocalDate d, Language lang) {
        com.ibm.icu.text.DateFormat f = (com.ibm.icu.text.DateFormat) dateFormats.computeIfAbsent(lang.formatLocale(), l -> {
            com.ibm.icu.text.DateFormat x = com.ibm.icu.text.DateFormat.getDateInstance(com.ibm.icu.text.DateFormat.LONG, l);
            x.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
            return x;
        }).clone();
        return f.format(java.util.Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    /** The back cover's contact e-mail, funder line and disclaimer in {@code lang}. */
    private GuideSpec.Imprint imprint(String lang) {
        var org = cfg.organisation();
        return new GuideSpec.Imprint(org.email(), org.funder(lang, cfg.defaultLanguage()),
                org.disclaimer(lang, cfg.defaultLanguage()));
    }

    /** The layout a guide pins in its front matter ({@code guide_layout}), else the site's, else none. */
    private org.lastmile.pdf.layout.GuideLayout.Kind layoutOf(SourceFile sf) {
        Object own = sf.fm().params().get("guide_layout");
        String name = own != null ? String.valueOf(own).trim() : cfg.pdf().guide().layout();
        if (name == null || name.equals("auto")) return null;
        for (var k : org.lastmile.pdf.layout.GuideLayout.Kind.values()) if (k.label().equals(name)) return k;
        diagnostics.error(sf.fm().lines().getOrDefault("guide_layout", SourcePos.of(sf.path())),
                "guide_layout '" + name + "' is not a layout", "use one of "
                        + String.join(", ", org.lastmile.config.PdfSettings.Guide.LAYOUTS));
        return null;
    }

    /** The smallest body size a guide allows in its front matter ({@code min_size}), else 0 (the site's). */
    private float minSizeOf(SourceFile sf) {
        Object own = sf.fm().params().get("min_size");
        if (own == null) return 0;
        if (own instanceof Number n && n.doubleValue() >= 8 && n.doubleValue() <= 14) return n.floatValue();
        diagnostics.error(sf.fm().lines().getOrDefault("min_size", SourcePos.of(sf.path())),
                "min_size " + own + " is not a body size between 8 and 14 pt", "write min_size: 9");
        return 0;
    }

    /**
     * The guide's cover image, checked here where the front matter line is known; null (and reported) when it is
     * missing or cannot be placed. A translation inherits the image, so the line is that of the file that names it.
     */
    private Path coverImage(Bundle b, SourceFile sf) {
        if (sf.fm().coverImage().isEmpty()) return null;
        String name = sf.fm().coverImage().get();
        SourceFile owner = sf.fm().keys().contains("cover_image") ? sf
                : b.guides().getOrDefault(cfg.defaultLanguage(), sf);
        var pos = owner.fm().pos("cover_image", org.lastmile.diag.SourcePos.of(owner.path()));
        Path file = cover(b, sf).orElseThrow();
        if (!inSite(file)) return null; // reported with the other paths that leave the site
        if (!java.nio.file.Files.isRegularFile(file)) {
            diagnostics.error(pos, "cover image " + name + " not found", "put it in the paper's folder, beside " + owner.path().getFileName());
            return null;
        }
        try {
            org.lastmile.pdf.ImageFiles.check(java.nio.file.Files.readAllBytes(file));
        } catch (org.lastmile.pdf.ImageFiles.Refused e) {
            diagnostics.error(pos, "cover image " + name + " " + e.getMessage(), e.hint());
            return null;
        } catch (java.io.IOException e) {
            diagnostics.error(pos, "cover image " + name + " cannot be read", "check the file and its permissions");
            return null;
        }
        return file;
    }

    private PaperSpec paperSpec(SourceFile sf, RenderedDoc doc, Language lang, Bundle b) {
        String code = lang.code();
        absoluteLinks(doc.parsed().doc(), true);
        return new PaperSpec(sf.path(), sf.bodyLine() - 1, code, lang.rtl() ? Direction.RTL : Direction.LTR,
                site.messages().format(code, "briefing_paper"), sf.fm().title(), sf.fm().summary(), sf.fm().shortTitle(),
                sf.fm().authors(), doc.parsed().doc(), b.dir(),
                sf.fm().date().map(d -> longDate(d, lang)).orElse(""), timestamp(sf),
                absolute(site.index().href(SiteIndex.path(sf))), sf.fm().tags(),
                site.messages().format(code, "contents"), site.messages().format(code, "footnotes"), "%d / %d");
    }

    /** A PDF is read away from the site: site links become absolute URLs (when the site has a base URL). */
    private void absoluteLinks(Node n, boolean staticImagesAsFiles) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link l && l.getUrl().startsWith("/") && !l.getUrl().startsWith("//")) {
                l.setUrl(BasedSequence.of(absolute(l.getUrl().toString())));
            } else if (staticImagesAsFiles && c instanceof Image img && img.getUrl().startsWith("/")
                    && !img.getUrl().startsWith("//")) {
                // An image of static/ (written from the site root): the PDF reads the file itself.
                Path file = staticFiles.get(img.getUrl().toString().substring(1));
                // Never a path from the root of the disk: an image that is not in static/ is reported, not read.
                img.setUrl(BasedSequence.of(file == null ? "" : file.toAbsolutePath().toString()));
                continue;
            }
            absoluteLinks(c, staticImagesAsFiles);
        }
    }

    /** A site link (with base path) as an absolute URL: the base URL's origin in front. */
    private String absolute(String href) {
        String base = cfg.baseUrl();
        if (base.isEmpty() || !href.startsWith("/")) return href;
        return base.substring(0, base.length() - cfg.basePath().length()) + href;
    }
}
