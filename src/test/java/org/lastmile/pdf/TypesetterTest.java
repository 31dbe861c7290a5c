package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.openpdf.text.Chunk;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-script font runs: shared characters follow their neighbours; bold and italic pick real faces. */
class TypesetterTest {
    private static final Fonts FONTS = Samples.fonts();

    private static Typesetter ts(String lang) {
        return new Typesetter(FONTS, PdfStyle.defaults(), lang, Direction.LTR, Path.of("t.md"));
    }

    /** "text|font" for each chunk. */
    private static List<String> runs(Typesetter ts, List<Run> runs) {
        return ts.chunks(runs, 10f, Color.BLACK).stream()
                .map(c -> c.getContent() + "|" + fontName(c)).toList();
    }

    private static String fontName(Chunk c) {
        String n = c.getFont().getBaseFont().getPostscriptFontName();
        return n.replace("NotoSansSC", "SC").replace("NotoSans", "NS");
    }

    @Test
    void chinesePunctuationAndDigitsComeFromTheCjkFont() {
        Typesetter t = ts("zh");
        assertEquals(List.of("世界卫生组织（|SC-Regular", "WHO|NS-Regular", "）说：“2024年，覆盖率为50%。”|SC-Regular"),
                runs(t, Run.plain("世界卫生组织（WHO）说：“2024年，覆盖率为50%。”")));
        assertFalse(t.hasMissingGlyphs());
    }

    @Test
    void frenchGuillemetsAndNarrowSpacesStayInNotoSans() {
        Typesetter t = ts("fr");
        String s = "la «\u00A0couverture\u00A0» universelle\u202F?";
        assertEquals(List.of(s + "|NS-Regular"), runs(t, Run.plain(s)));
        assertFalse(t.hasMissingGlyphs());
    }

    @Test
    void chineseWordsInAnEnglishTextAndBoldItalicFaces() {
        Typesetter t = ts("en");
        List<Run> in = List.of(Run.of("Available in: ", TextStyle.PLAIN.withBold(true)),
                Run.of("English · Русский · 中文", TextStyle.PLAIN),
                Run.of(" — emphasis ", TextStyle.PLAIN.withItalic(true)),
                Run.of("强调", TextStyle.PLAIN.withItalic(true).withBold(true)));
        assertEquals(List.of("Available in: |NS-Bold", "English · Русский · |NS-Regular", "中文|SC-Regular",
                " — emphasis |NS-Italic", "强调|SC-Bold"), runs(t, in));
    }

    @Test
    void everyChunkBreaksLinesWithIcu() {
        Typesetter t = ts("zh");
        for (Chunk c : t.chunks(Run.plain("测试，Latin 文字。"), 10f, Color.BLACK)) {
            assertTrue(c.getChunkAttributes().get(Chunk.SPLITCHARACTER) instanceof LineBreaker);
        }
    }

    @Test
    void defaultIgnorableCharactersAreDroppedNotReported() {
        Typesetter t = ts("en");
        assertEquals(List.of("softhyphen|NS-Regular"), runs(t, Run.plain("soft\u00ADhyphen\uFE0F")));
        assertFalse(t.hasMissingGlyphs());
    }
}
