package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lastmile.pdf.layout.GuideLayout;
import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Role;
import org.lastmile.text.Hyphenation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the page, read from the laid-out model of real-length guides: each test reads what a reader would
 * notice (a widow, a stranded heading, a table continued without its header, a line of 110 characters) and goes red
 * when the rule it guards is broken.
 */
class LayoutRulesTest {
    static final Hyphenation HYPHENATION = Hyphenation.builtIn();
    static final PdfStyle STYLE = Samples.style();

    static GuideLayout.Outcome lay(GuideSpec spec) {
        GuideLayout.Outcome o = GuideRenderer.layout(spec, STYLE, Samples.fonts(), HYPHENATION);
        assertTrue(o.laidOut().isPresent(), () -> "layout failed: " + o.diagnostics());
        return o;
    }

    /** One set line of a structure element: page, column (left edge), baseline, its words. */
    record Line(int page, float left, float right, float y, Role role, int element, List<Box.Glyphs> words) {
        String text() {
            StringBuilder b = new StringBuilder();
            for (Box.Glyphs g : words) b.append(g.text());
            return b.toString().strip();
        }
    }

    /**
     * The lines of content (not artifacts) in reading order, grouped by page, element and baseline; superscripts
     * (note references) belong to their line and are left out.
     */
    static List<Line> lines(LaidOut doc) {
        List<Line> out = new ArrayList<>();
        int pageNo = 0;
        for (Page p : doc.pages()) {
            pageNo++;
            Map<String, List<Box.Glyphs>> byLine = new LinkedHashMap<>();
            for (Box b : p.boxes()) {
                if (b instanceof Box.Glyphs g && !g.tag().isArtifact() && g.tag().element() > 0
                        && g.tag().role() != Role.LBL) {
                    byLine.computeIfAbsent(g.tag().element() + "@" + Math.round(g.y() * 10), k -> new ArrayList<>()).add(g);
                }
            }
            for (List<Box.Glyphs> ws : byLine.values()) {
                // a raised note number sits above its line's baseline: it is no line of its own
                if (ws.stream().allMatch(g -> g.text().strip().matches("\\d+"))) continue;
                Box.Glyphs f = ws.get(0);
                Box.Glyphs l = ws.get(ws.size() - 1);
                out.add(new Line(pageNo, f.x(), l.x() + l.width(), f.y(), f.tag().role(), f.tag().element(), ws));
            }
        }
        return out;
    }

    /** Which column a line is in: page and a coarse left edge (two columns never share one). */
    static String column(Line l, float pageWidth) {
        return l.page() + (l.left() < pageWidth / 2 - 20 ? "L" : "R");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void paragraphsLeaveNoWidowsOrOrphans(String lang) {
        int splits = 0;
        for (int times : new int[]{1, 2, 3, 4, 5, 6}) {
            for (GuideLayout.Kind k : GuideLayout.Kind.values()) {
                GuideSpec base = times <= 2 ? LongGuides.spec(lang, times) : Fixtures.spec(lang, times + 1, 3);
                GuideSpec spec = base.toBuilder().layout(k).minSize(8).build();
                GuideLayout.Outcome o = GuideRenderer.layout(spec, STYLE, Samples.fonts(), HYPHENATION);
                if (o.laidOut().isEmpty()) continue;
                LaidOut doc = o.laidOut().get();
                float w = doc.pages().get(0).width();
                Map<Integer, Map<String, Integer>> parts = new TreeMap<>();
                for (Line l : lines(doc)) {
                    if (l.role() != Role.P && l.role() != Role.LI && l.role() != Role.NOTE) continue;
                    parts.computeIfAbsent(l.element(), e -> new LinkedHashMap<>()).merge(column(l, w), 1, Integer::sum);
                }
                for (var e : parts.entrySet()) {
                    if (e.getValue().size() < 2) continue;
                    splits++;
                    for (var part : e.getValue().entrySet()) {
                        assertTrue(part.getValue() >= 2, lang + " " + k + " ×" + times + ": element " + e.getKey()
                                + " has a single line in column " + part.getKey() + ": " + e.getValue());
                    }
                }
            }
        }
        assertTrue(splits >= 3, splits + ": the texts must split paragraphs across columns for this test to mean anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "zh"})
    void headingsStayWithTheFirstTwoLinesOfWhatFollows(String lang) {
        for (GuideLayout.Kind k : GuideLayout.Kind.values()) {
            GuideLayout.Outcome o = GuideRenderer.layout(LongGuides.spec(lang, 1).toBuilder().layout(k).minSize(8).build(),
                    STYLE, Samples.fonts(), HYPHENATION);
            if (o.laidOut().isEmpty()) continue;
            LaidOut doc = o.laidOut().get();
            float w = doc.pages().get(0).width();
            List<Line> ls = lines(doc);
            for (int i = 0; i < ls.size(); i++) {
                Line h = ls.get(i);
                boolean heading = h.role() == Role.H1 || h.role() == Role.H2 || h.role() == Role.H3;
                if (!heading || h.element() == 0) continue;
                int j = i + 1;
                while (j < ls.size() && ls.get(j).element() == h.element()) j++;
                if (j >= ls.size()) {
                    assertTrue(false, lang + " " + k + ": the document ends with a heading " + h.text());
                }
                Line next = ls.get(j);
                assertEquals(column(h, w), column(next, w), lang + " " + k + ": heading '" + h.text()
                        + "' is stranded at the foot of a column; next: " + next.text());
                if (j + 1 < ls.size() && ls.get(j + 1).element() == next.element()) {
                    assertEquals(column(h, w), column(ls.get(j + 1), w), lang + " " + k + ": heading '" + h.text()
                            + "' keeps only one line of what follows");
                }
            }
        }
    }

    @Test
    void tablesBreakBetweenRowsAndRepeatTheirHeader() {
        StringBuilder md = new StringBuilder("---\ntitle: Tables\n---\n\nIntro.\n\n| Measure | What it changes |\n|---|---|\n");
        for (int i = 1; i <= 90; i++) md.append("| Measure number ").append(i).append(" | Its effect on care ").append(i).append(" |\n");
        GuideSpec spec = Samples.spec(java.nio.file.Path.of("content/papers/t/guide.md"), md.toString()).toBuilder()
                .layout(GuideLayout.Kind.COVER).build();
        LaidOut doc = lay(spec).laidOut().get();
        float w = doc.pages().get(0).width();
        Map<String, List<Line>> byColumn = new LinkedHashMap<>();
        for (Line l : lines(doc)) {
            if (l.role() == Role.TH || l.role() == Role.TD) byColumn.computeIfAbsent(column(l, w), c -> new ArrayList<>()).add(l);
        }
        assertTrue(byColumn.size() >= 2, "the table must run over more than one column: " + byColumn.keySet());
        for (var e : byColumn.entrySet()) {
            Line first = e.getValue().get(0);
            assertEquals(Role.TH, first.role(), "column " + e.getKey() + " starts without the header: " + first.text());
            // rows are whole: every row's cells share the column
        }
        int rows = 0;
        for (var e : byColumn.values()) for (Line l : e) if (l.text().startsWith("Measure number")) rows++;
        assertEquals(90, rows, "every row once, none split or lost");
    }

    @Test
    void shortCalloutsAndPicturesAreNeverSplit() {
        for (GuideLayout.Kind k : GuideLayout.Kind.values()) {
            GuideLayout.Outcome o = GuideRenderer.layout(LongGuides.spec("en", 1).toBuilder().layout(k).minSize(8).build(),
                    STYLE, Samples.fonts(), HYPHENATION);
            if (o.laidOut().isEmpty()) continue;
            LaidOut doc = o.laidOut().get();
            float w = doc.pages().get(0).width();
            Map<Integer, java.util.Set<String>> quotes = new TreeMap<>();
            for (Line l : lines(doc)) {
                if (l.words().get(0).tag().parent() > 0 && l.role() == Role.P && isQuote(doc, l)) {
                    quotes.computeIfAbsent(l.element(), e -> new java.util.TreeSet<>()).add(column(l, w));
                }
            }
            for (var e : quotes.entrySet()) assertEquals(1, e.getValue().size(), k + ": callout split: " + e);
        }
    }

    private static boolean isQuote(LaidOut doc, Line l) {
        return l.words().stream().anyMatch(g -> g.font().contains("Italic"));
    }

    /** Latin and Cyrillic running text keeps 45–85 characters a line whatever layout and size is chosen. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es", "ru"})
    void linesHoldFortyFiveToEightyFiveCharacters(String lang) {
        for (int times : new int[]{1, 2}) {
            for (GuideLayout.Kind k : GuideLayout.Kind.values()) {
                GuideLayout.Outcome o = GuideRenderer.layout(LongGuides.spec(lang, times).toBuilder().layout(k)
                        .minSize(8).build(), STYLE, Samples.fonts(), HYPHENATION);
                if (o.laidOut().isEmpty()) continue;
                List<Line> ls = lines(o.laidOut().get());
                double sum = 0;
                int n = 0;
                for (int i = 0; i + 1 < ls.size(); i++) {
                    Line l = ls.get(i);
                    // full lines of body paragraphs: not the last line of their paragraph
                    if (l.role() != Role.P || ls.get(i + 1).element() != l.element() || isQuote(null, l)) continue;
                    sum += l.text().length();
                    n++;
                }
                double mean = sum / n;
                assertTrue(mean >= 45 && mean <= 85, lang + " " + k + " ×" + times + " at " + o.report().get().size()
                        + " pt: " + mean + " characters a line");
            }
        }
    }

    /**
     * Justified lines end at the margin, and 95 % of them keep word spaces within 0.75–1.5× of natural, in the
     * single-column measures (about 75 characters) and in two columns (about 50): hyphenation, total fit and font
     * expansion share the work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en:compact", "fr:compact", "es:compact", "ru:compact", "en:extended", "fr:extended",
            "es:extended", "ru:extended", "en:columns", "fr:columns", "es:columns", "ru:columns"})
    void justifiedLinesAreFullAndEvenlySpaced(String c) {
        String lang = c.split(":")[0];
        GuideLayout.Kind kind = GuideLayout.Kind.valueOf(c.split(":")[1].toUpperCase(java.util.Locale.ROOT));
        double share = 0.95;
        int papers = kind == GuideLayout.Kind.COLUMNS ? 4 : 2;
        GuideLayout.Outcome o = lay(LongGuides.spec(lang, 1, papers).toBuilder().minSize(8).layout(kind).build());
        List<Line> ls = lines(o.laidOut().get());
        Fonts fonts = Samples.fonts();
        float body = o.report().get().size();
        int lines = 0;
        int even = 0;
        for (int i = 0; i + 1 < ls.size(); i++) {
            Line l = ls.get(i);
            if ((l.role() != Role.P && l.role() != Role.LI) || ls.get(i + 1).element() != l.element() || isQuote(null, l) || l.words().size() < 3
                    || Math.abs(l.words().get(0).size() - body) > 0.01f) continue;
            Line next = ls.get(i + 1);
            if (next.page() != l.page() || Math.abs(next.left() - l.left()) > 30) continue;
            // the line's right edge is the right edge of the longest line of its paragraph in this column
            float right = 0;
            for (Line m : ls) if (m.element() == l.element() && m.page() == l.page() && Math.abs(m.left() - l.left()) < 30) right = Math.max(right, m.right());
            assertEquals(right, l.right(), 0.6f, lang + ": justified line ends short of the margin: " + l.text());
            lines++;
            float max = 0;
            float min = Float.MAX_VALUE;
            for (int k = 0; k + 1 < l.words().size(); k++) {
                Box.Glyphs a = l.words().get(k);
                Box.Glyphs b = l.words().get(k + 1);
                if (!a.text().endsWith(" ")) continue;
                float gap = b.x() - (a.x() + a.width());
                float natural = fonts.width(a.font(), " ", a.size());
                max = Math.max(max, gap / natural);
                min = Math.min(min, gap / natural);
            }
            if (max <= 1.5f + 1e-3 && (min >= 0.75f - 1e-3 || min == Float.MAX_VALUE)) even++;
            else if (Boolean.getBoolean("lm.debug")) System.err.printf("%s %.2f-%.2f %.2fem %s%n", lang, min, max, (l.right() - l.left()) / body, l.text());
        }
        assertTrue(lines > 20, "enough justified lines: " + lines);
        assertTrue(even >= share * lines, c + ": " + even + " of " + lines + " justified lines within 0.75–1.5× spaces");
    }

    /**
     * A word too wide for its table cell is broken only at a hyphenation point and with a hyphen; a word that fits
     * its cell is never broken at all, even where ragged text elsewhere would be hyphenated.
     */
    @Test
    void tableCellsBreakOnlyWordsTooWideForThemAtHyphenationPointsWithAHyphen() {
        String text = "---\ntitle: Cells\n---\n\n## Costs\n\nWho pays what, by country and service.\n\n"
                + "| Country | Out-of-pocket | Internationalisation | Decentralisation | Responsibilities | Notes |\n"
                + "|---|---|---|---|---|---|\n"
                + "| Kenya | incomprehensibility | counterproductive | establishment | accountability | many payments "
                + "for medicines and services |\n"
                + "| Peru | characteristically | uncharacteristically | representatives | interdisciplinary | "
                + "transportation and accommodation costs |\n";
        GuideSpec spec = Samples.spec(java.nio.file.Path.of("content/papers/cells/guide.md"), text);
        LaidOut doc = lay(spec).laidOut().get();
        org.lastmile.text.Hyphenator hy = HYPHENATION.forLanguage("en").orElseThrow();
        List<Line> cells = lines(doc).stream().filter(l -> l.role() == Role.TD || l.role() == Role.TH).toList();
        int broken = 0;
        for (int i = 0; i + 1 < cells.size(); i++) {
            Line l = cells.get(i);
            Line next = cells.get(i + 1);
            if (next.element() != l.element()) continue;
            String end = l.text().substring(l.text().lastIndexOf(' ') + 1);
            String head = next.text().split(" ")[0];
            if (!end.endsWith("-")) continue;
            String part = end.substring(0, end.length() - 1);
            if (!Character.isLetter(part.charAt(part.length() - 1))) continue; // a compound's own hyphen
            broken++;
            String word = (part + head).replaceAll("[^\\p{L}-]", "");
            assertTrue(java.util.Arrays.stream(hy.points(word)).anyMatch(p -> p == part.replaceAll("[^\\p{L}-]", "").length()),
                    "broken where the word has no hyphenation point: " + end + " / " + head);
            // the cell is narrower than the whole word: it had to break
            float cellWidth = 0;
            for (Line m : cells) if (m.element() == l.element()) cellWidth = Math.max(cellWidth, m.right() - m.left());
            Box.Glyphs g = l.words().get(l.words().size() - 1);
            assertTrue(Samples.fonts().width(g.font(), word, g.size()) > cellWidth,
                    "a word that fits its cell was broken: " + end + " / " + head);
        }
        // and no word is cut without a hyphen: the cells' lines joined again give back the table's own words
        java.util.Set<String> source = new java.util.HashSet<>(List.of(text.substring(text.indexOf("| Country"))
                .split("[\\s|]+")));
        Map<Integer, StringBuilder> joined = new LinkedHashMap<>();
        for (Line l : cells) {
            StringBuilder b = joined.computeIfAbsent(l.element(), k -> new StringBuilder());
            if (b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append(' ');
            b.append(l.text());
        }
        for (StringBuilder b : joined.values()) {
            for (String w : b.toString().split(" ")) {
                // a line that ended with a hyphen: the added one goes, a compound's own stays
                boolean found = source.contains(w);
                for (int k = w.indexOf('-'); k > 0 && !found; k = w.indexOf('-', k + 1)) {
                    found = source.contains(w.substring(0, k) + w.substring(k + 1));
                }
                assertTrue(found, "a word cut in its cell: " + w);
            }
        }
        assertTrue(broken > 0, "some word was too wide for its cell");
    }

    /**
     * A right-to-left page is the mirror of the left-to-right one, line by line: every line spans the mirrored
     * extent with the same words. Words are not mirrored one by one: English set in a right-to-left guide is still
     * read left to right (bidi), so its words keep their order within the line (Arabic lines: ArabicPdfTest).
     */
    @Test
    void rightToLeftIsTheMirrorOfLeftToRight() {
        GuideSpec ltr = LongGuides.spec("en", 1);
        LaidOut a = lay(ltr).laidOut().get();
        LaidOut b = lay(ltr.toBuilder().direction(Direction.RTL).build()).laidOut().get();
        assertEquals(a.pages().size(), b.pages().size());
        float w = a.pages().get(0).width();
        for (int p = 0; p < a.pages().size(); p++) {
            assertEquals(lineKeys(a.pages().get(p), w, true), lineKeys(b.pages().get(p), w, false),
                    "page " + (p + 1) + " mirrored");
            List<Box> boxes = b.pages().get(p).boxes();
            for (int i = 1; i < boxes.size(); i++) {
                if (boxes.get(i - 1) instanceof Box.Glyphs g && boxes.get(i) instanceof Box.Glyphs h && h.y() == g.y()
                        && h.tag().equals(g.tag()) && !g.tag().isArtifact() && Character.isLetter(g.text().charAt(0))
                        && Character.isLetter(h.text().charAt(0))) {
                    assertTrue(h.x() > g.x(), "'" + h.text() + "' follows '" + g.text() + "' to its right");
                }
            }
        }
    }

    /** Each line (baseline and element): its left edge, mirrored when asked, and its words in reading order. */
    private static List<String> lineKeys(Page page, float w, boolean mirror) {
        Map<String, float[]> extent = new java.util.TreeMap<>();
        Map<String, StringBuilder> words = new java.util.TreeMap<>();
        for (Box x : page.boxes()) {
            if (!(x instanceof Box.Glyphs g)) continue;
            String k = String.format(java.util.Locale.ROOT, "%.1f %s", g.y(), g.tag());
            float[] e = extent.computeIfAbsent(k, q -> new float[]{Float.MAX_VALUE, -Float.MAX_VALUE});
            e[0] = Math.min(e[0], g.x());
            e[1] = Math.max(e[1], g.x() + g.width());
            words.computeIfAbsent(k, q -> new StringBuilder()).append(g.text());
        }
        List<String> out = new ArrayList<>();
        // The words as read: bidi may cut a word from its punctuation and mark a mirrored bracket, not change a letter.
        extent.forEach((k, e) -> out.add(k + String.format(java.util.Locale.ROOT, " %.1f ", mirror ? w - e[1] : e[0])
                + words.get(k).toString().replace("\u200F", "").replace(" ", "")));
        return out;
    }

    @Test
    void aLongTitleIsShortenedInTheFooter() {
        String title = "A very long title for a community guide that goes on and on about universal health coverage "
                + "for migrants, sex workers and people who use drugs in five languages";
        GuideSpec spec = LongGuides.spec("en", 1).toBuilder().title(title).shortTitle(null).build();
        LaidOut doc = lay(spec).laidOut().get();
        Page p2 = doc.pages().get(1);
        boolean found = false;
        for (Box b : p2.boxes()) {
            if (b instanceof Box.Glyphs g && g.tag().isArtifact() && g.text().startsWith("A very long")) {
                found = true;
                assertTrue(g.text().endsWith("…"), g.text());
                float margin = Math.min(STYLE.marginOuter(), 40f); // the dense layouts' margins
                assertTrue(g.x() >= margin - 0.5f && g.x() + g.width() <= p2.width() - margin + 0.5f,
                        "footer inside the margins: " + g.x() + "+" + g.width());
            }
        }
        assertTrue(found, "running footer with the title");
    }

    @Test
    void qrCodeHasAFourModuleQuietZone() {
        LaidOut doc = lay(LongGuides.spec("en", 1)).laidOut().get();
        Page back = doc.pages().get(3);
        Box.Fill white = null;
        float minX = Float.MAX_VALUE;
        float maxTop = 0;
        List<Box.Fill> modules = new ArrayList<>();
        for (Box b : back.boxes()) {
            if (b instanceof Box.Fill f && f.color().equals(java.awt.Color.WHITE) && Math.abs(f.width() - f.height()) < 0.01) white = f;
            if (b instanceof Box.Fill f && f.tag().role() == Role.FIGURE) modules.add(f);
        }
        assertTrue(white != null && !modules.isEmpty());
        for (Box.Fill m : modules) {
            minX = Math.min(minX, m.x());
            maxTop = Math.max(maxTop, m.y() + m.height());
        }
        float module = modules.stream().map(Box.Fill::height).min(Float::compare).get() - 0.02f;
        assertEquals(4, (minX - white.x()) / module, 0.05, "quiet zone on the left, in modules");
        assertEquals(4, (white.y() + white.height() - maxTop + 0.01f) / module, 0.05, "quiet zone at the top, in modules");
    }

    @Test
    void withoutAnAbsolutePaperUrlTheGuideFailsUnlessTheQrCodeIsOff() {
        GuideSpec spec = LongGuides.spec("en", 1).toBuilder().paperUrl("/en/papers/long/").build();
        GuideLayout.Outcome o = GuideRenderer.layout(spec, STYLE, Samples.fonts(), HYPHENATION);
        assertTrue(o.laidOut().isEmpty());
        assertEquals("the back cover's link and QR code need an absolute URL, but the paper's address is /en/papers/long/",
                o.diagnostics().get(0).message());
        assertTrue(GuideRenderer.layout(spec.toBuilder().qrCode(false).build(), STYLE, Samples.fonts(), HYPHENATION)
                .laidOut().isPresent());
    }

    @Test
    void chineseParagraphsNeverEndWithOneCharacterAlone() {
        LaidOut doc = lay(LongGuides.spec("zh", 1)).laidOut().get();
        List<Line> ls = lines(doc);
        int paragraphs = 0;
        for (int i = 0; i < ls.size(); i++) {
            Line l = ls.get(i);
            boolean last = i + 1 == ls.size() || ls.get(i + 1).element() != l.element();
            boolean multi = i > 0 && ls.get(i - 1).element() == l.element();
            if (!last || !multi || l.role() != Role.P) continue;
            paragraphs++;
            long letters = l.text().codePoints().filter(Character::isLetterOrDigit).count();
            assertTrue(letters >= 2, "last line of a paragraph holds one character: " + l.text());
        }
        assertTrue(paragraphs > 10);
    }

    @Test
    void adjacentFullWidthPunctuationIsCompressed() {
        GuideSpec spec = Samples.spec(java.nio.file.Path.of("content/papers/x/guide.zh.md"),
                "---\ntitle: 标点\n---\n\n他说：“我们需要服务”，然后离开了（很快），没有回来。\n");
        LaidOut doc = lay(spec).laidOut().get();
        boolean seen = false;
        for (Box b : doc.pages().get(1).boxes()) {
            if (b instanceof Box.Glyphs g && (g.text().equals("”") || g.text().equals("）"))) {
                seen = true;
                assertEquals(g.size() * 0.5f, g.width(), 0.01f, "half width: " + g.text());
            }
        }
        assertTrue(seen, "the closing marks followed by a comma are set on their own, at half width");
    }

    /** The cut the overflow message names, made from the end of the text, makes the guide fit, and is not much more. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theCutNamedByAnOverflowIsEnoughAndNotMuchMore(String lang) {
        GuideSpec spec = LongGuides.spec(lang, 3);
        GuideLayout.Outcome o = GuideRenderer.layout(spec, STYLE, Samples.fonts(), HYPHENATION);
        assertTrue(o.laidOut().isEmpty(), "three times the sample text must overflow");
        String msg = o.diagnostics().get(0).text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("shorten by about (\\d+) words").matcher(msg);
        assertTrue(m.find(), msg);
        int cut = Integer.parseInt(m.group(1));
        assertTrue(fitsAfterCutting(lang, cut), "cutting " + cut + " words is not enough: " + msg + " / after: "
                + afterCutting(lang, cut));
        assertFalse(fitsAfterCutting(lang, (int) (cut / 1.1) - 10), "cutting " + cut + " words is more than 10 % too much");
    }

    private static boolean fitsAfterCutting(String lang, int words) {
        return afterCutting(lang, words).isEmpty();
    }

    private static List<org.lastmile.diag.Diagnostic> afterCutting(String lang, int words) {
        String text = LongGuides.text(lang, 3);
        String[] tokens = text.split("(?<=\\s)");
        int keep = tokens.length - words;
        // count words from the end of the body: drop whole tokens that hold a word
        StringBuilder b = new StringBuilder();
        int dropped = 0;
        int end = tokens.length;
        while (dropped < words && end > 0) {
            end--;
            if (tokens[end].strip().matches(".*\\p{L}.*")) dropped++;
        }
        for (int i = 0; i < end; i++) b.append(tokens[i]);
        String name = lang.equals("en") ? "guide.md" : "guide." + lang + ".md";
        GuideSpec spec = Samples.spec(java.nio.file.Path.of("content/papers/long").resolve(name), b.toString());
        return GuideRenderer.layout(spec, STYLE, Samples.fonts(), HYPHENATION).diagnostics().stream()
                .filter(org.lastmile.diag.Diagnostic::isError).toList();
    }
}
