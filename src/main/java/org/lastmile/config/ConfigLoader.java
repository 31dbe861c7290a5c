package org.lastmile.config;

import com.ibm.icu.util.ULocale;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates {@code site.yaml}; the file is optional and every setting has a default. */
public final class ConfigLoader {
    public static final String FILE = "site.yaml";
    private static final Set<String> KNOWN = Set.of("title", "description", "base_url", "default_language",
            "languages", "organisation", "organization", "pdf", "status_page", "params", "unsafe_links", "tags", "types",
            "default_type", "paginate", "home_latest", "related");

    private ConfigLoader() {
    }

    /** Loads {@code root/site.yaml}; problems go to {@code problems}, and a usable config is always returned. */
    public static SiteConfig load(Path root, List<Diagnostic> problems) {
        Path file = root.resolve(FILE);
        Path shown = Path.of(FILE);
        YamlMap y = YamlMap.empty(shown);
        int before = problems.size();
        if (Files.exists(file)) {
            Optional<String> text = SourceText.read(file, shown, problems);
            if (text.isPresent()) y = YamlMap.parse(shown, text.get(), 0, problems);
        }
        // When site.yaml could not be read (already reported), its settings are unknown, not missing.
        boolean unreadable = problems.size() > before && y.keys().isEmpty();
        for (String k : y.keys()) {
            if (!KNOWN.contains(k)) {
                problems.add(Diagnostic.warning(y.pos(k), "unknown setting '" + k + "' is ignored",
                        "put your own values under 'params:'"));
            }
        }
        String defaultLang = y.string("default_language", problems).map(String::trim).orElse("en");
        Optional<String> canonDefault = Language.canonicalCode(defaultLang);
        if (canonDefault.isEmpty()) {
            problems.add(Diagnostic.error(y.pos("default_language"), "'" + defaultLang + "' is not a language code",
                    "use a BCP 47 code such as en, fr, zh or pt-BR"));
        } else {
            defaultLang = canonDefault.get();
        }

        List<Language> langs = new ArrayList<>();
        boolean declared = y.has("languages");
        for (YamlMap l : y.mapList("languages", problems).orElse(List.of())) {
            language(l, problems).ifPresent(lang -> {
                if (langs.stream().anyMatch(x -> x.code().equals(lang.code()))) {
                    problems.add(Diagnostic.error(l.pos("code"), "language '" + lang.code() + "' is listed twice", "remove one entry"));
                } else {
                    langs.add(lang);
                }
            });
        }
        if (declared) {
            String d = defaultLang;
            if (langs.stream().noneMatch(l -> l.code().equals(d)) && canonDefault.isPresent()) {
                problems.add(Diagnostic.error(y.pos(y.has("default_language") ? "default_language" : "languages"),
                        "the default language '" + d + "' is not among the languages", "add '- code: " + d + "' to languages"));
            }
            // The default language leads every list (switchers, sitemaps): it is the one translations come from.
            langs.sort((a, b) -> a.code().equals(d) ? -1 : b.code().equals(d) ? 1 : 0);
        }

        String baseUrl = y.string("base_url", problems).map(String::trim).orElse("");
        if (!baseUrl.isEmpty() && !isBaseUrl(baseUrl)) {
            problems.add(Diagnostic.error(y.pos("base_url"), "'base_url' is not an absolute http(s) URL",
                    "write it like base_url: \"https://example.org\""));
            baseUrl = "";
        }

        String orgKey = y.has("organization") ? "organization" : "organisation";
        Organisation org = y.map(orgKey, problems).map(o -> new Organisation(
                o.string("name", problems).orElse(""), o.string("url", problems).orElse(""),
                o.string("email", problems).orElse(""), o.string("licence", problems)
                        .or(() -> o.string("license", problems)).orElse(""),
                perLanguage(o, "funder", problems), perLanguage(o, "disclaimer", problems)))
                .orElse(Organisation.unnamed());

        PdfSettings pdf = y.map("pdf", problems).map(p -> pdf(root, p, problems)).orElse(PdfSettings.defaults());
        boolean statusPage = y.bool("status_page", problems).orElse(false);
        Map<String, Object> params = y.map("params", problems).map(YamlMap::plain).orElse(Map.of());

        String unsafe = y.string("unsafe_links", problems).map(String::trim).orElse("error");
        if (!unsafe.equals("error") && !unsafe.equals("text")) {
            problems.add(Diagnostic.error(y.pos("unsafe_links"), "unsafe_links is '" + unsafe + "'",
                    "write unsafe_links: error (the default: javascript:, data:… links fail the build) or unsafe_links: text"));
        }
        if (!org.url().isEmpty() && !org.url().matches("(?i)(https?://|mailto:)[^\\s]+")) {
            problems.add(Diagnostic.error(y.map(orgKey, problems).map(o -> o.pos("url")).orElse(y.pos(orgKey)),
                    "organisation url '" + org.url() + "' is not an http(s) or mailto: address",
                    "write it like url: \"https://example.org\""));
            org = new Organisation(org.name(), "", org.email(), org.licence(), org.funder(), org.disclaimer());
        }

        return new SiteConfig(root, perLanguage(y, "title", problems), perLanguage(y, "description", problems),
                trimSlash(baseUrl), defaultLang, List.copyOf(langs), declared, org, pdf, statusPage, params,
                y.has("base_url") || unreadable, unsafe.equals("text"), TaxonomyLoader.load(y, declared ? langs : List.of(), problems));
    }

    private static Optional<Language> language(YamlMap l, List<Diagnostic> problems) {
        Optional<String> code = l.string("code", problems);
        if (code.isEmpty()) {
            problems.add(Diagnostic.error(l.pos("code"), "a language entry has no 'code'", "add code: fr (a BCP 47 code)"));
            return Optional.empty();
        }
        Optional<String> canon = Language.canonicalCode(code.get().trim());
        if (canon.isEmpty()) {
            problems.add(Diagnostic.error(l.pos("code"), "'" + code.get() + "' is not a known language code",
                    "use a BCP 47 code such as en, fr, zh or pt-BR"));
            return Optional.empty();
        }
        Language inferred = Language.infer(canon.get());
        ULocale locale = l.string("locale", problems).map(s -> {
            Optional<String> c = Language.canonicalCode(s.trim());
            if (c.isEmpty()) {
                problems.add(Diagnostic.error(l.pos("locale"), "'" + s + "' is not a known locale", "use a BCP 47 tag such as fr-FR"));
                return inferred.locale();
            }
            return ULocale.forLanguageTag(c.get());
        }).orElse(inferred.locale());
        boolean rtl = l.string("direction", problems).map(d -> switch (d.trim().toLowerCase(Locale.ROOT)) {
            case "rtl" -> true;
            case "ltr" -> false;
            default -> {
                problems.add(Diagnostic.error(l.pos("direction"), "'direction' must be ltr or rtl", "write direction: rtl or leave it out"));
                yield inferred.rtl();
            }
        }).orElse(inferred.rtl());
        String name = l.string("name", problems).orElse(inferred.name());
        boolean hyphenate = l.bool("hyphenate", problems).orElse(true);
        // Arabic is written with Western digits in the Maghreb and with Arabic-Indic ones in much of the Mashriq:
        // the site chooses, per language; without a choice CLDR's default for the locale applies.
        String digits = l.string("digits", problems).map(d -> d.trim().toLowerCase(Locale.ROOT)).map(d -> switch (d) {
            case "western", "latin" -> "latn";
            case "arabic-indic" -> "arab";
            default -> d;
        }).filter(d -> {
            if (Language.isDigits(d)) return true;
            problems.add(Diagnostic.error(l.pos("digits"), "'digits' must name a numbering system such as latn (0123) or arab (٠١٢٣)",
                    "write digits: latn or digits: arab, or leave it out for the language's usual digits"));
            return false;
        }).orElse("");
        return Optional.of(new Language(canon.get(), name, locale, rtl, hyphenate, digits));
    }

    private static PdfSettings pdf(Path root, YamlMap p, List<Diagnostic> problems) {
        String size = p.string("page_size", problems).map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse("A4");
        if (!size.equals("A4") && !size.equals("LETTER")) {
            problems.add(Diagnostic.error(p.pos("page_size"), "'page_size' must be A4 or Letter", "write page_size: A4 or page_size: Letter"));
            size = "A4";
        }
        Map<String, SourcePos> fontLines = new LinkedHashMap<>();
        Map<String, Map<String, String>> fonts = p.map("fonts", problems)
                .map(f -> fontMapping(f, "pdf: fonts: ", fontLines, problems)).orElse(Map.of());
        Map<String, Map<String, Map<String, String>>> byLanguage = new LinkedHashMap<>();
        p.map("fonts_by_language", problems).ifPresent(f -> {
            for (String lang : f.keys()) {
                Optional<String> code = Language.canonicalCode(lang);
                if (code.isEmpty()) {
                    problems.add(Diagnostic.error(f.pos(lang), "pdf: fonts_by_language: '" + lang + "' is not a language code",
                            "use a BCP 47 code such as ja, ko or zh-Hant"));
                    continue;
                }
                f.map(lang, problems).ifPresent(m -> byLanguage.put(code.get(),
                        fontMapping(m, "pdf: fonts_by_language: " + lang + ": ", fontLines, problems)));
            }
        });
        Map<String, Double> margins = new LinkedHashMap<>();
        p.map("margins", problems).ifPresent(m -> {
            for (String side : m.keys()) {
                if (!List.of("top", "bottom", "inner", "outer").contains(side)) {
                    problems.add(Diagnostic.error(m.pos(side), "pdf: margins: unknown side '" + side + "'",
                            "use top, bottom, inner and outer (millimetres)"));
                    continue;
                }
                m.number(side, problems).ifPresent(v -> {
                    if (v < 5 || v > 60) {
                        problems.add(Diagnostic.error(m.pos(side), "pdf: margins: " + side + " " + v + " mm is outside 5–60 mm",
                                "give a margin in millimetres, such as " + side + ": 18"));
                    } else {
                        margins.put(side, v);
                    }
                });
            }
        });
        Optional<Double> base = p.number("base_size", problems);
        if (base.isPresent() && (base.get() < 8.5 || base.get() > 14)) {
            problems.add(Diagnostic.error(p.pos("base_size"), "pdf: base_size " + base.get() + " pt is outside 8.5–14 pt",
                    "give the body size in points, such as base_size: 10.5"));
            base = Optional.empty();
        }
        Map<String, String> hyphenation = new LinkedHashMap<>();
        p.map("hyphenation", problems).ifPresent(h -> {
            for (String lang : h.keys()) {
                Optional<String> code = Language.canonicalCode(lang);
                if (code.isEmpty()) {
                    problems.add(Diagnostic.error(h.pos(lang), "pdf: hyphenation: '" + lang + "' is not a language code",
                            "use a BCP 47 code such as sw or pt-BR"));
                    continue;
                }
                h.string(lang, problems).flatMap(v -> siteFile(root, v.trim(), h.pos(lang), "pdf: hyphenation: " + lang, problems))
                        .ifPresent(v -> hyphenation.put(code.get(), v));
            }
        });
        Map<String, SourcePos> lines = new LinkedHashMap<>();
        for (String k : p.keys()) lines.put(k, p.pos(k));
        return new PdfSettings(p.bool("guides", problems).orElse(true), p.bool("papers", problems).orElse(false), size,
                base.orElse(null), color(p, "primary_color", problems), color(p, "accent_color", problems),
                p.string("logo", problems).orElse(null),
                fonts, java.util.Collections.unmodifiableMap(margins),
                java.util.Collections.unmodifiableMap(hyphenation), java.util.Collections.unmodifiableMap(lines),
                guide(p, base.orElse(null), problems), java.util.Collections.unmodifiableMap(byLanguage),
                java.util.Collections.unmodifiableMap(fontLines), print(p, problems));
    }

    /**
     * A font mapping of site.yaml, script name → style → font file ({@code Han: {regular: A.ttf, bold: B.ttf}}):
     * script names are ICU's, styles regular, bold, italic and bold_italic, files plain names of the fonts/ folder.
     * {@code fontLines} receives where each file is first named, for a missing font found later.
     */
    private static Map<String, Map<String, String>> fontMapping(YamlMap f, String label, Map<String, SourcePos> fontLines,
                                                                List<Diagnostic> problems) {
        Map<String, Map<String, String>> fonts = new LinkedHashMap<>();
        for (String script : f.keys()) {
            if (!script.equals("default") && com.ibm.icu.lang.UScript.getCodeFromName(script) == com.ibm.icu.lang.UScript.INVALID_CODE) {
                problems.add(Diagnostic.error(f.pos(script), label + "'" + script + "' is not a script name",
                        "use ICU script names such as Latin, Cyrillic, Han, Hiragana, Arabic, or default"));
                continue;
            }
            f.map(script, problems).ifPresent(fam -> {
                Map<String, String> files = new LinkedHashMap<>();
                for (String style : fam.keys()) {
                    if (!List.of("regular", "bold", "italic", "bold_italic").contains(style)) {
                        problems.add(Diagnostic.error(fam.pos(style), label + script + ": unknown style '" + style + "'",
                                "use regular, bold, italic and bold_italic"));
                        continue;
                    }
                    fam.string(style, problems).ifPresent(v -> {
                        if (climbsOut(v)) {
                            // Fonts come from the site's fonts/ folder (or the theme's): never from elsewhere on disk.
                            problems.add(Diagnostic.error(fam.pos(style), label + script + ": '" + v
                                    + "' is not a file of the fonts/ folder", "put the font in the site's fonts/ folder and write its file name"));
                        } else {
                            files.put(style, v);
                            fontLines.putIfAbsent(v, fam.pos(style));
                        }
                    });
                }
                boolean rejected = fam.keys().contains("regular") && fam.string("regular", new ArrayList<>()).map(ConfigLoader::climbsOut).orElse(false);
                if (rejected) {
                    // reported above, once
                } else if (!files.containsKey("regular")) {
                    problems.add(Diagnostic.error(f.pos(script), label + script + " has no 'regular' font",
                            "write " + script + ": {regular: NotoSansJP-Regular.ttf, bold: NotoSansJP-Bold.ttf}"));
                } else {
                    fonts.put(script, java.util.Collections.unmodifiableMap(files));
                }
            });
        }
        return java.util.Collections.unmodifiableMap(fonts);
    }

    /** {@code bleed} (mm) and {@code crop_marks} of the pdf: block. */
    private static PdfSettings.Print print(YamlMap p, List<Diagnostic> problems) {
        Double bleed = p.number("bleed", problems).orElse(0.0);
        if (bleed < 0 || bleed > 10) {
            problems.add(Diagnostic.error(p.pos("bleed"), "pdf: bleed " + bleed + " mm is outside 0–10 mm",
                    "give the bleed your printer asks for in millimetres, usually bleed: 3"));
            bleed = 0.0;
        }
        return new PdfSettings.Print(bleed, p.bool("crop_marks", problems).orElse(false));
    }

    /** {@code guide_layout}, {@code min_size} and {@code qr_code} of the pdf: block. */
    private static PdfSettings.Guide guide(YamlMap p, Double base, List<Diagnostic> problems) {
        String layout = p.string("guide_layout", problems).map(String::trim).orElse(null);
        if (layout != null && !PdfSettings.Guide.LAYOUTS.contains(layout)) {
            problems.add(Diagnostic.error(p.pos("guide_layout"), "pdf: guide_layout '" + layout + "' is not a layout",
                    "use one of " + String.join(", ", PdfSettings.Guide.LAYOUTS)));
            layout = null;
        }
        if ("auto".equals(layout)) layout = null;
        Double min = p.number("min_size", problems).orElse(null);
        if (min != null && (min < 8 || min > 14 || (base != null && min > base))) {
            problems.add(Diagnostic.error(p.pos("min_size"), "pdf: min_size " + min + " pt is outside 8 pt–"
                    + (base != null ? "base_size (" + base + " pt)" : "14 pt"), "give the smallest body size in points,"
                    + " such as min_size: 9"));
            min = null;
        }
        return new PdfSettings.Guide(layout, min, p.bool("qr_code", problems).orElse(true));
    }

    private static String color(YamlMap p, String key, List<Diagnostic> problems) {
        Optional<String> c = p.string(key, problems).map(String::trim);
        if (c.isPresent() && !c.get().matches("#[0-9A-Fa-f]{6}")) {
            problems.add(Diagnostic.error(p.pos(key), "pdf: " + key + " '" + c.get() + "' is not a colour of the form #RRGGBB",
                    "write " + key + ": \"#0b4f6c\""));
            return null;
        }
        return c.orElse(null);
    }

    /**
     * A file the site names in site.yaml: a relative path to an existing file inside the site folder (symbolic
     * links resolved), since nothing outside the site is ever read. Gives the path as written, with '/' separators.
     */
    private static Optional<String> siteFile(Path root, String value, SourcePos pos, String what, List<Diagnostic> problems) {
        String hint = "give the path of a file in the site folder, such as hyphenation/sw.pat.txt";
        Path rel;
        try {
            rel = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(Diagnostic.error(pos, what + ": '" + value + "' is not a file path", hint));
            return Optional.empty();
        }
        if (value.isEmpty() || rel.isAbsolute() || value.startsWith("/") || !root.resolve(rel).normalize().startsWith(root.normalize())) {
            problems.add(Diagnostic.error(pos, what + ": '" + value + "' is outside the site", hint));
            return Optional.empty();
        }
        Path file = root.resolve(rel);
        if (!Files.isRegularFile(file)) {
            problems.add(Diagnostic.error(pos, what + ": '" + value + "' does not exist", hint));
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                problems.add(Diagnostic.error(pos, what + ": '" + value + "' is a link to a file outside the site", hint));
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error(pos, what + ": cannot read '" + value + "'", "check its permissions"));
            return Optional.empty();
        }
        return Optional.of(value.replace('\\', '/'));
    }

    /** A setting that is either one text for every language or a map from language code to text. */
    private static Map<String, String> perLanguage(YamlMap y, String key, List<Diagnostic> problems) {
        if (!y.has(key)) return Map.of();
        List<Diagnostic> asText = new ArrayList<>();
        Optional<String> single = y.string(key, asText);
        // One text for every language is stored under "*", which SiteConfig looks up last.
        if (asText.isEmpty()) return single.map(s -> Map.of("*", s)).orElse(Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        y.map(key, problems).ifPresent(m -> {
            for (String lang : m.keys()) {
                // Keys are language codes as anywhere else: pt-br means pt-BR.
                Optional<String> code = Language.canonicalCode(lang);
                if (code.isEmpty()) {
                    problems.add(Diagnostic.warning(m.pos(lang), "'" + lang + "' under '" + key + "' is not a language code, so it is ignored",
                            "use the codes of your languages, such as en or pt-BR"));
                    continue;
                }
                m.string(lang, problems).ifPresent(v -> out.put(code.get(), v));
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Whether a file name given relative to a folder leaves it: absolute, a drive, or climbing with "..". */
    static boolean climbsOut(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) return true;
        int depth = 0;
        for (String part : n.split("/")) {
            if (part.equals("..")) depth--;
            else if (!part.isEmpty() && !part.equals(".")) depth++;
            if (depth < 0) return true;
        }
        return false;
    }

    /** Whether {@code url} can be a site's base URL: absolute http(s), a host, an optional path. */
    public static boolean isBaseUrl(String url) {
        return url.trim().matches("https?://[^\\s/]+(/\\S*)?");
    }

    static String trimSlash(String url) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }
}
