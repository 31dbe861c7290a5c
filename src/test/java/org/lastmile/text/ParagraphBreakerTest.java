package org.lastmile.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The textbook behaviours of total-fit line breaking, measured again from the items by the tests themselves. */
class ParagraphBreakerTest {
    static final String TEXT = """
            Community health workers are often the first and only point of contact with the health system for people
            living in remote villages, informal settlements and displacement camps. They register births, follow up
            pregnancies, treat common childhood illnesses, refer emergencies and keep track of outbreaks long before
            they reach a hospital. Yet in many countries they work without a contract, a regular salary or the
            supplies they need, and their knowledge of local languages and customs is rarely recognised by the
            institutions that depend on it. This guide sets out what national programmes, donors and community
            organisations can do to support them, drawing on the experience of twelve countries.
            """;
    static final ParagraphBreaker.Options OPTIONS = ParagraphBreaker.Options.defaults();

    static ParagraphBreaker.Result breakAt(List<Item> items, double width) {
        return ParagraphBreaker.breakLines(items, i -> width, OPTIONS);
    }

    @Test
    void everyLineButTheRaggedLastIsJustifiedWithinTolerance() {
        List<Item> items = Paragraphs.items(TEXT);
        ParagraphBreaker.Result r = breakAt(items, 60);
        List<Paragraphs.Line> lines = Paragraphs.lines(items, r.breaks());
        assertEquals(items.size(), r.breaks()[r.lines() - 1], "the paragraph ends after its last item");
        for (int i = 0; i < lines.size() - 1; i++) {
            double ratio = lines.get(i).ratio(60, false);
            assertTrue(ratio >= -1 && ratio <= OPTIONS.tolerance(), "line " + i + " ratio " + ratio);
            assertEquals(ratio, r.ratios()[i], 1e-9, "the reported ratio is the line's");
        }
        Paragraphs.Line last = lines.get(lines.size() - 1);
        assertTrue(last.natural() < 60, "the last line is short");
        assertEquals(0, r.ratios()[r.lines() - 1], "and set at natural width, not stretched");
        assertFalse(r.overfull());
    }

    @Test
    void aJustifiedLastLineStretchesWhenNotRagged() {
        List<Item> items = Paragraphs.items(TEXT);
        ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, i -> 62,
                OPTIONS.withLastLineRagged(false).withTolerance(1, 100));
        List<Paragraphs.Line> lines = Paragraphs.lines(items, r.breaks());
        double last = r.ratios()[r.lines() - 1];
        assertTrue(last > 0, "the last line is stretched: " + last);
        assertEquals(lines.get(lines.size() - 1).ratio(62, false), last, 1e-9, "to fill the measure");
    }

    @Test
    void totalFitAvoidsTheLooseLinesFirstFitLeaves() {
        List<Item> items = Paragraphs.items(TEXT);
        double width = 55;
        int[] greedy = Paragraphs.firstFit(items, width);
        List<Paragraphs.Line> g = Paragraphs.lines(items, greedy);
        long greedyLoose = g.subList(0, g.size() - 1).stream().filter(l -> l.ratio(width, false) > 1).count();
        ParagraphBreaker.Result r = breakAt(items, width);
        List<Paragraphs.Line> k = Paragraphs.lines(items, r.breaks());
        long totalFitLoose = k.subList(0, k.size() - 1).stream().filter(l -> l.ratio(width, false) > 1).count();
        assertTrue(greedyLoose >= 2, "first fit leaves loose lines here: " + greedyLoose);
        assertEquals(0, totalFitLoose, "total fit leaves none");
    }

    @Test
    void noMoreThanTwoHyphenatedLinesInARow() {
        Hyphenator en = Hyphenation.builtIn().forLanguage("en").orElseThrow();
        String text = (TEXT + " ").repeat(3);
        // Hyphenation made free, so breaks would end at hyphens line after line if nothing stopped them.
        ParagraphBreaker.Options cheap = new ParagraphBreaker.Options(1, 2, 2, 0, 3000, -200, true, 10);
        int worst = 0;
        int worstUnlimited = 0;
        for (double width = 24; width <= 40; width += 1) {
            List<Item> items = Paragraphs.items(text, Optional.of(en));
            double w = width;
            worst = Math.max(worst, longestRun(items, ParagraphBreaker.breakLines(items, i -> w, cheap)));
            ParagraphBreaker.Options unlimited = new ParagraphBreaker.Options(1, 2, 100, 0, 3000, -200, true, 10);
            worstUnlimited = Math.max(worstUnlimited, longestRun(items, ParagraphBreaker.breakLines(items, i -> w, unlimited)));
        }
        assertTrue(worstUnlimited > 2, "without the limit, cheap hyphens run on: " + worstUnlimited);
        assertEquals(2, worst, "with it, at most two hyphenated lines follow each other");
    }

    private static int longestRun(List<Item> items, ParagraphBreaker.Result r) {
        int run = 0;
        int longest = 0;
        for (Paragraphs.Line l : Paragraphs.lines(items, r.breaks())) {
            run = l.flagged() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    @Test
    void hyphenationLetsTightMeasuresJustify() {
        Hyphenator en = Hyphenation.builtIn().forLanguage("en").orElseThrow();
        List<Item> plain = Paragraphs.items(TEXT);
        List<Item> hyphenated = Paragraphs.items(TEXT, Optional.of(en));
        ParagraphBreaker.Options strict = OPTIONS.withTolerance(1, 1);
        double width = 46;
        ParagraphBreaker.Result without = ParagraphBreaker.breakLines(plain, i -> width, strict);
        ParagraphBreaker.Result with = ParagraphBreaker.breakLines(hyphenated, i -> width, strict);
        assertTrue(maxRatio(without) > 1, "without hyphens some line must stretch past 1.5× spaces");
        assertTrue(maxRatio(with) <= 1, "with them every line justifies within bounds: " + maxRatio(with));
        assertTrue(Paragraphs.lines(hyphenated, with.breaks()).stream().anyMatch(Paragraphs.Line::flagged));
    }

    private static double maxRatio(ParagraphBreaker.Result r) {
        double m = 0;
        for (int i = 0; i < r.lines() - 1; i++) m = Math.max(m, r.ratios()[i]);
        return m;
    }

    @Test
    void eachLineIsMeasuredAgainstItsOwnWidth() {
        List<Item> items = Paragraphs.items(TEXT, Optional.of(Hyphenation.builtIn().forLanguage("en").orElseThrow()));
        // Three short lines beside a rail, then the full measure.
        java.util.function.IntToDoubleFunction width = i -> i < 3 ? 40 : 60;
        ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, width, OPTIONS);
        List<Paragraphs.Line> lines = Paragraphs.lines(items, r.breaks());
        for (int i = 0; i < lines.size() - 1; i++) {
            double ratio = lines.get(i).ratio(width.applyAsDouble(i), false);
            assertTrue(ratio >= -1 && ratio <= OPTIONS.tolerance(), "line " + i + " ratio " + ratio);
        }
        assertTrue(lines.get(0).natural() < 42 && lines.get(3).natural() > 50, "short lines first, then long ones");
    }

    @Test
    void twoWaysToTheSameBreakAreKeptApartWhileTheNextLineWidthDependsOnThem() {
        // Words 6 3 1 6 1 4 on lines 17, 5, then 13 wide. The break after "1" is reached in one line ("6 3 1") or in
        // two ("6" / "3 1"): after one, the next line is 5 wide and "6" overflows it; after two, it is 13 wide and
        // "6 1 4" fits. Merged as one choice, the second is lost.
        List<Item> items = new ArrayList<>();
        int[] words = {6, 3, 1, 6, 1, 4};
        for (int w = 0; w < words.length; w++) {
            if (w > 0) items.add(new Item.Glue(1, 0.5, 1.0 / 3, w));
            items.add(new Item.Box(words[w], w));
        }
        java.util.function.IntToDoubleFunction widths = i -> i == 0 ? 17 : i == 1 ? 5 : 13;
        ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, widths,
                new ParagraphBreaker.Options(1.5, 1.5, 2, 3000, 3000, 50, true, 10));
        assertFalse(r.overfull());
        assertArrayEquals(new int[] {1, 5, 11}, r.breaks());
    }

    @Test
    void forcedBreaksEndLinesAndLeaveThemRagged() {
        List<Item> items = new ArrayList<>(Paragraphs.items("The address is:"));
        int forced = items.size();
        items.add(new Item.Penalty(0, -Item.INFINITE_PENALTY, false, -1));
        items.addAll(Paragraphs.items("12 Market Street, Kisumu, and the office opens at nine every weekday morning."));
        ParagraphBreaker.Result r = breakAt(items, 30);
        assertEquals(forced, r.breaks()[0], "the first line ends at the forced break");
        assertEquals(0, r.ratios()[0], "and is not stretched to the margin");
        assertTrue(r.lines() >= 3);
    }

    @Test
    void aBoxWiderThanTheLineIsReportedOverfull() {
        List<Item> items = new ArrayList<>(Paragraphs.items("See the report at"));
        items.add(new Item.Glue(1, 0.5, 1.0 / 3, 0));
        int wide = items.size();
        items.add(new Item.Box(45, 99)); // a URL with no break in it
        items.add(new Item.Glue(1, 0.5, 1.0 / 3, 0));
        items.addAll(Paragraphs.items("for the full figures of every district."));
        ParagraphBreaker.Result r = breakAt(items, 30);
        assertTrue(r.overfull());
        List<Paragraphs.Line> lines = Paragraphs.lines(items, r.breaks());
        int over = 0;
        for (int i = 0; i < lines.size(); i++) {
            Paragraphs.Line l = lines.get(i);
            if (r.ratios()[i] < -1) {
                over++;
                assertTrue(l.from() <= wide && wide < l.to(), "the overfull line is the one with the wide box");
            }
        }
        assertEquals(1, over, "only that line is overfull");
    }

    @Test
    void aHardParagraphUsesTheLoosePassBeforeGivingUp() {
        // Long words in a narrow measure: no breaking keeps spaces at 1.5×, but 3× will do; nothing is overfull.
        List<Item> items = Paragraphs.items("organisations international cooperation responsibilities development");
        ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, i -> 29, OPTIONS.withTolerance(1, 4));
        assertFalse(r.overfull());
        assertTrue(maxRatio(r) > 1 && maxRatio(r) <= 4, "loose but within the loose tolerance: " + maxRatio(r));
    }

    @Test
    void emptyAndOneWordParagraphs() {
        ParagraphBreaker.Result empty = breakAt(List.of(), 30);
        assertArrayEquals(new int[] {0}, empty.breaks());
        ParagraphBreaker.Result one = breakAt(Paragraphs.items("Hello"), 30);
        assertArrayEquals(new int[] {1}, one.breaks());
        assertFalse(one.overfull());
    }

    /**
     * The property that makes it total fit: on random paragraphs small enough to try every set of breaks (half of
     * them with first lines of their own widths), whenever some breaking keeps every line within tolerance (and
     * hyphen runs within the limit), the breaker's does too, and has the fewest demerits of all of them.
     */
    @Test
    void matchesExhaustiveSearchOnRandomParagraphs() {
        Random rnd = new Random(7);
        ParagraphBreaker.Options o = new ParagraphBreaker.Options(1.5, 1.5, 2, 3000, 3000, 50, true, 10);
        int feasible = 0;
        for (int trial = 0; trial < 1200; trial++) {
            List<Item> items = new ArrayList<>();
            int words = 4 + rnd.nextInt(9);
            for (int w = 0; w < words; w++) {
                if (w > 0) items.add(new Item.Glue(1, 0.5 + rnd.nextInt(2) * 0.5, 1.0 / 3, w));
                items.add(new Item.Box(1 + rnd.nextInt(6), w));
                if (rnd.nextInt(3) == 0) {
                    items.add(new Item.Penalty(1, rnd.nextInt(3) * 50, true, w));
                    items.add(new Item.Box(2 + rnd.nextInt(4), w));
                }
            }
            // Half the paragraphs flow round something: their first one or two lines have their own widths.
            double width = 8 + rnd.nextInt(10);
            double[] own = {6 + rnd.nextInt(12), 6 + rnd.nextInt(12), 6 + rnd.nextInt(12)};
            int ownLines = trial % 2 == 0 ? 0 : 1 + rnd.nextInt(3);
            java.util.function.IntToDoubleFunction widths = i -> i < ownLines ? own[i] : width;
            Exhaustive best = Exhaustive.search(items, widths, o);
            ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, widths, o);
            if (best == null) continue;
            feasible++;
            List<Paragraphs.Line> lines = Paragraphs.lines(items, r.breaks());
            for (int i = 0; i < lines.size(); i++) {
                double ratio = lines.get(i).ratio(widths.applyAsDouble(i), i == lines.size() - 1);
                assertTrue(ratio >= -1 - 1e-9 && ratio <= o.tolerance() + 1e-9, "trial " + trial + " line " + i + " ratio " + ratio);
            }
            assertEquals(best.demerits(), Exhaustive.demerits(items, r.breaks(), widths, o), 1e-6,
                    "trial " + trial + ": breaks " + java.util.Arrays.toString(r.breaks()) + " vs best "
                            + java.util.Arrays.toString(best.breaks()));
        }
        assertTrue(feasible > 150, "enough of the random paragraphs can be set: " + feasible);
    }
}
