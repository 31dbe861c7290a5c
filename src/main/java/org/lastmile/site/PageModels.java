package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Version;
import org.lastmile.content.Bundle;
import org.lastmile.content.FrontMatter;
import org.lastmile.content.PageGroup;
import org.lastmile.content.SourceFile;
import org.lastmile.content.TranslationState;
import org.lastmile.content.Translations;
import org.lastmile.i18n.Locales;
import org.lastmile.i18n.Messages;
import org.lastmile.markdown.TocEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the data model each template sees (documented in the README's theme section): plain maps and lists, so
 * templates depend on names, not on Java types.
 */
final class PageModels {
    private final SiteIndex index;
    private final Messages messages;
    private final SiteConfig cfg;
    private final String year;
    // A paper's date shows on its page, the home page and every tag page: format it once per language.
    private final Map<String, String> longDates = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, PdfFacts> pdfs;
    private final Map<String, String> facts = new java.util.concurrent.ConcurrentHashMap<>();
    /** What every page of a language shows alike (site, lang, menu), made once per language: see {@link PerLang}. */
    private final Map<String, PerLang> perLang = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The parts of a page's model that are the same on every page of one language, made on its first page: they cost
     * ICU look-ups (likely subtags, number formats) and a sort of the menu, thousands of times over otherwise.
     * Immutable, so the pages rendering in parallel share them.
     *
     * @param tags a tag key's link (key, name, url) in this language, made on first use
     */
    private record PerLang(Map<String, Object> site, Map<String, Object> lang, Translate t, List<MenuEntry> menu,
                           Map<String, Map<String, Object>> tags) {
    }

    private record MenuEntry(String title, String path, String href) {
    }

    /** @param pdfs the PDFs of this build by site path, for their size and page count */
    PageModels(SiteIndex index, Messages messages, String year, Map<String, PdfFacts> pdfs) {
        this.index = index;
        this.pdfs = pdfs;
        this.messages = messages;
        this.cfg = index.config();
        this.year = year;
    }

    /** The variables shared by every page of one language: site, lang, t, menu. */
    Map<String, Object> common(Language lang, String currentPath) {
        PerLang pl = perLang(lang);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", pl.site());
        m.put("lang", pl.lang());
        m.put("t", pl.t());
        List<Map<String, Object>> menu = new ArrayList<>(pl.menu().size());
        for (MenuEntry e : pl.menu()) menu.add(Map.of("title", e.title(), "url", e.href(), "current", e.path().equals(currentPath)));
        m.put("menu", menu);
        return m;
    }

    private PerLang perLang(Language lang) {
        return perLang.computeIfAbsent(lang.code(), k -> {
            List<MenuEntry> menu = new ArrayList<>();
            index.content().pages().stream()
                    .filter(p -> p.version(lang.code()).isPresent())
                    .sorted(Comparator.comparing((PageGroup p) -> p.version(lang.code()).get().fm().weight().orElse(Integer.MAX_VALUE))
                            .thenComparing(PageGroup::slug))
                    .forEach(p -> {
                        String path = SiteIndex.page(p.slug(), lang.code());
                        menu.add(new MenuEntry(p.version(lang.code()).get().fm().title(), path, index.href(path)));
                    });
            return new PerLang(java.util.Collections.unmodifiableMap(makeSite(lang)), lang(lang),
                    new Translate(messages, lang.code()), List.copyOf(menu), new java.util.concurrent.ConcurrentHashMap<>());
        });
    }

    /**
     * The template's {@code lang}: code, name, direction, locale, the language_TERRITORY form OpenGraph wants, and the
     * digits chosen in site.yaml ("" for the locale's own).
     */
    static Map<String, Object> lang(Language lang) {
        com.ibm.icu.util.ULocale max = com.ibm.icu.util.ULocale.addLikelySubtags(lang.locale());
        String og = max.getCountry().isEmpty() ? max.getLanguage() : max.getLanguage() + "_" + max.getCountry();
        return Map.of("code", lang.code(), "name", lang.name(), "dir", lang.dir(), "locale", lang.locale().toLanguageTag(), "ogLocale", og,
                "digits", lang.digits());
    }

    Map<String, Object> site(Language lang) {
        return perLang(lang).site();
    }

    private Map<String, Object> makeSite(Language lang) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", cfg.title(lang.code()));
        s.put("description", cfg.description(lang.code()));
        s.put("baseUrl", cfg.baseUrl());
        s.put("generator", "lastmile " + Version.VERSION);
        s.put("organisation", Map.of("name", cfg.organisation().name(), "url", cfg.organisation().url(),
                "email", cfg.organisation().email(), "licence", cfg.organisation().licence()));
        s.put("year", localYear(lang));
        s.put("params", cfg.params());
        s.put("basePath", cfg.basePath());
        s.put("pageSize", cfg.pdf().pageSize().equals("LETTER") ? "letter" : "A4");
        s.put("cssUrl", cfg.basePath() + "/css/lastmile.css");
        List<Map<String, Object>> langs = new ArrayList<>();
        for (Language l : cfg.languages()) {
            langs.add(Map.of("code", l.code(), "name", l.name(), "dir", l.dir(), "homeUrl", index.href(SiteIndex.home(l.code()))));
        }
        s.put("languages", langs);
        return s;
    }

    /** The page variables every kind shares: title, URLs, switcher, hreflang. */
    Map<String, Object> page(PageKind kind, Language lang, String path, String title, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind.id());
        p.put("title", title);
        p.put("description", description);
        p.put("url", index.href(path));
        p.put("canonical", index.absolute(path));
        p.put("feedUrl", index.href(SiteIndex.feed(lang.code())));
        p.put("ogType", kind == PageKind.PAPER || kind == PageKind.GUIDE ? "article" : "website");
        List<Map<String, Object>> tr = new ArrayList<>();
        List<Map<String, Object>> alt = new ArrayList<>();
        var translations = kind == PageKind.NOT_FOUND ? List.<Map.Entry<Language, String>>of() : index.translations(path);
        for (var e : translations) {
            tr.add(Map.of("code", e.getKey().code(), "name", e.getKey().name(), "url", index.href(e.getValue()),
                    "current", e.getKey().code().equals(lang.code()), "ogLocale", perLang(e.getKey()).lang().get("ogLocale")));
            alt.add(Map.of("hreflang", e.getKey().code(), "url", index.absolute(e.getValue())));
        }
        if (!translations.isEmpty()) {
            alt.add(Map.of("hreflang", "x-default", "url", index.absolute(index.xDefault(path, translations))));
        }
        p.put("translations", tr);
        p.put("alternates", alt);
        p.put("contentHtml", "");
        p.put("toc", List.of());
        p.put("date", "");
        p.put("dateIso", "");
        p.put("authors", List.of());
        p.put("tags", List.of());
        p.put("summary", description);
        return p;
    }

    void putDoc(Map<String, Object> p, RenderedDoc doc, Language lang) {
        FrontMatter fm = doc.parsed().source().fm();
        p.put("contentHtml", doc.html());
        List<Map<String, Object>> toc = new ArrayList<>();
        for (TocEntry e : doc.parsed().toc()) toc.add(Map.of("level", e.level(), "id", e.id(), "text", e.text()));
        p.put("toc", toc);
        fm.date().ifPresent(d -> {
            p.put("date", longDate(d, lang));
            p.put("dateIso", d.toString());
        });
        p.put("authors", fm.authors());
        p.put("tags", tags(fm.tags(), lang));
        p.put("summary", fm.summary());
        p.put("params", fm.params());
    }

    /**
     * Marks a translation whose source changed since it was made: the page then says so, in its language, with a
     * link to the source. Up-to-date and unknown translations carry no notice.
     */
    void putOutdated(Map<String, Object> p, Map<String, SourceFile> versions, SourceFile sf, Function<String, String> pathOf) {
        if (Translations.of(cfg, versions, sf).orElse(null) != TranslationState.OUTDATED) return;
        Language source = cfg.defaultLang();
        if (!index.exists(pathOf.apply(source.code()))) return; // a partial build without the source language
        Language here = cfg.language(sf.lang()).orElse(source);
        p.put("outdated", Map.of("code", source.code(), "name", Locales.languageName(source.locale(), here.locale()),
                "url", index.href(pathOf.apply(source.code()))));
    }

    /** Tags as written in front matter, as links to their key's page with the label of {@code lang}. */
    List<Map<String, Object>> tags(List<String> tags, Language lang) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (String t : tags) keys.add(index.catalog().tagKey(t));
        return tagKeys(keys, lang);
    }

    List<Map<String, Object>> tagKeys(java.util.Collection<String> keys, Language lang) {
        Map<String, Map<String, Object>> links = perLang(lang).tags();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String k : keys) {
            if (k.isEmpty()) continue;
            out.add(links.computeIfAbsent(k, x -> Map.of("key", k, "name", index.catalog().tagLabel(k, lang.code()),
                    "url", index.href(SiteIndex.tag(lang.code(), k)))));
        }
        return out;
    }

    /** A publication type's label in {@code lang}: from site.yaml, else the theme's UI strings (type_…, types_…). */
    String typeLabel(String type, Language lang, boolean plural) {
        org.lastmile.config.Taxonomy tx = cfg.taxonomy();
        if (!tx.typesDeclared()) {
            return messages.format(lang.code(), (plural ? "types_" : "type_") + type.replace('-', '_'));
        }
        var t = tx.types().get(type);
        Map<String, String> m = plural ? t.plural() : t.singular();
        return m.getOrDefault(lang.code(), m.getOrDefault(cfg.defaultLanguage(), type));
    }

    /**
     * An entry of a list (home, list pages, embedded lists, related content): what it is, title, date, summary, tags;
     * an item in another language than the page (a list with fallback=true) says which.
     */
    Map<String, Object> item(Catalog.Item i, Language lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        FrontMatter fm = i.source().fm();
        m.put("kind", i.kind().id());
        m.put("kindLabel", switch (i.kind()) {
            case NEWS -> messages.format(lang.code(), "news_item");
            case GUIDES -> messages.format(lang.code(), "community_guide");
            default -> typeLabel(i.type(), lang, false);
        });
        m.put("title", fm.title());
        m.put("url", index.href(i.path()));
        m.put("date", longDate(i.date(), lang));
        m.put("dateIso", i.date().toString());
        m.put("summary", fm.summary());
        m.put("tags", tagKeys(i.tags(), lang));
        m.put("guideUrl", i.kind() == ListFilter.Kind.PAPERS && index.exists(SiteIndex.guide(i.slug(), i.lang()))
                ? index.href(SiteIndex.guide(i.slug(), i.lang())) : "");
        m.put("image", fm.image().filter(x -> i.kind() == ListFilter.Kind.NEWS).map(x -> x.startsWith("/") ? index.href(x) : x).orElse(""));
        if (!i.lang().equals(lang.code())) {
            Language other = cfg.language(i.lang()).orElse(cfg.defaultLang());
            m.put("langCode", other.code());
            m.put("langName", Locales.languageName(other.locale(), lang.locale()));
        }
        return m;
    }

    /** The languages a bundle's paper or guide exists in, each named in its own language. */
    List<Map<String, Object>> available(Map<String, SourceFile> versions, Function<String, String> pathOf) {
        List<Map<String, Object>> out = new ArrayList<>();
        versions.keySet().forEach(code -> cfg.language(code).ifPresent(l ->
                out.add(Map.of("code", code, "name", l.name(), "url", index.href(pathOf.apply(code))))));
        return out;
    }

    /** PDF links of a bundle's guide, the current language first. */
    List<Map<String, Object>> guidePdfs(Bundle b, Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!cfg.pdf().guides()) return out;
        b.guide(lang.code()).ifPresent(g -> out.add(pdfLink(b, lang, true, lang)));
        for (String code : b.guides().keySet()) {
            if (!code.equals(lang.code())) cfg.language(code).ifPresent(l -> out.add(pdfLink(b, l, false, lang)));
        }
        return out;
    }

    private Map<String, Object> pdfLink(Bundle b, Language l, boolean current, Language page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("name", l.name());
        m.put("url", index.href(SiteIndex.guidePdf(b.slug(), l.code())));
        m.put("bookletUrl", index.href(SiteIndex.guideBooklet(b.slug(), l.code())));
        m.put("current", current);
        m.put("facts", pdfFacts(SiteIndex.guidePdf(b.slug(), l.code()), page));
        m.put("bookletFacts", pdfFacts(SiteIndex.guideBooklet(b.slug(), l.code()), page));
        return m;
    }

    /** "1.2 MB · 4 pages" in the page's language, or "" when the PDF was not made in this build. */
    String pdfFacts(String sitePath, Language lang) {
        PdfFacts f = pdfs.get(sitePath);
        if (f == null) return "";
        // Each guide's facts show on the pages of every language version: formatted once per PDF and language.
        return facts.computeIfAbsent(lang.code() + ' ' + sitePath, k -> formatFacts(f, lang));
    }

    private String formatFacts(PdfFacts f, Language lang) {
        com.ibm.icu.text.MeasureFormat mf = com.ibm.icu.text.MeasureFormat.getInstance(lang.formatLocale(), com.ibm.icu.text.MeasureFormat.FormatWidth.SHORT);
        String size = f.bytes() >= 1_000_000
                ? mf.format(new com.ibm.icu.util.Measure(Math.round(f.bytes() / 100_000.0) / 10.0, com.ibm.icu.util.MeasureUnit.MEGABYTE))
                : mf.format(new com.ibm.icu.util.Measure(Math.max(1, Math.round(f.bytes() / 1000.0)), com.ibm.icu.util.MeasureUnit.KILOBYTE));
        return f.pages() <= 0 ? size : size + " · " + messages.format(lang.code(), "pdf_pages", Map.of("count", f.pages()));
    }

    /** The copyright year in the language's digits ("٢٠٢٦" with {@code digits: arab}), without a group separator. */
    private String localYear(Language lang) {
        if (year == null || !year.matches("\\d{1,9}")) return year;
        com.ibm.icu.text.NumberFormat nf = com.ibm.icu.text.NumberFormat.getIntegerInstance(lang.formatLocale());
        nf.setGroupingUsed(false);
        return nf.format(Integer.parseInt(year));
    }

    private String longDate(LocalDate d, Language lang) {
        return longDates.computeIfAbsent(lang.code() + ' ' + d, k -> Locales.longDate(d, lang.formatLocale()));
    }

    /** A list entry for a paper on a home or tag page. */
    Map<String, Object> paperItem(Bundle b, SourceFile paper, Language lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        FrontMatter fm = paper.fm();
        m.put("title", fm.title());
        m.put("url", index.href(SiteIndex.paper(b.slug(), lang.code())));
        m.put("date", fm.date().map(d -> longDate(d, lang)).orElse(""));
        m.put("dateIso", fm.date().map(LocalDate::toString).orElse(""));
        m.put("summary", fm.summary());
        m.put("tags", tags(fm.tags(), lang));
        m.put("guideUrl", b.guide(lang.code()).map(g -> index.href(SiteIndex.guide(b.slug(), lang.code()))).orElse(""));
        return m;
    }

    /** Papers in this language, newest first; ties broken by slug so the order never changes between builds. */
    static Comparator<Bundle> newestFirst(String lang) {
        return Comparator.comparing((Bundle b) -> b.paper(lang).flatMap(p -> p.fm().date()).orElse(LocalDate.MIN))
                .reversed().thenComparing(Bundle::slug);
    }

}
