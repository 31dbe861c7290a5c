package org.lastmile.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Breaks a paragraph into lines by total fit (Knuth and Plass, "Breaking paragraphs into lines", 1981): of all the
 * ways to break the paragraph whose every line can be set within the tolerance, it picks the one with the fewest
 * demerits, so one tight line early on can spare several loose ones later, and it never leaves a line short of the
 * margin when another choice of breaks would fill it.
 *
 * <p>Breaks may fall at glue that follows a box and at penalties below {@link Item#INFINITE_PENALTY}; a penalty at
 * or below minus that forces one. The paragraph ends with a forced break: when the items do not end with one, a
 * forced break is assumed after the last item (so the last entry of {@link Result#breaks} is {@code items.size()}).
 * A line's adjustment ratio r is how far its glue (and its boxes, when they may stretch: font expansion) must
 * stretch (r &gt; 0, in units of its total stretch) or shrink (r &lt; 0, in units of its total shrink) to fill the
 * line; a line is feasible when −1 ≤ r ≤ tolerance.
 *
 * <p>Demerits per line are (linePenalty + badness)² ± penalty², badness being 100·|r|³; plus
 * {@code flaggedDemerits} when two hyphenated lines follow each other, plus {@code fitnessDemerits} when a line's
 * fitness class (tight, decent, loose, very loose) differs by more than one from the line before. No more than
 * {@code maxConsecutiveFlagged} lines in a row end at flagged penalties.
 *
 * <p>Three passes: at {@code tolerance}; if no breaking is feasible, at {@code looseTolerance}; then, as a last
 * resort, with any amount of stretch allowed. Only in the last pass may a line be overfull, and only where the
 * material between two possible breaks is itself wider than the line (a long URL, a word too wide for a narrow
 * column); {@link Result#overfull()} says so, and that line's ratio is below −1.
 *
 * <p>The active list holds only breaks from which a line could still reach the current point, so the work grows
 * with the paragraph's length times the number of breaks per line. Pure and thread-safe.
 */
public final class ParagraphBreaker {
    private static final int FITNESS_CLASSES = 4;
    /** The badness TeX gives a line that cannot stretch enough: used only in the last-resort pass. */
    private static final double AWFUL_BADNESS = 10_000;
    /** Ratios come from differences of running sums: a line that shrinks exactly to −1 must not miss by rounding. */
    private static final double EPSILON = 1e-9;

    private ParagraphBreaker() {
    }

    /**
     * How to weigh the choices, Knuth–Plass style. Ratios are adjustment ratios (see the class comment), costs in
     * demerits.
     *
     * @param tolerance             the largest ratio a line may stretch to in the first pass (1 with stretch = ½
     *                              of a space lets spaces grow to 1.5×)
     * @param looseTolerance        the largest ratio of the second pass, tried when the first finds no breaking
     * @param maxConsecutiveFlagged how many lines in a row may end at a flagged penalty (a hyphen); 2 in print
     * @param flaggedDemerits       added when two consecutive lines both end flagged (Knuth's α, 3000)
     * @param fitnessDemerits       added when adjacent lines differ by more than one fitness class (Knuth's γ,
     *                              3000)
     * @param hyphenPenalty         added to the penalty of every flagged break, so callers can make hyphenation
     *                              dearer or cheaper without rebuilding the items (TeX's \hyphenpenalty, 50)
     * @param lastLineRagged        whether a line that ends at a forced break (the paragraph's last line, a hard
     *                              line break) is set ragged, as with infinite fill glue before the break, rather
     *                              than justified
     * @param linePenalty           added to every line's badness before squaring: fewer lines are preferred (10)
     * @param looseLineDemerits     added for every line looser than {@code tolerance} once the later passes allow
     *                              one: 0 spreads the looseness over as many lines as ease it (TeX); a large value
     *                              keeps as many lines as possible within the tolerance and lets one line take what
     *                              cannot be helped, unless that line would be very loose
     */
    public record Options(double tolerance, double looseTolerance, int maxConsecutiveFlagged, double flaggedDemerits,
                          double fitnessDemerits, double hyphenPenalty, boolean lastLineRagged, double linePenalty,
                          double looseLineDemerits) {
        /** Options that spread looseness as TeX does. */
        public Options(double tolerance, double looseTolerance, int maxConsecutiveFlagged, double flaggedDemerits,
                       double fitnessDemerits, double hyphenPenalty, boolean lastLineRagged, double linePenalty) {
            this(tolerance, looseTolerance, maxConsecutiveFlagged, flaggedDemerits, fitnessDemerits, hyphenPenalty,
                    lastLineRagged, linePenalty, 0);
        }

        public Options {
            if (!(tolerance >= 0) || !(looseTolerance >= tolerance)) {
                throw new IllegalArgumentException("need 0 ≤ tolerance ≤ looseTolerance, got " + tolerance + ", " + looseTolerance);
            }
            if (maxConsecutiveFlagged < 1) throw new IllegalArgumentException("maxConsecutiveFlagged must be ≥ 1");
        }

        /** Justified text with word spaces stretching to at most 1.5× (stretch ½ space) before the loose pass. */
        public static Options defaults() {
            return new Options(1.0, 2.0, 2, 3000, 3000, 50, true, 10);
        }

        public Options withTolerance(double tolerance, double looseTolerance) {
            return new Options(tolerance, looseTolerance, maxConsecutiveFlagged, flaggedDemerits, fitnessDemerits,
                    hyphenPenalty, lastLineRagged, linePenalty, looseLineDemerits);
        }

        public Options withLastLineRagged(boolean ragged) {
            return new Options(tolerance, looseTolerance, maxConsecutiveFlagged, flaggedDemerits, fitnessDemerits,
                    hyphenPenalty, ragged, linePenalty, looseLineDemerits);
        }

        public Options withLooseLineDemerits(double demerits) {
            return new Options(tolerance, looseTolerance, maxConsecutiveFlagged, flaggedDemerits, fitnessDemerits,
                    hyphenPenalty, lastLineRagged, linePenalty, demerits);
        }
    }

    /**
     * The chosen breaks.
     *
     * @param breaks   for each line, the index of the item it ends at (a glue or penalty, dropped from both lines
     *                 except for a penalty's width, which ends the line); the last is {@code items.size()} when the
     *                 items do not end with a forced break
     * @param ratios   each line's adjustment ratio: the caller sets glue to width + r·stretch (r ≥ 0) or
     *                 width + r·shrink (r &lt; 0); 0 for a ragged line that is short and for a line with nothing to
     *                 stretch; below −1 only for an overfull line
     * @param overfull whether some line is wider than its measure even fully shrunk (see the class comment)
     */
    public record Result(int[] breaks, double[] ratios, boolean overfull) {
        public int lines() {
            return breaks.length;
        }
    }

    /** One way of breaking up to a point: a node of the active list and of the chains walked back at the end. */
    private static final class Node {
        final int position;
        final int line;
        final int fitness;
        final int flaggedRun;
        final double demerits;
        final double ratio;
        final boolean overfull;
        final Node previous;
        /** Sums of the items before the first one of the line that starts after this break. */
        final double width;
        final double stretch;
        final double shrink;
        final int fill;
        Node next;

        Node(int position, int line, int fitness, int flaggedRun, double demerits, double ratio, boolean overfull,
             Node previous, double width, double stretch, double shrink, int fill) {
            this.position = position;
            this.line = line;
            this.fitness = fitness;
            this.flaggedRun = flaggedRun;
            this.demerits = demerits;
            this.ratio = ratio;
            this.overfull = overfull;
            this.previous = previous;
            this.width = width;
            this.stretch = stretch;
            this.shrink = shrink;
            this.fill = fill;
        }
    }

    /**
     * Breaks {@code items} into lines; {@code lineWidth} gives the width of line i (0-based), so a paragraph can
     * flow round a rail or change columns.
     */
    public static Result breakLines(List<Item> items, IntToDoubleFunction lineWidth, Options o) {
        Paragraph p = new Paragraph(items);
        Widths w = new Widths(p, lineWidth);
        Node end = pass(p, w, o, o.tolerance(), false);
        if (end == null && o.looseTolerance() > o.tolerance()) end = pass(p, w, o, o.looseTolerance(), false);
        if (end == null) end = pass(p, w, o, Double.POSITIVE_INFINITY, true);
        int lines = end.line;
        int[] breaks = new int[lines];
        double[] ratios = new double[lines];
        boolean overfull = false;
        for (Node n = end; n.previous != null; n = n.previous) {
            breaks[n.line - 1] = n.position;
            ratios[n.line - 1] = n.ratio;
            overfull |= n.overfull;
        }
        return new Result(breaks, ratios, overfull);
    }

    /** The items with prefix sums, so any line's width, stretch and shrink come in constant time. */
    private static final class Paragraph {
        final Item[] items;
        /** Items plus the forced break assumed at the end when the items lack one. */
        final int size;
        final double[] width;
        final double[] stretch;
        final double[] shrink;
        final int[] fill;

        Paragraph(List<Item> list) {
            items = list.toArray(new Item[0]);
            boolean ends = items.length > 0 && items[items.length - 1] instanceof Item.Penalty pen && pen.forced();
            size = ends ? items.length : items.length + 1;
            width = new double[size + 1];
            stretch = new double[size + 1];
            shrink = new double[size + 1];
            fill = new int[size + 1];
            for (int i = 0; i < size; i++) {
                Item it = i < items.length ? items[i] : null;
                width[i + 1] = width[i];
                stretch[i + 1] = stretch[i];
                shrink[i + 1] = shrink[i];
                fill[i + 1] = fill[i];
                if (it instanceof Item.Box b) {
                    width[i + 1] += b.width();
                    stretch[i + 1] += b.stretch();
                    shrink[i + 1] += b.shrink();
                } else if (it instanceof Item.Glue g) {
                    width[i + 1] += g.width();
                    if (Double.isInfinite(g.stretch())) fill[i + 1]++;
                    else stretch[i + 1] += g.stretch();
                    shrink[i + 1] += g.shrink();
                }
            }
        }

        /** The item at {@code i}, or the assumed final forced break. */
        Item at(int i) {
            return i < items.length ? items[i] : new Item.Penalty(0, -Item.INFINITE_PENALTY, false, -1);
        }

        boolean forced(int i) {
            return at(i) instanceof Item.Penalty pen && pen.forced();
        }

        /** The first item of the line after a break at {@code b}: glue and optional breaks there are dropped. */
        int lineStart(int b) {
            int s = b + 1;
            while (s < size && !(at(s) instanceof Item.Box) && !forced(s)) s++;
            return s;
        }
    }

    /**
     * The width of every line the paragraph could have, read once. Two ways of reaching a break that differ only in
     * how many lines they took are the same choice once every later line has the same width (Knuth and Plass's
     * j₀); before that they must be kept apart, as the next line's width depends on it.
     */
    private static final class Widths {
        final double[] widths;
        final int uniformFrom;

        Widths(Paragraph p, IntToDoubleFunction lineWidth) {
            int breaks = 1;
            for (int i = 0; i < p.size; i++) if (!(p.at(i) instanceof Item.Box)) breaks++;
            widths = new double[breaks + 1];
            for (int i = 0; i < widths.length; i++) {
                double w = lineWidth.applyAsDouble(i);
                widths[i] = Double.isNaN(w) ? 0 : Math.max(0, w);
            }
            int j = widths.length - 1;
            while (j > 0 && widths[j - 1] == widths[j]) j--;
            uniformFrom = j;
        }

        double of(int line) {
            return widths[Math.min(line, widths.length - 1)];
        }

        int lineClass(int line) {
            return Math.min(line, uniformFrom);
        }
    }

    private static Node pass(Paragraph p, Widths lineWidth, Options o, double tolerance, boolean lastResort) {
        Node active = new Node(-1, 0, 1, 0, 0, 0, false, null, 0, 0, 0, 0);
        List<Node> fresh = new ArrayList<>();
        for (int b = 0; b < p.size; b++) {
            Item it = p.at(b);
            double penalty;
            boolean flagged;
            double extraWidth = 0;
            if (it instanceof Item.Glue) {
                if (b == 0 || !(p.at(b - 1) instanceof Item.Box)) continue;
                penalty = 0;
                flagged = false;
            } else if (it instanceof Item.Penalty pen) {
                if (pen.penalty() >= Item.INFINITE_PENALTY) continue;
                flagged = pen.flagged();
                penalty = flagged && !pen.forced() ? pen.penalty() + o.hyphenPenalty() : pen.penalty();
                extraWidth = pen.width();
            } else {
                continue;
            }
            boolean forced = penalty <= -Item.INFINITE_PENALTY;
            fresh.clear();
            Node prev = null;
            Node newestRemoved = null;
            for (Node a = active; a != null; a = a.next) {
                double target = lineWidth.of(a.line);
                double natural = p.width[b] - a.width + extraWidth;
                double stretch = p.stretch[b] - a.stretch;
                double shrink = p.shrink[b] - a.shrink;
                boolean fills = p.fill[b] - a.fill > 0 || (forced && o.lastLineRagged());
                double r;
                if (natural < target) {
                    r = fills ? 0 : stretch > 0 ? (target - natural) / stretch : Double.POSITIVE_INFINITY;
                } else if (natural > target) {
                    r = shrink > 0 ? (target - natural) / shrink : Double.NEGATIVE_INFINITY;
                } else {
                    r = 0;
                }
                boolean remove = r < -1 - EPSILON || forced;
                if (r >= -1 - EPSILON && r <= tolerance + EPSILON) {
                    consider(p, lineWidth, fresh, a, b, r, penalty, flagged, forced, o, lastResort);
                }
                if (remove) {
                    if (newestRemoved == null && r < -1 - EPSILON) newestRemoved = a;
                    if (prev == null) active = a.next;
                    else prev.next = a.next;
                } else {
                    prev = a;
                }
            }
            if (active == null && fresh.isEmpty() && lastResort && newestRemoved != null) {
                // Nothing can reach this break without overflowing: the material since the last break is wider
                // than the line. Take the overfull line rather than fail, as TeX's final pass does.
                Node from = newestRemoved;
                double target = lineWidth.of(from.line);
                double natural = p.width[b] - from.width + extraWidth;
                double shrink = p.shrink[b] - from.shrink;
                double r = shrink > 0 ? (target - natural) / shrink : Double.NEGATIVE_INFINITY;
                fresh.add(node(p, from, b, r, flagged, from.demerits + AWFUL_BADNESS * AWFUL_BADNESS, 1, true));
            }
            if (!fresh.isEmpty()) {
                // Insert the new nodes in front: the list stays ordered by position from newest to oldest, and a
                // line from a newer break is shorter, so overflow removes from the end first.
                for (Node n : fresh) {
                    n.next = active;
                    active = n;
                }
            }
            if (active == null) return null;
            if (forced && b == p.size - 1) break;
        }
        // The paragraph ends at a forced break, which removed every node older than it: what is left ends there.
        Node best = null;
        for (Node a = active; a != null; a = a.next) {
            if (a.position == p.size - 1 && (best == null || a.demerits < best.demerits)) best = a;
        }
        return best;
    }

    /** Offers the line from {@code a} to break {@code b}; keeps the best per fitness class, hyphen run and line. */
    private static void consider(Paragraph p, Widths widths, List<Node> fresh, Node a, int b, double r, double penalty, boolean flagged,
                                 boolean forced, Options o, boolean lastResort) {
        if (flagged && a.flaggedRun >= o.maxConsecutiveFlagged() && !lastResort) return;
        // In the feasible passes badness is TeX's, capped; in the last resort it keeps growing with the ratio, so a
        // loose line is still preferred to a looser one (a capped badness would make a line holding one syllable as
        // good as a line with wide spaces).
        double cubed = 100 * Math.abs(r * r * r);
        double badness = Double.isInfinite(r) ? (lastResort ? 1e9 : AWFUL_BADNESS)
                : lastResort ? cubed : Math.min(AWFUL_BADNESS, cubed);
        double d = o.linePenalty() + badness;
        d *= d;
        if (penalty >= 0) d += penalty * penalty;
        else if (!forced) d -= penalty * penalty;
        if (flagged && a.flaggedRun > 0) d += o.flaggedDemerits();
        if (r > o.tolerance() + EPSILON && !(forced && o.lastLineRagged())) d += o.looseLineDemerits();
        // Only the last-resort pass gets here with one hyphen too many: make it the choice of last resort too.
        if (flagged && a.flaggedRun >= o.maxConsecutiveFlagged()) d += AWFUL_BADNESS * AWFUL_BADNESS;
        int fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
        if (Math.abs(fitness - a.fitness) > 1) d += o.fitnessDemerits();
        double total = a.demerits + d;
        int run = flagged ? a.flaggedRun + 1 : 0;
        for (int i = 0; i < fresh.size(); i++) {
            Node n = fresh.get(i);
            // The last-resort pass keeps one way per hyphen run rather than one per fitness class: it has to
            // consider every break within a line's reach, and is the exception, not the case to optimise for.
            if ((lastResort || n.fitness == fitness) && n.flaggedRun == run
                    && widths.lineClass(n.line) == widths.lineClass(a.line + 1)) {
                if (total >= n.demerits) return;
                fresh.remove(i);
                break;
            }
        }
        fresh.add(node(p, a, b, r, flagged, total, fitness, false));
    }

    private static Node node(Paragraph p, Node from, int b, double r, boolean flagged, double demerits, int fitness,
                             boolean overfull) {
        int s = p.lineStart(b);
        return new Node(b, from.line + 1, fitness, flagged ? from.flaggedRun + 1 : 0, demerits,
                Double.isInfinite(r) && r > 0 ? 0 : r, overfull, from, p.width[s], p.stretch[s], p.shrink[s], p.fill[s]);
    }
}
