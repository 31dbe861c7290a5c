package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics layout measures with are the ones the painter prints with. */
class FontMetricsTest {
    static final Fonts FONTS = Samples.fonts();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NotoSans-Regular.ttf|Universal health coverage, without fear.",
            "NotoSans-Bold.ttf|Всеобщий охват услугами здравоохранения",
            "NotoSans-Italic.ttf|fi ffl — “quoted” 1,234.50 €",
            "NotoSansSC-Regular.ttf|全民健康覆盖意味着人人都能获得所需的卫生服务，而不会因此陷入贫困。",
            "NotoSansSC-Bold.ttf|世界卫生组织（WHO）也指出"})
    void widthIsWhatShowTextAdvances(String font, String text) {
        for (float size : new float[]{8f, 9.25f, 10.5f, 22f}) {
            // BaseFont.getWidthPoint is what OpenPDF's own layout and the PDF's /W widths agree on
            assertEquals(FONTS.font(font).getWidthPoint(text, size), FONTS.width(font, text, size), 0f,
                    font + " at " + size);
        }
        // asked twice (from the cache) the answer is the same
        assertEquals(FONTS.width(font, text, 10f), FONTS.width(font, text, 10f), 0f);
    }

    @Test
    void widthAddsUpAndScalesWithSize() {
        String f = "NotoSans-Regular.ttf";
        assertEquals(FONTS.width(f, "health", 10) + FONTS.width(f, " care", 10), FONTS.width(f, "health care", 10),
                0.001f);
        assertEquals(2 * FONTS.width(f, "health", 10), FONTS.width(f, "health", 20), 0.001f);
        assertTrue(FONTS.width(f, "W", 10) > FONTS.width(f, "i", 10), "proportional, not monospaced");
        assertEquals(0f, FONTS.width(f, "", 10));
    }

    @Test
    void aCharacterTheFontLacksAdvancesNothing() {
        // NotoSans has no Han glyphs: showText leaves them out, so they must not take room in layout either
        String f = "NotoSans-Regular.ttf";
        assertFalse(FONTS.hasGlyph(f, '社'));
        assertEquals(FONTS.width(f, "ab", 10), FONTS.width(f, "a社b", 10), 0.001f);
    }

    @Test
    void ascentIsAboveAndDescentBelowTheBaseline() {
        for (String f : new String[]{"NotoSans-Regular.ttf", "NotoSansSC-Regular.ttf"}) {
            float a = FONTS.ascent(f, 10);
            float d = FONTS.descent(f, 10);
            assertTrue(a > 7 && a < 12, f + " ascent " + a);
            assertTrue(d < -1f && d > -4, f + " descent " + d);
            assertTrue(a - d >= 9.9f && a - d < 15, f + " ascent to descent spans at least the em: " + (a - d));
            assertEquals(2 * a, FONTS.ascent(f, 20), 0.001f);
            assertEquals(2 * d, FONTS.descent(f, 20), 0.001f);
        }
    }

    @Test
    void theWidthCacheGivesExactAnswersWhenThreadsFillItTogether() throws Exception {
        Fonts fresh = Fonts.load(PdfStyle.defaults(), FontSource.directory(Samples.FONTS));
        String text = Fixtures.EN_PARA + Fixtures.RU_PARA + Fixtures.ZH_PARA;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (String font : List.of("NotoSans-Regular.ttf", "NotoSansSC-Regular.ttf")) {
                        for (int i = 0; i < text.length(); i++) {
                            String c = text.substring(i, i + 1);
                            if (fresh.width(font, c, 10f) != fresh.font(font).getWidthPoint(c, 10f)) return false;
                        }
                    }
                    return true;
                }));
            }
            for (var f : all) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnloadedFontIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FONTS.width("Nope.ttf", "a", 10));
        assertThrows(IllegalArgumentException.class, () -> FONTS.ascent("Nope.ttf", 10));
        assertFalse(FONTS.hasGlyph("Nope.ttf", 'a'));
    }
}
