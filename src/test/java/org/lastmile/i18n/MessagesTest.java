package org.lastmile.i18n;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UI messages: ICU MessageFormat with CLDR plural rules, a site's bundles over the theme's, and the fallback of a
 * missing key to the default language with exactly one warning per key and language.
 */
class MessagesTest {
    @TempDir
    Path root;
    final Diagnostics diagnostics = new Diagnostics();
    Messages messages;

    void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void load() throws IOException {
        write("site.yaml", "languages:\n  - code: en\n  - code: fr\n  - code: ru\n  - code: zh\n");
        write("templates/i18n/en.yaml", """
                articles: "{count, plural, one {# article} other {# articles}}"
                greeting: "Hello, {name}!"
                """);
        write("templates/i18n/ru.yaml", "articles: \"{count, plural, one {# статья} few {# статьи} many {# статей} other {# статьи}}\"\n");
        write("templates/i18n/zh.yaml", "articles: \"{count, plural, other {# 篇文章}}\"\n");
        List<Diagnostic> problems = new ArrayList<>();
        SiteConfig cfg = ConfigLoader.load(root, problems);
        assertEquals(List.of(), problems);
        messages = Messages.load(cfg, Theme.of(root), diagnostics);
        assertEquals(List.of(), diagnostics.sorted(), "the bundles load cleanly");
    }

    String articles(String lang, int n) {
        return messages.format(lang, "articles", Map.of("count", n));
    }

    @Test
    void russianHasOneFewAndManyForms() {
        assertEquals("1 статья", articles("ru", 1));
        assertEquals("3 статьи", articles("ru", 3));
        assertEquals("5 статей", articles("ru", 5));
        assertEquals("21 статья", articles("ru", 21));
        assertEquals("11 статей", articles("ru", 11), "11 is 'many', not 'one'");
        assertEquals("22 статьи", articles("ru", 22));
        assertEquals("0 статей", articles("ru", 0));
    }

    @Test
    void chineseHasOneForm() {
        assertEquals("1 篇文章", articles("zh", 1));
        assertEquals("5 篇文章", articles("zh", 5));
    }

    @Test
    void englishOneAndOther() {
        assertEquals("1 article", articles("en", 1));
        assertEquals("2 articles", articles("en", 2));
        assertEquals("0 articles", articles("en", 0));
        assertEquals("Hello, Ana!", messages.format("en", "greeting", Map.of("name", "Ana")));
    }

    @Test
    void theThemesRussianBundleCountsPapers() {
        assertEquals("1 записка", messages.format("ru", "papers_count", Map.of("count", 1)));
        assertEquals("3 записки", messages.format("ru", "papers_count", Map.of("count", 3)));
        assertEquals("5 записок", messages.format("ru", "papers_count", Map.of("count", 5)));
        assertEquals("21 записка", messages.format("ru", "papers_count", Map.of("count", 21)));
    }

    @Test
    void siteBundleOverridesTheThemeKeyByKey() {
        assertTrue(messages.has("ru", "articles"), "the site's key");
        assertTrue(messages.has("ru", "papers_count"), "the theme's keys stay");
        assertEquals("Главная", messages.format("ru", "home"));
    }

    @Test
    void missingKeyFallsBackToEnglishWithOneWarningPerKeyAndLanguage() {
        // fr and ru have bundles (the theme's) without "greeting": both fall back, each warned about once.
        List<Integer> counts = IntStream.range(0, 200).parallel().map(i -> {
            assertEquals("Hello, Ana!", messages.format(i % 2 == 0 ? "fr" : "ru", "greeting", Map.of("name", "Ana")));
            return 1;
        }).boxed().toList();
        assertEquals(200, counts.size());
        assertEquals(List.of(
                        "templates/i18n/fr.yaml: warning: UI message 'greeting' is missing, so en is shown — add greeting: \"…\" to this file",
                        "templates/i18n/ru.yaml: warning: UI message 'greeting' is missing, so en is shown — add greeting: \"…\" to this file"),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
        assertEquals(2, diagnostics.warningCount());
    }

    @Test
    void keyMissingEverywhereShowsTheKeyAndWarnsOnce() {
        for (int i = 0; i < 5; i++) assertEquals("no_such_key", messages.format("fr", "no_such_key"));
        assertEquals(List.of("warning: UI message 'no_such_key' is not defined in any language — add it to templates/i18n/en.yaml"),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void invalidMessageIsAnErrorAtItsLine() throws IOException {
        write("templates/i18n/en.yaml", "ok: \"fine\"\nbroken: \"{count, plural, one {# x}\"\n");
        Diagnostics d = new Diagnostics();
        Messages.load(ConfigLoader.load(root, new ArrayList<>()), Theme.of(root), d);
        List<String> errors = d.sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("templates/i18n/en.yaml:2: message 'broken' is not a valid ICU message"), errors.get(0));
    }

    Messages site(String yaml, Diagnostics d) throws IOException {
        write("site.yaml", yaml);
        Files.deleteIfExists(root.resolve("templates/i18n/en.yaml"));
        Files.deleteIfExists(root.resolve("templates/i18n/ru.yaml"));
        Files.deleteIfExists(root.resolve("templates/i18n/zh.yaml"));
        List<Diagnostic> problems = new ArrayList<>();
        SiteConfig cfg = ConfigLoader.load(root, problems);
        assertEquals(List.of(), problems);
        return Messages.load(cfg, Theme.of(root), d);
    }

    @Test
    void theThemesArabicBundleHasAllSixCldrPluralForms() throws IOException {
        Messages m = site("languages:\n  - code: en\n  - code: ar\n", new Diagnostics());
        // CLDR: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100–102 other.
        List<String> expected = List.of("لا عناصر", "عنصر واحد", "عنصران", "3 عناصر", "11 عنصرًا", "100 عنصر");
        List<Integer> counts = List.of(0, 1, 2, 3, 11, 100);
        for (int i = 0; i < counts.size(); i++) {
            assertEquals(expected.get(i), m.format("ar", "items_count", Map.of("count", counts.get(i))), "count " + counts.get(i));
        }
        assertEquals("10 أوراق", m.format("ar", "papers_count", Map.of("count", 10)));
        assertEquals("99 ورقة", m.format("ar", "papers_count", Map.of("count", 99)));
        assertEquals("102 ورقة", m.format("ar", "papers_count", Map.of("count", 102)));
    }

    @Test
    void arabicIndicDigitsWhenTheSiteChoosesThem() throws IOException {
        Messages m = site("languages:\n  - code: en\n  - code: ar\n    digits: arab\n", new Diagnostics());
        assertEquals("١١ عنصرًا", m.format("ar", "items_count", Map.of("count", 11)));
        assertEquals("الصفحة ٢ من ١٢", m.format("ar", "page_n_of", Map.of("n", 2, "count", 12)));
        assertEquals("Page 2 of 12", m.format("en", "page_n_of", Map.of("n", 2, "count", 12)), "English keeps its digits");
    }

    @Test
    void japaneseBundleIsComplete() throws IOException {
        Diagnostics d = new Diagnostics();
        Messages m = site("languages:\n  - code: en\n  - code: ja\n  - code: ar\n", d);
        assertEquals("3件", m.format("ja", "items_count", Map.of("count", 3)));
        assertEquals(List.of(), m.missingKeys(), "ar and ja define every key English defines");
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void aLanguageWithoutBundleFallsBackToTheDefaultLanguageWithOneWarning() throws IOException {
        Diagnostics d = new Diagnostics();
        Messages m = site("default_language: fr\nlanguages:\n  - code: fr\n  - code: sw\n", d);
        for (int i = 0; i < 50; i++) assertEquals("Accueil", m.format("sw", "home"));
        assertEquals(List.of("warning: no UI strings for language 'sw', so its menus and labels are shown in French (fr) — "
                        + "add templates/i18n/sw.yaml to your site: a copy of the theme's fr.yaml with its texts translated"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aKeyMissingInTheDefaultLanguageComesFromTheThemesEnglish() throws IOException {
        write("templates/i18n/de.yaml", "home: \"Startseite\"\n");
        Diagnostics d = new Diagnostics();
        Messages m = site("default_language: de\nlanguages:\n  - code: de\n", d);
        assertEquals("Startseite", m.format("de", "home"));
        assertEquals("Read the full briefing paper", m.format("de", "read_full_paper"), "never the raw key");
        assertEquals(List.of("templates/i18n/de.yaml: warning: UI message 'read_full_paper' is missing, so en is shown — add read_full_paper: \"…\" to this file"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void textArgumentsOfTheOtherDirectionAreIsolated() throws IOException {
        Messages m = site("languages:\n  - code: en\n  - code: ar\n", new Diagnostics());
        assertEquals("إعداد \u2068Ana Pérez\u2069", m.format("ar", "by_authors", Map.of("authors", "Ana Pérez")));
        assertEquals("إعداد سارة", m.format("ar", "by_authors", Map.of("authors", "سارة")), "Arabic in Arabic: untouched");
        assertEquals("By \u2068سارة\u2069", m.format("en", "by_authors", Map.of("authors", "سارة")));
        assertEquals("By Ana", m.format("en", "by_authors", Map.of("authors", "Ana")), "left-to-right sites are untouched");
    }
}
