package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.pdf.PdfStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fonts chosen by a document's language (Han unification: Japanese, Traditional Chinese and Korean readers need their
 * own glyph shapes), by default and as a site configures them in site.yaml's {@code pdf: fonts_by_language:}.
 */
class LanguageFontsTest {
    @TempDir
    Path root;
    final List<Diagnostic> problems = new ArrayList<>();

    SiteConfig site(String yaml) throws IOException {
        Files.writeString(root.resolve("site.yaml"), yaml);
        return ConfigLoader.load(root, problems);
    }

    static String han(PdfStyle s, String lang) {
        return s.forLanguage(lang).family("Han").regular();
    }

    @Test
    void theDefaultThemeSetsHanInTheFontOfTheDocumentsLanguage() throws IOException {
        SiteConfig cfg = site("languages: [{code: en}, {code: ja}, {code: zh}, {code: zh-Hant}, {code: ko}, {code: ar}]\n");
        PdfStyle s = PdfTheme.style(cfg, Theme.of(root));
        assertEquals(List.of(), problems);
        assertEquals("NotoSansJP-Regular.ttf", han(s, "ja"));
        assertEquals("NotoSansJP-Regular.ttf", s.forLanguage("ja").family("Hiragana").regular());
        assertEquals("NotoSansSC-Regular.ttf", han(s, "zh"));
        assertEquals("NotoSansSC-Regular.ttf", han(s, "zh-Hans"));
        assertEquals("NotoSansTC-Regular.ttf", han(s, "zh-Hant"));
        assertEquals("NotoSansTC-Regular.ttf", han(s, "zh-TW"), "zh-TW is written in Traditional characters");
        assertEquals("NotoSansTC-Regular.ttf", han(s, "zh-HK"));
        assertEquals("NotoSansKR-Regular.ttf", han(s, "ko"));
        assertEquals("NotoSansSC-Regular.ttf", han(s, "en"), "Han in an English document: the theme's Han font");
        assertEquals("NotoSansArabic-Regular.ttf", s.forLanguage("ja").family("Arabic").regular(),
                "an Arabic language name in a Japanese guide takes the Arabic font");
        assertEquals("NotoSansKR-Bold.ttf", s.forLanguage("en").family("Hangul").bold());
    }

    @Test
    void aSiteLoadsOnlyTheFontsOfItsOwnLanguages() throws IOException {
        PdfStyle s = PdfTheme.style(site("languages: [{code: en}, {code: fr}]\n"), Theme.of(root));
        assertFalse(s.fontFiles().contains("NotoSansJP-Regular.ttf"), s.fontFiles().toString());
        assertFalse(s.fontFiles().contains("NotoSansTC-Regular.ttf"), s.fontFiles().toString());
        PdfStyle ja = PdfTheme.style(site("languages: [{code: en}, {code: ja}]\n"), Theme.of(root));
        assertTrue(ja.fontFiles().contains("NotoSansJP-Bold.ttf"), ja.fontFiles().toString());
    }

    @Test
    void aSiteChoosesFontsPerLanguage() throws IOException {
        Files.createDirectories(root.resolve("fonts"));
        Files.copy(Path.of("fonts/NotoSansTC-Regular.ttf"), root.resolve("fonts/MyTC.ttf"));
        SiteConfig cfg = site("""
                languages: [{code: en}, {code: ja}]
                pdf:
                  fonts_by_language:
                    ja:
                      Han: {regular: MyTC.ttf}
                """);
        assertEquals(List.of(), problems);
        PdfStyle s = PdfTheme.style(cfg, Theme.of(root));
        assertEquals("MyTC.ttf", han(s, "ja"));
        assertEquals("MyTC.ttf", s.forLanguage("ja").family("Han").bold(), "without a bold face the regular serves");
        assertEquals("NotoSansJP-Regular.ttf", s.forLanguage("ja").family("Katakana").regular(),
                "the theme's other Japanese entries stay");
        assertEquals("NotoSansSC-Regular.ttf", han(s, "en"));
    }

    @Test
    void mistakesInTheLanguageFontsNameTheirLines() throws IOException {
        site("""
                languages: [{code: en}, {code: ja}]
                pdf:
                  fonts_by_language:
                    klingon-xx-yy-zz:
                      Han: {regular: A.ttf}
                    ja:
                      Hanzi: {regular: A.ttf}
                      Han: {bold: B.ttf}
                      Hiragana: {regular: ../../etc/x.ttf}
                """);
        assertEquals(List.of(
                "site.yaml:4: pdf: fonts_by_language: 'klingon-xx-yy-zz' is not a language code — use a BCP 47 code such as ja, ko or zh-Hant",
                "site.yaml:7: pdf: fonts_by_language: ja: 'Hanzi' is not a script name — use ICU script names such as Latin, Cyrillic, Han, Hiragana, Arabic, or default",
                "site.yaml:8: pdf: fonts_by_language: ja: Han has no 'regular' font — write Han: {regular: NotoSansJP-Regular.ttf, bold: NotoSansJP-Bold.ttf}",
                "site.yaml:9: pdf: fonts_by_language: ja: Hiragana: '../../etc/x.ttf' is not a file of the fonts/ folder — put the font in the site's fonts/ folder and write its file name"),
                problems.stream().map(Diagnostic::format).toList());
    }

    @Test
    void aMissingFontIsReportedOnItsLineWithWhereToGetIt() throws IOException {
        SiteConfig cfg = site("""
                languages: [{code: en}, {code: ja}]
                pdf:
                  fonts_by_language:
                    ja:
                      Han: {regular: NotoSerifJP-Regular.ttf, bold: NotoSerifJP-Bold.ttf}
                """);
        assertEquals(List.of(), problems);
        LastmileException e = assertThrows(LastmileException.class, () -> PdfTheme.style(cfg, Theme.of(root)));
        String first = e.diagnostics().get(0).format();
        assertTrue(first.startsWith("site.yaml:5: font file NotoSerifJP-Regular.ttf not found"), first);
        assertTrue(first.contains("npm package @expo-google-fonts/noto-serif-jp (as NotoSerifJP_400Regular.ttf)"), first);
        assertEquals(2, e.diagnostics().size(), "one error for each missing file");
    }
}
