package org.lastmile.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Tries every breaking of a small paragraph whose lines are all within tolerance, by depth-first search with no
 * merging of states, and keeps the one with the fewest demerits: the reference {@link ParagraphBreaker} must match.
 * Demerits are computed here from the published formula, independently of the breaker's code.
 */
record Exhaustive(int[] breaks, double demerits) {

    static Exhaustive search(List<Item> items, double width, ParagraphBreaker.Options o) {
        return search(items, i -> width, o);
    }

    static Exhaustive search(List<Item> items, java.util.function.IntToDoubleFunction width, ParagraphBreaker.Options o) {
        List<Integer> legal = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it instanceof Item.Glue && i > 0 && items.get(i - 1) instanceof Item.Box) legal.add(i);
            if (it instanceof Item.Penalty p && p.penalty() < Item.INFINITE_PENALTY) legal.add(i);
        }
        legal.add(items.size());
        Exhaustive[] best = {null};
        dfs(items, width, o, legal, new ArrayList<>(), 0, best);
        return best[0];
    }

    private static void dfs(List<Item> items, java.util.function.IntToDoubleFunction width, ParagraphBreaker.Options o, List<Integer> legal,
                            List<Integer> chosen, int from, Exhaustive[] best) {
        for (int k = from; k < legal.size(); k++) {
            chosen.add(legal.get(k));
            int[] breaks = chosen.stream().mapToInt(Integer::intValue).toArray();
            List<Paragraphs.Line> lines = Paragraphs.lines(items, breaks);
            Paragraphs.Line line = lines.get(lines.size() - 1);
            boolean last = k == legal.size() - 1;
            double r = line.ratio(width.applyAsDouble(lines.size() - 1), last && o.lastLineRagged());
            int run = 0;
            for (Paragraphs.Line l : lines) run = l.flagged() ? run + 1 : 0;
            if (r >= -1 - 1e-9 && r <= o.tolerance() + 1e-9 && run <= o.maxConsecutiveFlagged()) {
                if (last) {
                    double d = demerits(items, breaks, width, o);
                    if (best[0] == null || d < best[0].demerits()) best[0] = new Exhaustive(breaks, d);
                } else {
                    dfs(items, width, o, legal, chosen, k + 1, best);
                }
            }
            chosen.remove(chosen.size() - 1);
            if (r < -1 - 1e-9) break; // a later break only makes this line longer
        }
    }

    static double demerits(List<Item> items, int[] breaks, double width, ParagraphBreaker.Options o) {
        return demerits(items, breaks, i -> width, o);
    }

    static double demerits(List<Item> items, int[] breaks, java.util.function.IntToDoubleFunction width, ParagraphBreaker.Options o) {
        List<Paragraphs.Line> lines = Paragraphs.lines(items, breaks);
        double total = 0;
        int previousFitness = 1;
        boolean previousFlagged = false;
        for (int i = 0; i < lines.size(); i++) {
            Paragraphs.Line l = lines.get(i);
            boolean last = i == lines.size() - 1;
            double r = l.ratio(width.applyAsDouble(i), last && o.lastLineRagged());
            double badness = 100 * Math.pow(Math.abs(r), 3);
            double d = Math.pow(o.linePenalty() + badness, 2);
            if (!last && items.get(l.to()) instanceof Item.Penalty p) {
                double cost = p.penalty() + (p.flagged() ? o.hyphenPenalty() : 0);
                d += cost >= 0 ? cost * cost : -cost * cost;
            }
            if (l.flagged() && previousFlagged) d += o.flaggedDemerits();
            int fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
            if (Math.abs(fitness - previousFitness) > 1) d += o.fitnessDemerits();
            total += d;
            previousFitness = fitness;
            previousFlagged = l.flagged();
        }
        return total;
    }
}
