package org.lastmile.text;

/**
 * One item of a paragraph for {@link ParagraphBreaker}, as in Knuth and Plass (1981): a box of fixed width (a word
 * or a piece of one), glue (a space that can stretch and shrink) or a penalty (a possible break with a cost, and
 * the width of what is printed when it is taken: a hyphen). {@code ref} is the caller's own index, carried through
 * untouched so the caller can find its runs again.
 */
public sealed interface Item permits Item.Box, Item.Glue, Item.Penalty {
    /** A penalty of this much or more forbids a break; this much negative or less forces one. */
    double INFINITE_PENALTY = 10_000;

    double width();

    int ref();

    /**
     * Material of fixed width: a word, a syllable, an inline image. A box may stretch and shrink a little with its
     * line ({@code stretch}, {@code shrink}: as glue's, per unit of adjustment ratio): font expansion, where the
     * glyphs of a justified line are set a few per cent wider or narrower so that its spaces need not move as far.
     * It is never a place to break.
     */
    record Box(double width, double stretch, double shrink, int ref) implements Item {
        /** A box that keeps its width. */
        public Box(double width, int ref) {
            this(width, 0, 0, ref);
        }
    }

    /**
     * A space of natural {@code width} that can grow by up to {@code stretch} per unit of adjustment ratio and
     * shrink by up to {@code shrink}. A stretch of {@link Double#POSITIVE_INFINITY} is "fill" glue, as ends a
     * ragged last line. A break at glue drops the glue; glue that would start a line is dropped too.
     */
    record Glue(double width, double stretch, double shrink, int ref) implements Item {
    }

    /**
     * A place to break at the cost {@code penalty} (≥ {@link #INFINITE_PENALTY}: never; ≤ −{@link #INFINITE_PENALTY}:
     * always). {@code width} is added to the line that ends here (a hyphen's width); {@code flagged} marks a
     * hyphenation, of which at most {@link ParagraphBreaker.Options#maxConsecutiveFlagged()} lines in a row end.
     */
    record Penalty(double width, double penalty, boolean flagged, int ref) implements Item {
        public boolean forced() {
            return penalty <= -INFINITE_PENALTY;
        }
    }
}
