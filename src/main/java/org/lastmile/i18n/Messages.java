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
 * language falls back to the default language, with one warning per language and key so translators learn what to
 * add. Loaded once per build; safe to use from several threads.
 */
public final class Messages {
    private record Entry(String pattern, SourcePos pos) {
    }

    private final String defaultLang;
    private final Map<String, Map<String, Entry>> bundles;
    private final Map<String, Language> languages;
    private final Map<String, String> bundleNames;
    private final Diagnostics diagnostics;
    private final Map<String, MessageFormat> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(String defaultLang, Map<String, Map<String, Entry>> bundles, Map<String, Language> languages,
                     Map<String, String> bundleNames, Diagnostics diagnostics) {
        this.defaultLang = defaultLang;
        this.bundles = bundles;
        this.languages = languages;
        this.bundleNames = bundleNames;
        this.diagnostics = diagnostics;
    }

    /** Reads {@code i18n/<lang>.yaml} for every site language (site's file over the theme's, key by key). */
    public static Messages load(SiteConfig cfg, Theme theme, Diagnostics diagnostics) {
        Map<String, Map<String, Entry>> bundles = new HashMap<>();
        Map<String, Language> langs = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Language> all = new ArrayList<>(cfg.languages());
        if (cfg.language(cfg.defaultLanguage()).isEmpty()) all.add(cfg.defaultLang());
        for (Language l : all) {
            langs.put(l.code(), l);
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
            names.put(l.code(), "templates/i18n/" + l.code() + ".yaml");
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
                                new MessageFormat(v, l.locale());
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
            if (files.isEmpty() && !l.code().equals(cfg.defaultLanguage())) {
                diagnostics.warning(null, "no UI strings for language '" + l.code() + "', so its pages use "
                        + cfg.defaultLanguage() + " for menus and labels", "add templates/i18n/" + l.code() + ".yaml to your site");
            }
            bundles.put(l.code(), Map.copyOf(merged));
        }
        return new Messages(cfg.defaultLanguage(), Map.copyOf(bundles), langs, names, diagnostics);
    }

    /** Formats {@code key} for {@code lang} with named arguments ({count}, {date}…). */
    public String format(String lang, String key, Map<String, Object> args) {
        Map<String, Entry> own = bundles.getOrDefault(lang, Map.of());
        Entry e = own.get(key);
        String formatLang = lang;
        if (e == null) {
            e = bundles.getOrDefault(defaultLang, Map.of()).get(key);
            formatLang = defaultLang;
            if (e == null) {
                diagnostics.warning(null, "UI message '" + key + "' is not defined in any language",
                        "add it to templates/i18n/" + defaultLang + ".yaml");
                return key;
            }
            if (!own.isEmpty()) {
                diagnostics.warning(SourcePos.of(Path.of(bundleNames.get(lang))), "UI message '" + key + "' is missing, so "
                        + defaultLang + " is shown", "add " + key + ": \"…\" to this file");
            }
        }
        // Compiled once; ICU's MessageFormat is not thread-safe, so each use holds its lock.
        String pattern = e.pattern();
        Language l = languages.get(formatLang);
        MessageFormat mf = compiled.computeIfAbsent(formatLang + "\u0000" + key, k -> new MessageFormat(pattern, l.locale()));
        synchronized (mf) {
            return mf.format(args);
        }
    }

    public String format(String lang, String key) {
        return format(lang, key, Map.of());
    }

    /**
     * For {@code lastmile check}: every key the default language defines that another language's bundle lacks, one
     * warning per language listing them (pages show the default language's text there).
     */
    public List<Diagnostic> missingKeys() {
        List<Diagnostic> out = new ArrayList<>();
        for (String lang : languages.keySet()) {
            Map<String, Entry> own = bundles.getOrDefault(lang, Map.of());
            if (lang.equals(defaultLang) || own.isEmpty()) continue;
            List<String> missing = keys().stream().filter(k -> !own.containsKey(k)).sorted().toList();
            if (!missing.isEmpty()) {
                out.add(Diagnostic.warning(SourcePos.of(Path.of(bundleNames.get(lang))), "UI messages missing: "
                        + String.join(", ", missing) + " (pages show " + defaultLang + " there)", "add them to this file"));
            }
        }
        return out;
    }

    /** The keys the default language defines: what every other language should define too. */
    public java.util.Set<String> keys() {
        return bundles.getOrDefault(defaultLang, Map.of()).keySet();
    }

    public boolean has(String lang, String key) {
        return bundles.getOrDefault(lang, Map.of()).containsKey(key);
    }
}
