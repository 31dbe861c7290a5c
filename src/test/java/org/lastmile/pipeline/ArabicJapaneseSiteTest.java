package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture sites/arabic-japanese (en, ar, ja; one guide in all three, translated by the team) built with the
 * default theme: every guide builds without a glyph error, each in the fonts of its language.
 */
class ArabicJapaneseSiteTest {
    static final String DIR = "ar/papers/community-monitoring/";

    @TempDir
    static Path tmp;
    static BuildResult result;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() {
        Path out = tmp.resolve("public");
        result = TestSites.buildFixture("arabic-japanese", out);
        files = TestSites.tree(out);
    }

    static byte[] guide(String lang) {
        byte[] b = files.get(lang + "/papers/community-monitoring/community-monitoring-guide-" + lang + ".pdf");
        assertNotNull(b, lang + " guide missing");
        return b;
    }

    /** The base font names (without subset prefix) of every font on the PDF's pages. */
    static TreeSet<String> fontNames(byte[] pdf) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (PdfReader r = new PdfReader(pdf)) {
            for (int p = 1; p <= r.getNumberOfPages(); p++) {
                PdfDictionary fonts = r.getPageN(p).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
                if (fonts == null) continue;
                for (PdfName k : new ArrayList<>(fonts.getKeys())) {
                    String n = PdfName.decodeName(fonts.getAsDict(k).getAsName(PdfName.BASEFONT).toString());
                    names.add(n.substring(n.indexOf('+') + 1));
                }
            }
        }
        return names;
    }

    @Test
    void aJapaneseGuideIsSetInTheJapaneseFontNotTheChineseOne() throws IOException {
        TreeSet<String> names = fontNames(guide("ja"));
        assertTrue(names.contains("NotoSansJP-Regular") && names.contains("NotoSansJP-Bold"), names.toString());
        assertFalse(names.contains("NotoSansSC-Regular"), "no kanji in Chinese shapes: " + names);
        assertTrue(names.contains("NotoSansArabic-Regular"), "the Arabic name in 'Available in': " + names);
    }

    @Test
    void shapedGuidesAreTheSameWhateverTheThreadCount() {
        Path out = tmp.resolve("one-thread");
        BuildResult one = Build.run(new BuildOptions(TestSites.fixture("arabic-japanese"), out, List.of(), Optional.empty(),
                false, 1));
        assertTrue(one.ok(), () -> one.diagnostics().toString());
        Map<String, byte[]> again = TestSites.tree(out);
        for (String lang : List.of("ar", "ja")) {
            String pdf = lang + "/papers/community-monitoring/community-monitoring-guide-" + lang + ".pdf";
            assertTrue(java.util.Arrays.equals(files.get(pdf), again.get(pdf)), pdf + " differs between builds");
        }
    }

    @Test
    void anArabicGuideIsSetInTheArabicFont() throws IOException {
        TreeSet<String> names = fontNames(guide("ar"));
        assertTrue(names.contains("NotoSansArabic-Regular") && names.contains("NotoSansArabic-Bold"), names.toString());
    }
}
