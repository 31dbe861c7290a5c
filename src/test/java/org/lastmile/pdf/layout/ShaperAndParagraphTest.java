package org.lastmile.pdf.layout;

import org.junit.jupiter.api.Test;
import org.lastmile.pdf.FontSource;
import org.lastmile.pdf.Fonts;
import org.lastmile.pdf.PdfStyle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Font runs by script (shared characters follow their neighbours, bold and italic take real faces) and the line
 * breaking rules of each language, read from set paragraphs at many widths.
 */
class ShaperAndParagraphTest {
    static final Fonts FONTS = Fonts.load(PdfStyle.defaults(), FontSource.directory(Path.of("fonts")));
    private static final String NO_START = "，。、）：；！？”》」』";
    private static final String NO_END = "（“《「『";
    private static final String ZH = ("全民健康覆盖意味着人人都能获得所需的卫生服务，而不会因此陷入贫困。"
            + "据估计，在若干国家（例如东欧和中亚），超过一半的注射吸毒者从未接受过检测；然而，“同伴外展”项目表明：只要服务"
            + "友好、免费、保密，人们就会前来！难道这还不够清楚吗？《全民健康覆盖》报告、《政治宣言》和各国行动计划都说明了这一点。")
            .repeat(3);

    private static Shaper shaper(String lang) {
        return new Shaper(FONTS, PdfStyle.defaults(), lang, Path.of("t.md"));
    }

    private static List<String> runs(Shaper s, List<Run> runs) {
        return s.pieces(runs).stream().map(p -> p.text() + "|" + p.face().replace("NotoSansSC", "SC")
                .replace("NotoSans", "NS").replace(".ttf", "")).toList();
    }

    @Test
    void chinesePunctuationAndDigitsComeFromTheCjkFont() {
        Shaper s = shaper("zh");
        assertEquals(List.of("世界卫生组织（|SC-Regular", "WHO|NS-Regular", "）说：“2024年，覆盖率为50%。”|SC-Regular"),
                runs(s, List.of(Run.of("世界卫生组织（WHO）说：“2024年，覆盖率为50%。”", TextStyle.PLAIN))));
        assertFalse(s.hasMissingGlyphs());
    }

    @Test
    void frenchGuillemetsAndNarrowSpacesStayInNotoSans() {
        Shaper s = shaper("fr");
        String t = "la «\u00A0couverture\u00A0» universelle\u202F?";
        assertEquals(List.of(t + "|NS-Regular"), runs(s, List.of(Run.of(t, TextStyle.PLAIN))));
    }

    @Test
    void chineseWordsInAnEnglishTextAndBoldItalicFaces() {
        List<Run> in = List.of(Run.of("Available in: ", TextStyle.PLAIN.withBold(true)),
                Run.of("English · Русский · 中文", TextStyle.PLAIN),
                Run.of(" — emphasis ", TextStyle.PLAIN.withItalic(true)),
                Run.of("强调", TextStyle.PLAIN.withItalic(true).withBold(true)));
        assertEquals(List.of("Available in: |NS-Bold", "English · Русский · |NS-Regular", "中文|SC-Regular",
                " — emphasis |NS-Italic", "强调|SC-Bold"), runs(shaper("en"), in));
    }

    @Test
    void defaultIgnorableCharactersAreDroppedNotReported() {
        Shaper s = shaper("en");
        Paragraph p = Paragraph.of(s, List.of(Run.of("soft\u00ADhyphen\uFE0F", TextStyle.PLAIN)), null, false);
        assertEquals("softhyphen", p.text());
        assertFalse(s.hasMissingGlyphs());
    }

    /** Lines of a set paragraph as text (a hyphen at a break is part of its line). */
    private static List<String> lines(Paragraph p, float size, float width) {
        List<String> out = new ArrayList<>();
        for (Paragraph.Line l : p.lines(size, width)) {
            StringBuilder b = new StringBuilder();
            for (Paragraph.Frag f : l.frags()) b.append(f.text());
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void noChineseLineStartsOrEndsWithForbiddenPunctuationAndNoneRunsOver() {
        Shaper s = shaper("zh");
        // runs change style every 7 characters, so font and style boundaries fall next to punctuation
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < ZH.length(); i += 7) {
            runs.add(Run.of(ZH.substring(i, Math.min(ZH.length(), i + 7)),
                    (i / 7) % 3 == 0 ? TextStyle.PLAIN.withBold(true) : TextStyle.PLAIN));
        }
        Paragraph p = Paragraph.of(s, runs, null, true);
        int checked = 0;
        for (float width : new float[]{97f, 120f, 150f, 173f, 200f, 233f, 271f, 320f, 467f}) {
            List<String> ls = lines(p, 10f, width);
            assertEquals(ZH, String.join("", ls), "width " + width + ": the whole paragraph, in order");
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i);
                assertFalse(i > 0 && NO_START.indexOf(l.charAt(0)) >= 0, "width " + width + " starts: " + l);
                assertFalse(i < ls.size() - 1 && NO_END.indexOf(l.charAt(l.length() - 1)) >= 0,
                        "width " + width + " ends: " + l);
                assertTrue(p.lines(10f, width).get(i).width() <= width + 0.01f, "overfull at " + width + ": " + l);
            }
            checked += ls.size();
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    private static final String JA = ("コミュニティ主導のモニタリングとは、保健サービスを利用する人々自身が、そのサービスが役に立って"
            + "いるかどうかを確かめることです。ちょっとしたアンケートでも、ジェット機のようなスピードでチェックできます。"
            + "フォローアップ、ミーティング、ボランティアのトレーニングを続けましょう。").repeat(3);

    @Test
    void noJapaneseLineStartsWithASmallKanaOrTheProlongedSoundMark() {
        Shaper s = shaper("ja");
        Paragraph p = Paragraph.of(s, List.of(Run.of(JA, TextStyle.PLAIN)), null, true);
        int checked = 0;
        for (float width = 60f; width < 400f; width += 7.25f) {
            List<String> ls = lines(p, 10f, width);
            assertEquals(JA, String.join("", ls), "width " + width + ": the whole paragraph, in order");
            for (int i = 1; i < ls.size(); i++) {
                char c = ls.get(i).charAt(0);
                assertFalse("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー".indexOf(c) >= 0, "width " + width + " starts: " + ls.get(i));
                assertFalse(NO_START.indexOf(c) >= 0, "width " + width + " starts: " + ls.get(i));
            }
            checked += ls.size();
        }
        assertTrue(checked > 300, "checked " + checked);
        assertEquals("NotoSansJP-Regular.ttf", s.pieces(List.of(Run.of("直", TextStyle.PLAIN))).get(0).face(),
                "Japanese kanji take Japanese shapes");
    }

    /**
     * Ragged text (cover titles, summaries, headings) is broken into even lines: no line but the last falls short by
     * more than half the measure when the next line's first word would still have fitted on it ("Le dernier /
     * kilomètre d'abord : …" was the failure).
     */
    @Test
    void raggedLinesAreNeverNeedlesslyShort() {
        String[] texts = {"Le dernier kilomètre d’abord\u00A0: guide communautaire sur la couverture sanitaire universelle",
                "Последняя миля — в первую очередь: руководство для сообществ о всеобщем охвате услугами здравоохранения",
                "Краткое руководство для секс-работников, равных консультантов и союзников: что всеобщий охват услугами "
                        + "здравоохранения должен означать для криминализированных сообществ и чего следует требовать.",
                "Putting the Last Mile First: A Community Guide to Universal Health Coverage"};
        int checked = 0;
        for (String t : texts) {
            String lang = t.chars().anyMatch(c -> c >= 0x400 && c < 0x500) ? "ru" : t.startsWith("Le") ? "fr" : "en";
            Paragraph p = Paragraph.of(shaper(lang), List.of(Run.of(t, TextStyle.PLAIN)), null, false);
            for (float w : new float[]{180f, 240f, 300f, 380f, 460f}) {
                List<String> ls = lines(p, 34f * w / 460f, w);
                for (int i = 0; i + 1 < ls.size(); i++) {
                    String line = ls.get(i).strip();
                    String next = ls.get(i + 1).strip().split(" ")[0];
                    float lineW = FONTS.width("NotoSans-Regular.ttf", line, 34f * w / 460f);
                    float withNext = FONTS.width("NotoSans-Regular.ttf", line + " " + next, 34f * w / 460f);
                    assertFalse(lineW < w / 2 && withNext <= w, "needlessly short line at " + w + " pt: '" + line
                            + "' could take '" + next + "': " + ls);
                    checked++;
                }
            }
        }
        assertTrue(checked > 30, "checked " + checked);
    }

    @Test
    void russianAndFrenchBreakingRules() {
        String r = "не обеднеть из-за этого, право на помощь с гражданством";
        for (float w : new float[]{40f, 60f, 80f, 100f, 140f}) {
            for (String l : lines(Paragraph.of(shaper("ru"), List.of(Run.of(r, TextStyle.PLAIN)), null, false), 10f, w)) {
                assertFalse(l.strip().endsWith(" с") || l.strip().equals("с"), "one-letter word at a line end: " + l);
                assertFalse(l.strip().endsWith("из-"), "из-за kept whole: " + l);
            }
        }
        String f = "la « couverture » universelle ?";
        for (float w : new float[]{30f, 50f, 70f}) {
            for (String l : lines(Paragraph.of(shaper("fr"), List.of(Run.of(f.replace("« ", "«\u00A0")
                    .replace(" »", "\u00A0»").replace(" ?", "\u202F?"), TextStyle.PLAIN)), null, false), 10f, w)) {
                assertFalse(l.strip().endsWith("«") || l.strip().startsWith("?"), "French spacing broken: " + l);
            }
        }
    }

    /**
     * A one-letter Russian preposition stays with its word, but the space between them stretches like every other
     * word space of a justified line, and the word after it can still be hyphenated.
     */
    @Test
    void aRussianPrepositionIsTiedToItsWordWhichMayStillBeHyphenated() {
        String r = "Мигранты обращаются в государственные учреждения с документами и с обязательствами, а также "
                + "к волонтёрам и в общественные организации у границы.";
        org.lastmile.text.Hyphenator hy = org.lastmile.text.Hyphenation.builtIn().forLanguage("ru").orElseThrow();
        Paragraph p = Paragraph.of(shaper("ru"), List.of(Run.of(r, TextStyle.PLAIN)), hy, true);
        boolean hyphenatedAfterPreposition = false;
        for (float w = 120; w <= 260; w += 2) {
            List<Paragraph.Line> ls = p.lines(10f, w);
            for (int i = 0; i + 1 < ls.size(); i++) {
                List<Paragraph.Frag> fs = ls.get(i).frags();
                StringBuilder text = new StringBuilder();
                for (Paragraph.Frag f : fs) text.append(f.text());
                String line = text.toString().strip();
                assertFalse(line.matches(".*(^| )[вска]$"), "one-letter word at a line end: " + line);
                hyphenatedAfterPreposition |= line.matches(".*(^| )[вска] \\S+-$");
                float gap = -1;
                for (int k = 0; k + 1 < fs.size(); k++) {
                    assertFalse(fs.get(k).text().strip().contains(" "), "a space that cannot stretch: " + fs.get(k).text());
                    if (!fs.get(k).text().endsWith(" ")) continue; // a word's pieces, its hyphen
                    float g = fs.get(k + 1).x() - fs.get(k).x() - fs.get(k).width();
                    if (gap >= 0) assertEquals(gap, g, 0.01f, "uneven spaces in " + line);
                    gap = g;
                }
            }
        }
        assertTrue(hyphenatedAfterPreposition, "the word after a preposition is hyphenated at some width");
    }

    /** Even a syllable wider than a (too narrow) cell is broken with a hyphen, so the reader sees the word go on. */
    @Test
    void aSyllableWiderThanTheCellStillBreaksWithAHyphen() {
        org.lastmile.text.Hyphenator hy = org.lastmile.text.Hyphenation.builtIn().forLanguage("en").orElseThrow();
        Paragraph p = Paragraph.of(shaper("en"), List.of(Run.of("Decentralisation payments", TextStyle.PLAIN)), hy,
                false).hyphenatedOnlyWhereNeeded();
        for (float w : new float[]{14f, 18f, 22f}) {
            List<String> ls = lines(p, 10f, w);
            StringBuilder joined = new StringBuilder();
            for (String l : ls) {
                if (joined.length() > 0 && joined.charAt(joined.length() - 1) == '-') joined.setLength(joined.length() - 1);
                else if (joined.length() > 0) joined.append(' ');
                joined.append(l.strip());
            }
            assertEquals("Decentralisation payments", joined.toString(), "cut without a hyphen at " + w + ": " + ls);
        }
    }

    @Test
    void textWiderThanTheLineIsBrokenNeverCut() {
        String url = "https://example.org/" + "very-long-path-segment/".repeat(8) + "end";
        Paragraph p = Paragraph.of(shaper("en"), List.of(Run.of("See " + url + " now.", TextStyle.PLAIN)), null, true);
        List<String> ls = lines(p, 10f, 120f);
        assertEquals(("See " + url + " now.").replace(" ", ""), String.join("", ls).replace(" ", ""));
        for (Paragraph.Line l : p.lines(10f, 120f)) assertTrue(l.width() <= 120.01f, "overfull line: " + l.width());
    }
}
