package org.lastmile.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.diag.Diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml as publishers write it: what each setting becomes, and what a mistake in it reports. */
class ConfigLoaderTest {
    @TempDir
    Path root;
    final List<Diagnostic> problems = new ArrayList<>();

    SiteConfig load(String yaml) throws IOException {
        Files.writeString(root.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
        return ConfigLoader.load(root, problems);
    }

    List<String> messages() {
        return problems.stream().map(Diagnostic::format).toList();
    }

    @Test
    void noSiteYamlGivesDefaults() {
        SiteConfig c = ConfigLoader.load(root, problems);
        assertEquals(List.of(), problems);
        assertEquals("en", c.defaultLanguage());
        assertFalse(c.languagesDeclared());
        assertEquals("", c.baseUrl());
        assertEquals("lastmile", c.title("en"));
        assertEquals("A4", c.pdf().pageSize());
    }

    @Test
    void titlePerLanguageFallsBackToTheDefaultLanguage() throws IOException {
        SiteConfig c = load("""
                title:
                  en: "Last Mile"
                  ru: "Последняя миля"
                languages:
                  - code: en
                  - code: ru
                  - code: fr
                """);
        assertEquals(List.of(), messages());
        assertEquals("Last Mile", c.title("en"));
        assertEquals("Последняя миля", c.title("ru"));
        assertEquals("Last Mile", c.title("fr"), "a language without its own title uses the default language's");
    }

    @Test
    void singleTitleServesEveryLanguage() throws IOException {
        SiteConfig c = load("title: \"Last Mile Collective\"\ndescription: \"Papers\"\n");
        assertEquals(List.of(), messages());
        for (String l : List.of("en", "fr", "zh")) assertEquals("Last Mile Collective", c.title(l));
        assertEquals("Papers", c.description("zh"));
    }

    @Test
    void languagesKeepTheirOrderWithTheDefaultFirst() throws IOException {
        SiteConfig c = load("""
                default_language: fr
                languages:
                  - code: en
                  - code: ru
                  - code: fr
                  - code: zh
                """);
        assertEquals(List.of(), messages());
        assertEquals(List.of("fr", "en", "ru", "zh"), c.languages().stream().map(Language::code).toList());
        assertTrue(c.languagesDeclared());
        assertEquals("fr", c.defaultLang().code());
    }

    @Test
    void languageNamesLocalesAndDirectionsAreInferredOrTaken() throws IOException {
        SiteConfig c = load("""
                languages:
                  - code: en
                  - code: ar
                  - code: fr
                    name: "Français (Canada)"
                    locale: fr-CA
                  - code: he
                    direction: ltr
                  - code: ZH-hant
                """);
        assertEquals(List.of(), messages());
        Language ar = c.language("ar").orElseThrow();
        assertTrue(ar.rtl(), "Arabic script is right-to-left");
        assertEquals("rtl", ar.dir());
        assertEquals("العربية", ar.name());
        assertFalse(c.language("en").orElseThrow().rtl());
        Language fr = c.language("fr").orElseThrow();
        assertEquals("Français (Canada)", fr.name());
        assertEquals("fr-CA", fr.locale().toLanguageTag());
        assertFalse(c.language("he").orElseThrow().rtl(), "an explicit direction wins over the script's");
        assertEquals("zh-Hant", c.languages().get(4).code(), "codes are canonicalised");
        assertEquals("中文（繁體）", c.languages().get(4).name());
    }

    @Test
    void inferredNamesAreCapitalisedInTheirOwnLanguage() {
        assertEquals("Français", Language.infer("fr").name());
        assertEquals("Русский", Language.infer("ru").name());
        assertEquals("中文", Language.infer("zh").name());
        assertEquals("Español", Language.infer("es").name());
        assertTrue(Language.infer("fa").rtl());
        assertTrue(Language.infer("ur").rtl());
        assertFalse(Language.infer("ru").rtl());
    }

    @Test
    void canonicalCodeAcceptsBcp47AndRejectsTheRest() {
        assertEquals("pt-BR", Language.canonicalCode("pt-br").orElseThrow());
        assertEquals("zh", Language.canonicalCode("zh").orElseThrow());
        for (String bad : List.of("xx", "fr_FR", "english1", "", "pt-B", "e")) {
            assertTrue(Language.canonicalCode(bad).isEmpty(), "'" + bad + "' is not a language code");
        }
    }

    @Test
    void badLanguageCodeNamesTheLine() throws IOException {
        SiteConfig c = load("languages:\n  - code: en\n  - code: xx\n  - code: en\n");
        assertEquals(List.of(
                "site.yaml:3: 'xx' is not a known language code — use a BCP 47 code such as en, fr, zh or pt-BR",
                "site.yaml:4: language 'en' is listed twice — remove one entry"), messages());
        assertEquals(List.of("en"), c.languages().stream().map(Language::code).toList());
    }

    @Test
    void defaultLanguageMustBeAmongTheLanguages() throws IOException {
        load("default_language: de\nlanguages:\n  - code: en\n");
        assertEquals(List.of("site.yaml:1: the default language 'de' is not among the languages — add '- code: de' to languages"), messages());
    }

    @Test
    void badBaseUrlAndPageSizeAreErrorsWithTheirLines() throws IOException {
        SiteConfig c = load("title: T\nbase_url: \"example.org\"\npdf:\n  page_size: A5\n");
        assertEquals(List.of(
                "site.yaml:2: 'base_url' is not an absolute http(s) URL — write it like base_url: \"https://example.org\"",
                "site.yaml:4: 'page_size' must be A4 or Letter — write page_size: A4 or page_size: Letter"), messages());
        assertTrue(problems.stream().allMatch(Diagnostic::isError));
        assertEquals("", c.baseUrl());
    }

    @Test
    void pdfMarginsAndBaseSizeAreCheckedWithTheirLines() throws IOException {
        SiteConfig c = load("pdf:\n  base_size: 30\n  margins:\n    top: 20\n    left: 10\n    outer: 2\n");
        assertEquals(List.of(
                "site.yaml:2: pdf: base_size 30.0 pt is outside 8.5–14 pt — give the body size in points, such as base_size: 10.5",
                "site.yaml:5: pdf: margins: unknown side 'left' — use top, bottom, inner and outer (millimetres)",
                "site.yaml:6: pdf: margins: outer 2.0 mm is outside 5–60 mm — give a margin in millimetres, such as outer: 18"),
                problems.stream().sorted(Diagnostic.ORDER).map(Diagnostic::format).toList());
        assertEquals(java.util.Map.of("top", 20.0), c.pdf().marginsMm());
    }

    @Test
    void bleedAndCropMarksAreReadAndABleedOutOfRangeIsAnErrorWithItsLine() throws IOException {
        SiteConfig c = load("pdf:\n  bleed: 3\n  crop_marks: true\n");
        assertEquals(List.of(), messages());
        assertEquals(new PdfSettings.Print(3, true), c.pdf().print());
        assertEquals(PdfSettings.Print.NONE, load("pdf:\n  papers: true\n").pdf().print());
        load("pdf:\n  bleed: 25\n");
        assertEquals(List.of("site.yaml:2: pdf: bleed 25.0 mm is outside 0–10 mm — give the bleed your printer asks for "
                + "in millimetres, usually bleed: 3"), messages());
    }

    @Test
    void funderAndDisclaimerAreOneTextOrOnePerLanguage() throws IOException {
        SiteConfig c = load("languages:\n  - code: en\n  - code: fr\n  - code: ru\norganisation:\n  name: N\n"
                + "  funder: { en: \"With support from F.\", fr: \"Avec le soutien de F.\" }\n"
                + "  disclaimer: \"Views are the authors' own.\"\n");
        assertEquals(List.of(), messages());
        assertEquals("Avec le soutien de F.", c.organisation().funder("fr", "en"));
        assertEquals("With support from F.", c.organisation().funder("ru", "en"), "falls back to the default language");
        assertEquals("Views are the authors' own.", c.organisation().disclaimer("ru", "en"));
        assertEquals("", load("organisation: { name: N }\n").organisation().funder("en", "en"));
    }

    @Test
    void baseUrlLosesItsTrailingSlashAndGivesTheBasePath() throws IOException {
        SiteConfig c = load("base_url: \"https://example.org/docs/\"\npdf:\n  page_size: letter\n");
        assertEquals(List.of(), messages());
        assertEquals("https://example.org/docs", c.baseUrl());
        assertEquals("/docs", c.basePath());
        assertEquals("LETTER", c.pdf().pageSize());
        assertEquals("", load("base_url: \"https://example.org\"\n").basePath());
    }

    @Test
    void unknownSettingIsAWarningThatPointsToParams() throws IOException {
        SiteConfig c = load("title: T\ncolour: blue\nparams:\n  colour: blue\n");
        assertEquals(List.of("site.yaml:2: warning: unknown setting 'colour' is ignored — put your own values under 'params:'"), messages());
        assertEquals("blue", c.params().get("colour"));
    }

    @Test
    void organisationAcceptsBothSpellings() throws IOException {
        SiteConfig c = load("organization:\n  name: \"Net\"\n  license: \"CC BY 4.0\"\n");
        assertEquals("Net", c.organisation().name());
        assertEquals("CC BY 4.0", c.organisation().licence());
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() throws IOException {
        load("title: \"T\"\nlanguages:\n  - code: en\n   - code: fr\n");
        assertEquals(1, problems.size(), messages().toString());
        assertTrue(messages().get(0).startsWith("site.yaml:4: YAML: "), messages().get(0));
    }

    @Test
    void hyphenationCanBeTurnedOffPerLanguage() throws IOException {
        SiteConfig c = load("""
                languages:
                  - code: en
                  - code: fr
                    hyphenate: false
                """);
        assertEquals(List.of(), messages());
        assertTrue(c.language("en").orElseThrow().hyphenate(), "on unless turned off");
        assertFalse(c.language("fr").orElseThrow().hyphenate());
        assertTrue(Language.infer("ru").hyphenate(), "a language inferred from file names is hyphenated");
    }

    @Test
    void digitsAreChosenPerLanguageAndCheckedWithTheirLine() throws IOException {
        SiteConfig c = load("""
                languages:
                  - code: en
                  - code: ar
                    digits: arab
                  - code: fa
                    digits: roman
                  - code: ar-MA
                    digits: Western
                """);
        assertEquals(List.of("site.yaml:6: 'digits' must name a numbering system such as latn (0123) or arab (٠١٢٣) — "
                + "write digits: latn or digits: arab, or leave it out for the language's usual digits"), messages());
        assertEquals("arab", c.language("ar").orElseThrow().digits());
        assertEquals("ar-u-nu-arab", c.language("ar").orElseThrow().formatLocale().toLanguageTag());
        assertEquals("ar", c.language("ar").orElseThrow().locale().toLanguageTag(), "the language's own locale keeps no keyword");
        assertEquals("latn", c.language("ar-MA").orElseThrow().digits(), "western is a name for latn");
        assertEquals("", c.language("en").orElseThrow().digits(), "without a choice, the locale's own digits");
    }

    @Test
    void aSiteNamesPatternFilesInsideItself() throws IOException {
        Files.createDirectories(root.resolve("hyphenation"));
        Files.writeString(root.resolve("hyphenation/sw.pat.txt"), "1b 1k\n");
        SiteConfig c = load("""
                pdf:
                  hyphenation:
                    sw: hyphenation/sw.pat.txt
                    pt-br: hyphenation/sw.pat.txt
                """);
        assertEquals(List.of(), messages());
        assertEquals(java.util.Map.of("sw", "hyphenation/sw.pat.txt", "pt-BR", "hyphenation/sw.pat.txt"), c.pdf().hyphenation());
        assertEquals(java.util.Map.of(), ConfigLoader.load(root.resolve("none"), new ArrayList<>()).pdf().hyphenation());
    }

    @Test
    void aPatternFileOutsideTheSiteIsNeverRead() throws IOException {
        Path outside = Files.createTempFile("outside", ".pat.txt");
        try {
            Files.writeString(outside, "1b\n");
            Files.createSymbolicLink(root.resolve("link.pat.txt"), outside);
            load("""
                    pdf:
                      hyphenation:
                        sw: link.pat.txt
                        xh: %s
                        zu: ../x.pat.txt
                    """.formatted(outside));
            String hint = " — give the path of a file in the site folder, such as hyphenation/sw.pat.txt";
            assertEquals(List.of(
                    "site.yaml:3: pdf: hyphenation: sw: 'link.pat.txt' is a link to a file outside the site" + hint,
                    "site.yaml:4: pdf: hyphenation: xh: '" + outside + "' is outside the site" + hint,
                    "site.yaml:5: pdf: hyphenation: zu: '../x.pat.txt' is outside the site" + hint), messages());
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
