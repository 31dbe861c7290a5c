package org.lastmile.i18n;

import com.ibm.icu.text.MessageFormat;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.config.YamlMap;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Diagnostics;
import org.lastmile.diag.SourcePos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The theme's UI strings per language, as ICU MessageFormat patterns with CLDR plural rules. A key missing in one
 * language falls back to the default language, then to the theme's English, with one warning per language and key so
 * translators learn what to add; a language with no bundle at all is warned about once. Loaded once per build; safe to
 * use from several threads.
 */
public final class Messages {
    private record Entry(String pattern, SourcePos pos) {
    }

    private final String defaultLang;
    private final Map<String, Map<String, Entry>> bundles;
    private final Map<String, Language> languages;
    private final Map<String, String> bundleNames;
    /** The site's languages; the others in {@code bundles} are there as fallbacks only. */
    private final java.util.Set<String> siteLangs;
    private final Diagnostics diagnostics;
    private final Map<String, MessageFormat> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    /** Messages without arguments by language and key, formatted once. */
    private final Map<String, Map<String, String>> plain = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(String defaultLang, Map<String, Map<String, Entry>> bundles, Map<String, Language> languages,
                     Map<String, String> bundleNames, java.util.Set<String> siteLangs, Diagnostics diagnostics) {
        this.defaultLang = defaultLang;
        this.siteLangs = java.util.Set.copyOf(siteLangs);
        this.bundles = bundles;
        this.languages = languages;
        this.bundleNames = bundleNames;
        this.diagnostics = diagnostics;
    }

    /**
     * The language whose built-in bundle is the last fallback: the theme's English strings exist for every key, so a
     * site whose default language has no bundle still never shows a raw key such as {@code read_full_paper}.
     */
    static final String LAST_RESORT = "en";

    /** Reads {@code i18n/<lang>.yaml} for every site language (site's file over the theme's, key by key). */
    public static Messages load(SiteConfig cfg, Theme theme, Diagnostics diagnostics) {
        Map<String, Map<String, Entry>> bundles = new HashMap<>();
        Map<String, Language> langs = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Language> all = new ArrayList<>(cfg.languages());
        if (cfg.language(cfg.defaultLanguage()).isEmpty()) all.add(cfg.defaultLang());
        java.util.Set<String> siteLangs = new java.util.HashSet<>();
        for (Language l : all) siteLangs.add(l.code());
        if (!siteLangs.contains(LAST_RESORT)) all.add(Language.infer(LAST_RESORT));
        for (Language l : all) {
            langs.put(l.code(), l);
            bundles.put(l.code(), Map.copyOf(read(l, theme, diagnostics)));
            names.put(l.code(), "templates/i18n/" + l.code() + ".yaml");
        }
        // One warning per language without a bundle of its own, naming what its pages show instead and what to add.
        String fallback = bundles.get(cfg.defaultLanguage()).isEmpty() ? LAST_RESORT : cfg.defaultLanguage();
        for (Language l : all) {
            if (!siteLangs.contains(l.code()) || !bundles.get(l.code()).isEmpty() || l.code().equals(fallback)) continue;
            String shown = l.code().equals(cfg.defaultLanguage()) || fallback.equals(LAST_RESORT) ? LAST_RESORT : fallback;
            diagnostics.warning(null, "no UI strings for language '" + l.code() + "', so its menus and labels are shown in "
                            + Locales.languageName(langs.get(shown).locale(), com.ibm.icu.util.ULocale.ENGLISH) + " (" + shown + ")",
                    "add templates/i18n/" + l.code() + ".yaml to your site: a copy of the theme's " + shown + ".yaml with its texts translated");
        }
        return new Messages(cfg.defaultLanguage(), Map.copyOf(bundles), langs, names, siteLangs, diagnostics);
    }

    /** One language's strings: the theme's file, then the site's over it. */
    private static Map<String, Entry> read(Language l, Theme theme, Diagnostics diagnostics) {
        Map<String, Entry> merged = new HashMap<>();
        List<Path> files = new ArrayList<>(theme.messageFiles(l.code()));
        // pt-BR reads pt.yaml when it has no file of its own, but zh-Hant does not read zh.yaml: a fallback
        // in another script would put Simplified characters on a Traditional page.
        if (files.isEmpty() && l.code().contains("-")) {
            String base = l.code().substring(0, l.code().indexOf('-'));
            String scriptOfBase = com.ibm.icu.util.ULocale.addLikelySubtags(com.ibm.icu.util.ULocale.forLanguageTag(base)).getScript();
            String scriptOfLang = com.ibm.icu.util.ULocale.addLikelySubtags(l.locale()).getScript();
            if (scriptOfBase.equals(scriptOfLang)) files = theme.messageFiles(base);
        }
        // Lookup order is site first: apply the theme's file first and let the site's override it.
        for (int i = files.size() - 1; i >= 0; i--) {
            Path f = files.get(i);
            String shown = theme.display(f);
            List<Diagnostic> problems = new ArrayList<>();
            java.util.Optional<String> text = org.lastmile.config.SourceText.read(f, Path.of(shown), problems);
            if (text.isPresent()) {
                YamlMap y = YamlMap.parse(Path.of(shown), text.get(), 0, problems);
                for (String k : y.keys()) {
                    y.string(k, problems).ifPresent(v -> {
                        try {
                            new MessageFormat(v, l.formatLocale());
                            merged.put(k, new Entry(v, y.pos(k)));
                        } catch (IllegalArgumentException e) {
                            problems.add(Diagnostic.error(y.pos(k), "message '" + k + "' is not a valid ICU message: " + e.getMessage(),
                                    "check its braces, e.g. {count, plural, one {# paper} other {# papers}}"));
                        }
                    });
                }
            }
            diagnostics.addAll(problems);
        }
        return merged;
    }

    /**
     * Formats {@code key} for {@code lang} with named arguments ({count}, {date}…). A key the language lacks comes
     * from the default language, then from the theme's English; numbers take the language's digits, and a text
     * argument in the other direction (a Latin name on an Arabic page) is isolated so it cannot reorder the sentence.
     */
    public String format(String lang, String key, Map<String, Object> args) {
        Map<String, Entry> own = bundles.getOrDefault(lang, Map.of());
        Entry e = own.get(key);
        String formatLang = lang;
        if (e == null) {
            for (String next : List.of(defaultLang, LAST_RESORT)) {
                e = bundles.getOrDefault(next, Map.of()).get(key);
                formatLang = next;
                if (e != null) break;
            }
            if (e == null) {
                diagnostics.warning(null, "UI message '" + key + "' is not defined in any language",
                        "add it to templates/i18n/" + (bundles.getOrDefault(defaultLang, Map.of()).isEmpty() ? LAST_RESORT : defaultLang) + ".yaml");
                return key;
            }
            if (!own.isEmpty()) {
                diagnostics.warning(SourcePos.of(Path.of(bundleNames.get(lang))), "UI message '" + key + "' is missing, so "
                        + formatLang + " is shown", "add " + key + ": \"…\" to this file");
            }
        }
        // Compiled once; ICU's MessageFormat is not thread-safe, so each use holds its lock.
        String pattern = e.pattern();
        Language l = languages.get(formatLang);
        MessageFormat mf = compiled.computeIfAbsent(formatLang + "\u0000" + key, k -> new MessageFormat(pattern, l.formatLocale()));
        Language page = languages.getOrDefault(lang, l);
        Map<String, Object> isolated = args;
        if (args.values().stream().anyMatch(v -> v instanceof CharSequence)) {
            isolated = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : args.entrySet()) {
                isolated.put(a.getKey(), a.getValue() instanceof CharSequence cs ? BidiText.isolate(cs.toString(), page.rtl()) : a.getValue());
            }
        }
        synchronized (mf) {
            return mf.format(isolated);
        }
    }

    /**
     * A message without arguments: the same text every time, so formatted once per language and key (its warnings,
     * if any, were reported the first time; the build's diagnostics keep each once anyway).
     */
    public String format(String lang, String key) {
        return plain.computeIfAbsent(lang, l -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> format(lang, k, Map.of()));
    }

    /**
     * For {@code lastmile check}: every key the default language defines that another language's bundle lacks, one
     * warning per language listing them (pages show the default language's text there).
     */
    public List<Diagnostic> missingKeys() {
        List<Diagnostic> out = new ArrayList<>();
        for (String lang : languages.keySet()) {
            Map<String, Entry> own = bundles.getOrDefault(lang, Map.of());
            if (lang.equals(defaultLang) || own.isEmpty() || !siteLangs.contains(lang)) continue;
            List<String> missing = keys().stream().filter(k -> !own.containsKey(k)).sorted().toList();
            if (!missing.isEmpty()) {
                out.add(Diagnostic.warning(SourcePos.of(Path.of(bundleNames.get(lang))), "UI messages missing: "
                        + String.join(", ", missing) + " (pages show " + (bundles.getOrDefault(defaultLang, Map.of()).isEmpty() ? LAST_RESORT : defaultLang) + " there)", "add them to this file"));
            }
        }
        return out;
    }

    /** The keys the default language defines (or, without its bundle, English): what every other language should define too. */
    public java.util.Set<String> keys() {
        Map<String, Entry> d = bundles.getOrDefault(defaultLang, Map.of());
        return (d.isEmpty() ? bundles.getOrDefault(LAST_RESORT, Map.of()) : d).keySet();
    }

    public boolean has(String lang, String key) {
        return bundles.getOrDefault(lang, Map.of()).containsKey(key);
    }
}
