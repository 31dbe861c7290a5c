package org.lastmile.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test paragraphs as Knuth–Plass items, in a monospaced measure: every character is 1 unit wide, a space is 1 unit
 * that stretches by ½ and shrinks by ⅓ (so ratio 1 means spaces at 1.5×), a hyphen is 1 unit. Also an independent
 * re-measure of a result's lines, so tests check the breaker's ratios against arithmetic of their own.
 */
final class Paragraphs {
    static final double SPACE = 1;
    static final double STRETCH = 0.5;
    static final double SHRINK = 1.0 / 3;

    private Paragraphs() {
    }

    /** The words of {@code text} as boxes and glue, with flagged penalties at hyphenation points when given. */
    static List<Item> items(String text, Optional<Hyphenator> hyphenator) {
        List<Item> items = new ArrayList<>();
        String[] words = text.trim().split("\\s+");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (w > 0) items.add(new Item.Glue(SPACE, STRETCH, SHRINK, w));
            int[] points = hyphenator.map(h -> h.points(word)).orElse(new int[0]);
            int last = 0;
            for (int p : points) {
                items.add(new Item.Box(p - last, w));
                boolean explicit = word.charAt(p - 1) == '-';
                items.add(new Item.Penalty(explicit ? 0 : 1, explicit ? 0 : 50, true, w));
                last = p;
            }
            items.add(new Item.Box(word.length() - last, w));
        }
        return items;
    }

    static List<Item> items(String text) {
        return items(text, Optional.empty());
    }

    /** One line of a result, measured again from the items. */
    record Line(int from, int to, double natural, double stretch, double shrink, boolean fill, boolean flagged) {
        double ratio(double width, boolean ragged) {
            if (natural < width) return fill || ragged ? 0 : stretch > 0 ? (width - natural) / stretch : Double.POSITIVE_INFINITY;
            if (natural > width) return shrink > 0 ? (width - natural) / shrink : Double.NEGATIVE_INFINITY;
            return 0;
        }
    }

    static List<Line> lines(List<Item> items, int[] breaks) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int b : breaks) {
            double natural = 0, stretch = 0, shrink = 0;
            boolean fill = false;
            for (int i = start; i < b; i++) {
                if (items.get(i) instanceof Item.Box box) natural += box.width();
                if (items.get(i) instanceof Item.Glue g) {
                    natural += g.width();
                    if (Double.isInfinite(g.stretch())) fill = true;
                    else stretch += g.stretch();
                    shrink += g.shrink();
                }
            }
            boolean flagged = false;
            if (b < items.size() && items.get(b) instanceof Item.Penalty p) {
                natural += p.width();
                flagged = p.flagged();
            }
            out.add(new Line(start, b, natural, stretch, shrink, fill, flagged));
            start = b + 1;
            while (start < items.size() && !(items.get(start) instanceof Item.Box)
                    && !(items.get(start) instanceof Item.Penalty p && p.forced())) {
                start++;
            }
        }
        return out;
    }

    /** First fit, as a word processor breaks: as many words on each line as fit at natural width. */
    static int[] firstFit(List<Item> items, double width) {
        List<Integer> breaks = new ArrayList<>();
        int start = 0;
        int candidate = -1;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Item.Glue)) continue;
            if (natural(items, start, i) <= width) {
                candidate = i;
            } else if (candidate >= 0) {
                breaks.add(candidate);
                start = candidate + 1;
                candidate = natural(items, start, i) <= width ? i : -1;
            }
        }
        if (natural(items, start, items.size()) > width && candidate >= 0) breaks.add(candidate);
        breaks.add(items.size());
        return breaks.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double natural(List<Item> items, int from, int to) {
        double w = 0;
        for (int i = from; i < to; i++) {
            if (!(items.get(i) instanceof Item.Penalty)) w += items.get(i).width();
        }
        return w;
    }
}
