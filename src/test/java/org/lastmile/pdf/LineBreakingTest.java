package org.lastmile.pdf;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese line-breaking rules hold in real layout, across chunk (font and style) boundaries. */
class LineBreakingTest {
    private static final String NO_START = "，。、）：；！？”》」』";
    private static final String NO_END = "（“《「『";

    /** A long paragraph with every kind of forbidden punctuation, mixed with Latin, bold and a second font. */
    private static final String PARAGRAPH = (Fixtures.ZH_PARA
            + "据估计，在若干国家（例如东欧和中亚），超过一半的注射吸毒者从未接受过检测；然而，“同伴外展”项目表明：只要服务"
            + "友好、免费、保密，人们就会前来！难道这还不够清楚吗？《全民健康覆盖》报告、《政治宣言》和各国行动计划都说明了这一点。")
            .repeat(3);

    private static List<String> layOutLines(String text, float width) throws Exception {
        Fonts fonts = Samples.fonts();
        Typesetter ts = new Typesetter(fonts, PdfStyle.defaults(), "zh", Direction.LTR, Path.of("t.md"));
        // Split into runs so chunk boundaries fall next to punctuation: bold every 7th char group.
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 7) {
            String piece = text.substring(i, Math.min(text.length(), i + 7));
            runs.add(Run.of(piece, (i / 7) % 3 == 0 ? TextStyle.PLAIN.withBold(true) : TextStyle.PLAIN));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        float height = 4000f;
        Document doc = new Document(new Rectangle(width + 40f, height), 0, 0, 0, 0);
        PdfWriter w = PdfWriter.getInstance(doc, out);
        doc.open();
        Phrase p = ts.phrase(runs, 10f, 16f, Color.BLACK);
        ColumnText ct = new ColumnText(w.getDirectContent());
        ct.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        ct.setAlignment(Element.ALIGN_JUSTIFIED);
        ct.setLeading(16f, 0);
        ct.setSpaceCharRatio(2.5f);
        ct.addText(p);
        ct.setSimpleColumn(20f, 20f, 20f + width, height - 20f);
        assertTrue(ColumnText.hasMoreText(ct.go()) == false, "column too short for the test");
        doc.close();
        String text1 = PdfChecks.text(out.toByteArray(), 1);
        List<String> lines = new ArrayList<>();
        for (String l : text1.split("\n")) {
            String s = PdfChecks.squeeze(l);
            if (!s.isEmpty()) lines.add(s);
        }
        return lines;
    }

    @Test
    void noChineseLineStartsOrEndsWithForbiddenPunctuation() throws Exception {
        int checkedLines = 0;
        for (float width : new float[]{97f, 120f, 150f, 173f, 200f, 233f, 271f, 320f}) {
            List<String> lines = layOutLines(PARAGRAPH, width);
            // the extracted lines are the whole paragraph, in order
            assertEquals(PdfChecks.squeeze(PARAGRAPH), String.join("", lines), "width " + width);
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (i > 0 && NO_START.indexOf(l.charAt(0)) >= 0) bad.add("starts: " + l);
                if (i < lines.size() - 1 && NO_END.indexOf(l.charAt(l.length() - 1)) >= 0) bad.add("ends: " + l);
            }
            assertTrue(bad.isEmpty(), "width " + width + ": " + bad);
            assertTrue(lines.size() > 5, "width " + width + " gave only " + lines.size() + " lines");
            checkedLines += lines.size();
        }
        assertTrue(checkedLines > 200, "checked " + checkedLines);
    }

    @Test
    void composedChineseLinesKeepTheRulesAndFillTheMeasure() {
        Typesetter ts = new Typesetter(Samples.fonts(), PdfStyle.defaults(), "zh", Direction.LTR, Path.of("t.md"));
        Phrase p = ts.phrase(Run.plain(PARAGRAPH), 10f, 16f, Color.BLACK);
        for (float width : new float[]{97f, 120f, 150f, 173f, 200f, 233f, 271f, 320f, 467f}) {
            List<LineComposer.Line> lines = LineComposer.compose(p, width, ts.breaker, true, true);
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).phrase().getContent();
                all.append(l);
                assertFalse(i > 0 && NO_START.indexOf(l.charAt(0)) >= 0, "width " + width + " starts: " + l);
                assertFalse(i < lines.size() - 1 && NO_END.indexOf(l.charAt(l.length() - 1)) >= 0,
                        "width " + width + " ends: " + l);
                assertTrue(lines.get(i).naturalWidth() <= width, "overfull at " + width + ": " + l);
                if (i < lines.size() - 1) {
                    // justified lines are nearly full: at most two characters short
                    assertTrue(width - lines.get(i).naturalWidth() < 21f, "loose at " + width + ": " + l);
                }
            }
            assertEquals(PARAGRAPH, all.toString());
        }
    }

    @Test
    void breakerFollowsUax14WithChineseRules() {
        LineBreaker zh = new LineBreaker(ULocale.forLanguageTag("zh"));
        String s = "社区，一再证明（尤其）：“没有参与”。";
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = s.charAt(i - 1);
            if (NO_START.indexOf(c) >= 0) assertFalse(zh.canBreakBefore(s, i), "break before " + c);
            if (NO_END.indexOf(prev) >= 0) assertFalse(zh.canBreakBefore(s, i), "break after " + prev);
        }
        assertTrue(zh.canBreakBefore(s, 1), "between ideographs");
        LineBreaker ru = new LineBreaker(ULocale.forLanguageTag("ru"));
        String r = "не обеднеть из-за этого, community-led";
        assertFalse(ru.canBreakBefore(r, r.indexOf("за")), "из-за stays whole");
        assertTrue(ru.canBreakBefore(r, r.indexOf("led")), "after a hyphen in a long word");
        assertFalse(ru.canBreakBefore(r, r.indexOf("беднеть")), "inside a word");
        String prep = "право на помощь с гражданством";
        assertFalse(ru.canBreakBefore(prep, prep.indexOf("гражданством")), "one-letter word stays with the next");
        assertTrue(ru.canBreakBefore(prep, prep.indexOf("помощь")), "two-letter words may end a line");
        LineBreaker fr = new LineBreaker(ULocale.forLanguageTag("fr"));
        String f = "la « couverture » universelle ?";
        assertFalse(fr.canBreakBefore(f, f.indexOf("couverture")), "no break after « + no-break space");
        assertFalse(fr.canBreakBefore(f, f.indexOf('?')), "no break before narrow no-break space + ?");
    }
}
