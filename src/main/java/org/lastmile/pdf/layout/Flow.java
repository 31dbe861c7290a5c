package org.lastmile.pdf.layout;

import org.lastmile.pdf.model.Tag;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the body into columns, the way TeX builds pages from a vertical list: every block becomes a sequence of
 * units (lines, table rows, pictures, rules), each with the space before it and whether a column may end after it.
 * The rules of the page live in those break permissions:
 * <ul>
 *   <li>a paragraph leaves at least two lines at the foot of a column and carries at least two to the next (no
 *   orphans, no widows);</li>
 *   <li>a heading is never the last thing in a column: it stays with the first two lines of what follows;</li>
 *   <li>tables break between rows, never between the header and the first row, and repeat their header after a
 *   break;</li>
 *   <li>pictures and short boxes are never split; space between blocks collapses and is dropped at the top of a
 *   column.</li>
 * </ul>
 * Columns fill greedily, going back to the last permitted break when a unit does not fit. When the slots run out,
 * placing goes on in copies of the last slot so the caller can tell by how much the body is too long.
 */
final class Flow {

    /**
     * One column: page (1-based), the running text's left edge and width, the wide measure's (running text plus the
     * rail, for headings, tables and boxes), top and bottom.
     */
    record Slot(int page, float textX, float textWidth, float wideX, float wideWidth, float top, float bottom) {
        float height() {
            return top - bottom;
        }

        Slot withBottom(float b) {
            return new Slot(page, textX, textWidth, wideX, wideWidth, top, b);
        }
    }

    /** Draws a unit with its top at {@code top} in a slot. */
    interface Drawer {
        void draw(Canvas c, Slot s, float top);
    }

    /**
     * One unit of the vertical list.
     *
     * @param breakAfter a column may end after this unit
     * @param box        the callout box this unit sits in (its index in {@link Units#boxes}), or -1
     * @param header     for a table row after which the column broke: the header units to repeat, else null
     */
    record Unit(float height, float spaceBefore, boolean breakAfter, int box, List<Unit> header, Drawer drawer) {
        Unit withBreakAfter(boolean b) {
            return new Unit(height, spaceBefore, b, box, header, drawer);
        }

        Unit withSpaceBefore(float s) {
            return new Unit(height, s, breakAfter, box, header, drawer);
        }
    }

    /** Where a unit went: slot index and top edge. */
    record Placed(int unit, int slot, float top, boolean repeatedHeader, Unit what) {
    }

    /** The result of placing: where every unit went and how much of each slot was used. */
    record Result(List<Placed> placed, float[] used, int realSlots, int slotsUsed) {
        boolean fits() {
            return slotsUsed <= realSlots;
        }

        /** Columns beyond the real ones the body needs (fractional), 0 when it fits. */
        float overflowColumns(List<Slot> slots) {
            if (fits()) return 0;
            Slot last = slots.get(slots.size() - 1);
            float over = slotsUsed - realSlots - 1;
            return over + Math.max(0.05f, Math.min(1f, used[slotsUsed - 1] / last.height()));
        }
    }

    private static final int MAX_VIRTUAL = 200;
    private static final float EPS = 0.01f;

    private Flow() {
    }

    /** Places the units into the slots (and virtual copies of the last one). */
    static Result place(List<Unit> units, List<Slot> slots) {
        List<Placed> placed = new ArrayList<>(units.size());
        int n = units.size();
        float[] used = new float[slots.size() + MAX_VIRTUAL + 1];
        int slot = 0;
        float y = 0;
        int i = 0;
        int columnStart = 0; // index into placed where the current column starts
        int lastLegal = -1;  // index into placed after which this column may end
        List<Unit> pendingHeader = null;
        while (i < n) {
            if (slot >= slots.size() + MAX_VIRTUAL) break;
            Slot s = slots.get(Math.min(slot, slots.size() - 1));
            if (y == 0 && pendingHeader != null) {
                for (Unit h : pendingHeader) {
                    placed.add(new Placed(-1, slot, s.top() - y, true, h));
                    y += h.height();
                }
                pendingHeader = null;
            }
            Unit u = units.get(i);
            float sb = y == 0 ? 0 : u.spaceBefore();
            if (y + sb + u.height() <= s.height() + EPS || y == 0) {
                placed.add(new Placed(i, slot, s.top() - y - sb, false, u));
                y += sb + u.height();
                if (u.breakAfter()) lastLegal = placed.size() - 1;
                used[slot] = y;
                i++;
                continue;
            }
            // Does not fit: end the column at the last permitted break, or here if there is none.
            if (lastLegal >= columnStart) {
                while (placed.size() > lastLegal + 1) placed.remove(placed.size() - 1);
                i = placed.get(lastLegal).unit() + 1;
            }
            Placed end = placed.get(placed.size() - 1);
            pendingHeader = end.repeatedHeader() ? null : end.what().header();
            used[slot] = heightOf(placed, columnStart, s);
            slot++;
            y = 0;
            columnStart = placed.size();
            lastLegal = -1;
        }
        int slotsUsed = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).slot() + 1;
        return new Result(placed, used, slots.size(), slotsUsed);
    }

    private static float heightOf(List<Placed> placed, int from, Slot s) {
        if (placed.size() <= from) return 0;
        Placed last = placed.get(placed.size() - 1);
        return s.top() - (last.top() - last.what().height());
    }

    /** Draws the placed units; callout boxes get their background per column. */
    static void draw(Result r, List<Slot> slots, Units units, Canvas c) {
        int currentBox = -1;
        int boxSlot = -1;
        float boxTop = 0;
        float boxBottom = 0;
        for (Placed p : r.placed()) {
            if (p.slot() >= slots.size()) break;
            Slot s = slots.get(p.slot());
            int b = p.what().box();
            if (b != currentBox || p.slot() != boxSlot) {
                if (currentBox >= 0) units.boxes.get(currentBox).draw(c, slots.get(boxSlot), boxTop, boxBottom);
                currentBox = b;
                boxSlot = p.slot();
                boxTop = p.top();
            }
            boxBottom = p.top() - p.what().height();
            p.what().drawer().draw(c, s, p.top());
        }
        if (currentBox >= 0 && boxSlot < slots.size()) units.boxes.get(currentBox).draw(c, slots.get(boxSlot), boxTop, boxBottom);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The background of a callout box, drawn per column piece. */
    record BoxDeco(Color fill, Color bar, boolean wide, float indent, float barWidth, boolean rtl, Tag tag) {
        void draw(Canvas c, Slot s, float top, float bottom) {
            float x = (wide ? s.wideX() : s.textX());
            float w = (wide ? s.wideWidth() : s.textWidth()) - indent;
            if (!rtl) x += indent;
            c.fill(s.page(), x, bottom, w, top - bottom, fill, Tag.ARTIFACT);
            if (bar != null) c.fill(s.page(), rtl ? x + w - barWidth : x, bottom, barWidth, top - bottom, bar, Tag.ARTIFACT);
        }
    }

    /** The vertical list of a body at one size and measure, with the callout boxes its units refer to. */
    static final class Units {
        final List<Unit> list = new ArrayList<>();
        final List<BoxDeco> boxes = new ArrayList<>();
    }

    /** Whether a paragraph of {@code n} lines may end a column after line {@code j} (1-based). */
    static boolean mayBreakAfterLine(int j, int n) {
        return j >= 2 && n - j >= 2;
    }
}
