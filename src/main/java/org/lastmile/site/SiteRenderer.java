package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.Bundle;
import org.lastmile.content.PageGroup;
import org.lastmile.content.SourceFile;
import org.lastmile.content.TranslationState;
import org.lastmile.content.TranslationStatus;
import org.lastmile.content.Translations;
import org.lastmile.diag.Diagnostics;
import org.lastmile.diag.LastmileException;
import org.lastmile.i18n.Messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders every HTML page of the site, plus feeds, sitemap and robots.txt, into a map from output path to bytes.
 * Pages are independent, so they render in parallel; the result is a sorted map, so output does not depend on the
 * order work finished in.
 */
public final class SiteRenderer {
    private final SiteIndex index;
    private final Templates templates;
    private final PageModels models;
    private final SiteConfig cfg;
    private final Messages messages;
    private final ListPages lists;

    public SiteRenderer(SiteIndex index, Templates templates, Messages messages, String year) {
        this(index, templates, messages, year, Map.of());
    }

    /** @param pdfs the PDFs of this build by site path: download boxes give their size and page count */
    public SiteRenderer(SiteIndex index, Templates templates, Messages messages, String year, Map<String, PdfFacts> pdfs) {
        this.index = index;
        this.templates = templates;
        this.messages = messages;
        this.models = new PageModels(index, messages, year, pdfs);
        this.lists = new ListPages(index, models, messages);
        this.cfg = index.config();
    }

    private record Job(String out, Supplier<byte[]> render) {
    }

    /**
     * @param docs every published source file's rendered body, by the site path of its page
     * @param languages the languages to build (all of the site's when building everything)
     */
    public Map<String, byte[]> render(Map<String, RenderedDoc> docs, List<Language> languages, Diagnostics diagnostics) {
        return render(docs, languages, diagnostics, out -> true);
    }

    /**
     * Renders only the files whose output path {@code wanted} accepts: one shard's share of a build split across
     * machines ({@code docs} then holds just that share's bodies).
     */
    public Map<String, byte[]> render(Map<String, RenderedDoc> docs, List<Language> languages, Diagnostics diagnostics,
                                      java.util.function.Predicate<String> wanted) {
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        render(docs::get, languages, diagnostics, wanted, out::put);
        return new TreeMap<>(out);
    }

    /**
     * Renders every page {@code wanted} accepts and hands it to {@code out} as soon as it is made (from worker
     * threads), so the caller can write it and let it go. {@code docs} gives a document's rendered body by its site
     * path, once per page: it may render it right then, so that no body outlives its page.
     */
    public void render(java.util.function.Function<String, RenderedDoc> docs, List<Language> languages, Diagnostics diagnostics,
                       java.util.function.Predicate<String> wanted, java.util.function.BiConsumer<String, byte[]> out) {
        render(docs, languages, diagnostics, wanted, out, (path, render) -> render.get());
    }

    /**
     * How each file is made from its render: by running it, or (a build with a cache) by taking the file from the
     * cache when nothing the render would read has changed.
     */
    @FunctionalInterface
    public interface Maker {
        byte[] make(String out, Supplier<byte[]> render);
    }

    /** {@link #render(java.util.function.Function, List, Diagnostics, java.util.function.Predicate, java.util.function.BiConsumer)}, each file made through {@code maker}. */
    public void render(java.util.function.Function<String, RenderedDoc> docs, List<Language> languages, Diagnostics diagnostics,
                       java.util.function.Predicate<String> wanted, java.util.function.BiConsumer<String, byte[]> out, Maker maker) {
        List<Job> jobs = new ArrayList<>();
        for (Language lang : languages) jobs.addAll(jobsFor(lang, docs));
        jobs.add(new Job("index.html", () -> html("root.ftlh", rootModel())));
        jobs.add(new Job("404.html", () -> html("404.ftlh", notFound(rootLanguage()))));
        jobs.add(new Job("sitemap.xml", () -> Feeds.sitemap(index, lists.lastmod()).getBytes(StandardCharsets.UTF_8)));
        jobs.add(new Job("robots.txt", () -> Feeds.robots(index).getBytes(StandardCharsets.UTF_8)));
        if (cfg.statusPage()) jobs.add(new Job("status/index.html", () -> html("status.ftlh", statusPage())));
        jobs.removeIf(j -> !wanted.test(j.out()));
        jobs.parallelStream().forEach(j -> {
            byte[] page;
            try {
                page = maker.make(j.out(), j.render());
            } catch (LastmileException e) {
                diagnostics.addAll(e.diagnostics());
                return;
            }
            out.accept(j.out(), page);
        });
    }

    private List<Job> jobsFor(Language lang, java.util.function.Function<String, RenderedDoc> docs) {
        String code = lang.code();
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(code + "/index.html", () -> html("home.ftlh", home(lang))));
        jobs.add(new Job(code + "/tags/index.html", () -> html("tags.ftlh", lists.tagsPage(lang))));
        jobs.add(new Job(code + "/404.html", () -> html("404.ftlh", notFound(lang))));
        jobs.add(new Job(code + "/atom.xml", () -> Feeds.atom(index, lang, lists.feedItems(lang)).getBytes(StandardCharsets.UTF_8)));
        for (ListFilter f : index.lists()) {
            List<Catalog.Item> items = index.catalog().list(code, f);
            int pages = index.pageCount(items.size());
            for (int n = 1; n <= pages; n++) {
                int number = n;
                jobs.add(new Job(f.path(code, n).substring(1) + "index.html", () -> html("list.ftlh", lists.listPage(lang, f, items, number, pages))));
            }
        }
        for (Bundle b : index.content().bundles()) {
            b.paper(code).ifPresent(sf -> jobs.add(new Job(outFile(sf), () -> html("paper.ftlh", paper(lang, b, sf, docs)))));
            b.guide(code).ifPresent(sf -> jobs.add(new Job(outFile(sf), () -> html("guide.ftlh", guide(lang, b, sf, docs)))));
        }
        for (PageGroup p : index.content().pages()) {
            p.version(code).ifPresent(sf -> jobs.add(new Job(outFile(sf), () -> html("page.ftlh", page(lang, sf, docs)))));
        }
        for (PageGroup n : index.content().news()) {
            n.version(code).ifPresent(sf -> jobs.add(new Job(outFile(sf), () -> html("news.ftlh", news(lang, n, sf, docs)))));
        }
        return jobs;
    }

    private static String outFile(SourceFile sf) {
        return SiteIndex.path(sf).substring(1) + "index.html";
    }

    private byte[] html(String template, Map<String, Object> model) {
        return templates.render(template, model).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> model(Language lang, String path, Map<String, Object> page) {
        Map<String, Object> m = models.common(lang, path);
        m.put("page", page);
        return m;
    }

    private Map<String, Object> home(Language lang) {
        String path = SiteIndex.home(lang.code());
        String description = cfg.description(lang.code()).isEmpty() ? cfg.title(lang.code()) : cfg.description(lang.code());
        Map<String, Object> p = models.page(PageKind.HOME, lang, path, cfg.title(lang.code()), description);
        int latest = cfg.taxonomy().homeLatest();
        p.put("latestNews", lists.section(lang, ListFilter.of(ListFilter.Kind.NEWS), latest, false));
        p.put("latestPapers", lists.section(lang, ListFilter.of(ListFilter.Kind.PAPERS), latest, false));
        p.put("latestGuides", lists.section(lang, ListFilter.of(ListFilter.Kind.GUIDES), latest, false));
        p.put("homeTags", lists.tagEntries(lang).stream().filter(e -> ((Integer) e.get("count")) > 0)
                .sorted(java.util.Comparator.comparing((Map<String, Object> e) -> -((Integer) e.get("count")))).limit(12).toList());
        return model(lang, path, p);
    }

    private Map<String, Object> notFound(Language lang) {
        String path = "/" + lang.code() + "/404.html";
        Map<String, Object> p = models.page(PageKind.NOT_FOUND, lang, path, messages.format(lang.code(), "not_found_title"), "");
        return model(lang, path, p);
    }

    private Map<String, Object> paper(Language lang, Bundle b, SourceFile sf, java.util.function.Function<String, RenderedDoc> docs) {
        String path = SiteIndex.path(sf);
        Map<String, Object> p = docPage(PageKind.PAPER, lang, sf, docs, b.papers(), code -> SiteIndex.paper(b.slug(), code));
        p.put("availableIn", models.available(b.papers(), code -> SiteIndex.paper(b.slug(), code)));
        b.guide(lang.code()).ifPresent(g -> p.put("guide", Map.of("url", index.href(SiteIndex.guide(b.slug(), lang.code())), "title", g.fm().title())));
        p.put("guidePdfs", models.guidePdfs(b, lang));
        if (cfg.pdf().papers()) {
            p.put("paperPdf", index.href(SiteIndex.paperPdf(b.slug(), lang.code())));
            p.put("paperPdfFacts", models.pdfFacts(SiteIndex.paperPdf(b.slug(), lang.code()), lang));
        }
        StructuredData.put(p, index, sf, b.papers(), code -> SiteIndex.paper(b.slug(), code),
                cfg.pdf().papers() ? index.absolute(SiteIndex.paperPdf(b.slug(), lang.code())) : "");
        return model(lang, path, p);
    }

    private Map<String, Object> guide(Language lang, Bundle b, SourceFile sf, java.util.function.Function<String, RenderedDoc> docs) {
        String path = SiteIndex.path(sf);
        Map<String, Object> p = docPage(PageKind.GUIDE, lang, sf, docs, b.guides(), code -> SiteIndex.guide(b.slug(), code));
        p.put("availableIn", models.available(b.guides(), code -> SiteIndex.guide(b.slug(), code)));
        p.put("guidePdfs", models.guidePdfs(b, lang));
        p.put("seriesLabel", messages.format(lang.code(), "community_guide"));
        index.paperFor(b, lang.code()).ifPresent(x -> p.put("paper", Map.of("url", index.href(SiteIndex.path(x)), "title", x.fm().title())));
        return model(lang, path, p);
    }

    /**
     * The meta description: the file's summary; without one, the start of its first paragraph, so that no two pages
     * share the site's description; the site's description only for a file without text.
     */
    private String describe(SourceFile sf, Language lang, RenderedDoc doc) {
        if (!sf.fm().summary().isEmpty()) return sf.fm().summary();
        for (com.vladsch.flexmark.util.ast.Node n = doc == null ? null : doc.parsed().doc().getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof com.vladsch.flexmark.ast.Paragraph) || doc.lists().size() > 0 && n.getChars().toString().contains("{{")) continue;
            String text = org.lastmile.markdown.MarkdownStage.plainText(n).strip();
            if (text.isEmpty()) continue;
            if (text.codePointCount(0, text.length()) <= 160) return text;
            String cut = text.substring(0, text.offsetByCodePoints(0, 157));
            int space = cut.lastIndexOf(' ');
            return (space > 100 ? cut.substring(0, space) : cut) + "…";
        }
        return cfg.description(lang.code());
    }

    private Map<String, Object> page(Language lang, SourceFile sf, java.util.function.Function<String, RenderedDoc> docs) {
        Map<String, SourceFile> versions = index.content().page(sf.slug()).map(PageGroup::versions).orElse(Map.of());
        Map<String, Object> p = docPage(PageKind.PAGE, lang, sf, docs, versions, code -> SiteIndex.page(sf.slug(), code));
        return model(lang, SiteIndex.path(sf), p);
    }

    /**
     * What every page made from a source file has: its rendered body and headings, and the outdated notice when its
     * source changed since it was translated.
     */
    private Map<String, Object> docPage(PageKind kind, Language lang, SourceFile sf, java.util.function.Function<String, RenderedDoc> docs,
                                        Map<String, SourceFile> versions, java.util.function.Function<String, String> pathOf) {
        String path = SiteIndex.path(sf);
        RenderedDoc doc = docs.apply(path);
        Map<String, Object> p = models.page(kind, lang, path, sf.fm().title(), describe(sf, lang, doc));
        models.putDoc(p, doc, lang);
        p.put("contentHtml", withLists(doc, lang));
        models.putOutdated(p, versions, sf, pathOf);
        index.catalog().itemOf(sf).ifPresent(item -> {
            p.put("related", index.catalog().related(item, cfg.taxonomy().related()).stream().map(i -> models.item(i, lang)).toList());
            if (item.type() != null) {
                p.put("typeLabel", models.typeLabel(item.type(), lang, false));
                p.put("typeUrl", index.href(ListFilter.ofType(item.type()).path(lang.code())));
            }
        });
        return p;
    }

    /** The document's HTML with each embedded list rendered in place of its placeholder. */
    private String withLists(RenderedDoc doc, Language lang) {
        // On a right-to-left page, Latin names, URLs and the numbers beside them are isolated so they read in place.
        String html = lang.rtl() ? org.lastmile.i18n.BidiText.isolateLtrRuns(doc.html()) : doc.html();
        for (int i = 0; i < doc.lists().size(); i++) {
            ListShortcodes.Spec spec = doc.lists().get(i);
            Map<String, Object> m = models.common(lang, SiteIndex.path(doc.parsed().source()));
            m.put("block", lists.section(lang, spec.filter(), spec.limit(), spec.fallback()));
            html = html.replace(ContentHtml.placeholder(i), templates.render("list-block.ftlh", m));
        }
        return html;
    }

    private Map<String, Object> news(Language lang, PageGroup n, SourceFile sf, java.util.function.Function<String, RenderedDoc> docs) {
        Map<String, Object> p = docPage(PageKind.NEWS, lang, sf, docs, n.versions(), code -> SiteIndex.news(n.slug(), code));
        p.put("availableIn", models.available(n.versions(), code -> SiteIndex.news(n.slug(), code)));
        p.put("newsUrl", index.href(ListFilter.of(ListFilter.Kind.NEWS).path(lang.code())));
        sf.fm().image().ifPresent(img -> p.put("image", img.startsWith("/") ? index.href(img) : img));
        List<Map<String, Object>> about = new ArrayList<>();
        for (String slug : sf.fm().papers()) {
            index.content().bundle(slug).flatMap(b -> index.paperFor(b, lang.code()))
                    .flatMap(x -> index.catalog().itemOf(x)).ifPresent(i -> about.add(models.item(i, lang)));
        }
        p.put("aboutPapers", about);
        return model(lang, SiteIndex.path(sf), p);
    }

    /** The translation matrix as a page, in the default language's layout, for the team (status_page: true). */
    private Map<String, Object> statusPage() {
        Language def = cfg.defaultLang();
        String path = "/status/";
        List<TranslationStatus> matrix = Translations.matrix(cfg, index.content());
        Map<String, Object> p = models.page(PageKind.STATUS, def, path, "Translation status", "");
        List<Language> langs = cfg.languages().stream().filter(l -> !l.code().equals(def.code())).toList();
        p.put("sourceLabel", "Source (" + def.name() + ")");
        p.put("statusLanguages", langs.stream().map(l -> Map.of("code", l.code(), "name", l.name())).toList());
        Map<String, List<TranslationStatus>> rows = new LinkedHashMap<>();
        for (TranslationStatus s : matrix) rows.computeIfAbsent(s.kind() + "/" + s.slug(), k -> new ArrayList<>()).add(s);
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.EnumMap<TranslationState, Integer> counts = new java.util.EnumMap<>(TranslationState.class);
        for (List<TranslationStatus> row : rows.values()) {
            TranslationStatus first = row.get(0);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Language l : langs) {
                TranslationStatus s = row.stream().filter(x -> x.lang().equals(l.code())).findFirst().orElseThrow();
                counts.merge(s.state(), 1, Integer::sum);
                cells.add(Map.of("state", s.state().id(), "label", s.state().label(),
                        "url", s.translation().map(t -> index.href(SiteIndex.path(t))).orElse("")));
            }
            out.add(Map.of("kind", first.kind().name().toLowerCase(java.util.Locale.ROOT), "title", first.source().fm().title(),
                    "url", index.href(SiteIndex.path(first.source())), "cells", cells));
        }
        p.put("statusRows", out);
        p.put("summary", java.util.Arrays.stream(TranslationState.values())
                .map(s -> counts.getOrDefault(s, 0) + " " + s.label()).reduce((a, b) -> a + ", " + b).orElse(""));
        return model(def, path, p);
    }

    /** The language of the site-wide pages: the default one, or the first built when a partial build left it out. */
    private Language rootLanguage() {
        return cfg.language(cfg.defaultLanguage()).orElse(cfg.languages().isEmpty() ? cfg.defaultLang() : cfg.languages().get(0));
    }

    private Map<String, Object> rootModel() {
        Language def = rootLanguage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", models.site(def));
        m.put("lang", PageModels.lang(def));
        m.put("t", new Translate(messages, def.code()));
        List<Map<String, Object>> alt = new ArrayList<>();
        for (Language l : cfg.languages()) alt.add(Map.of("hreflang", l.code(), "url", index.absolute(SiteIndex.home(l.code()))));
        alt.add(Map.of("hreflang", "x-default", "url", index.absolute("/")));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", "root");
        page.put("title", cfg.title(def.code()));
        page.put("canonical", index.absolute("/"));
        page.put("alternates", alt);
        // Not the default home page's description: the picker is a page of its own (every page's description differs).
        page.put("description", cfg.description(def.code()) + (cfg.description(def.code()).isEmpty() ? "" : " — ")
                + String.join(" · ", cfg.languages().stream().map(l -> messages.format(l.code(), "choose_language")).distinct().toList()));
        page.put("chooseLanguage", cfg.languages().stream().map(l -> Map.of("code", l.code(), "name", l.name(),
                "text", messages.format(l.code(), "choose_language"))).toList());
        m.put("page", page);
        return m;
    }
}
