package org.lastmile.pdf;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Places blocks into a sequence of column slots, top to bottom, column after column. The same code measures (no
 * {@link Pages}: nothing is drawn) and draws, so what was measured is what is printed.
 *
 * <p>Rules: vertical space between blocks collapses (the larger wins) and is dropped at the top of a column; a
 * paragraph never leaves a single line at the bottom of a column (orphan) or at the top of the next (widow); a
 * heading stays with the first two lines of what follows; tables break between rows and repeat their header; images
 * and short boxes are not split. A caller may ask for a new column before given top-level blocks
 * ({@link #breakBefore}), which is how the two body pages of a short guide are balanced. When the slots run out,
 * measuring goes on in virtual copies of the last slot so the caller can say by how much the text is too long.
 */
final class Flow {

    /** One column on one page; {@code page} is 1-based. */
    record Slot(int page, float left, float right, float top, float bottom) {
        float width() {
            return right - left;
        }

        float height() {
            return top - bottom;
        }
    }

    /** Where drawing goes: the current page's canvases. */
    interface Pages {
        /** Makes {@code page} the current page (pages only move forward). */
        void show(int page);

        PdfContentByte over();

        PdfContentByte under();

        /** Adds a bookmark at height {@code y} of the current page. */
        void outline(int level, String title, float y);
    }

    /** What the flow used: index of the last slot touched and where it ended in it. */
    record Result(int lastSlot, float lastY, int realSlots, Slot lastSlotGeometry) {
        boolean fits() {
            return lastSlot < realSlots;
        }

        /** How many columns beyond the real ones the content needs (fractional). */
        float overflowColumns() {
            if (fits()) return 0;
            float used = (lastSlotGeometry.top() - lastY) / lastSlotGeometry.height();
            return (lastSlot - realSlots) + Math.max(0.05f, Math.min(1f, used));
        }
    }

    /** A heading as placed: bookmark level, text, page (−1 beyond the real slots). */
    record Heading(int level, String title, int page) {
    }

    private static final int MAX_VIRTUAL_SLOTS = 60;
    private final List<Heading> headings = new java.util.ArrayList<>();

    private final List<Slot> slots;
    private final Pages pages;
    private final int runDirection;
    private final boolean rtl;

    private int slotIdx;
    private float y;
    private boolean atTop = true;
    private float pending;
    private float indentStart;
    private float indentEnd;
    private float reservedBottom;
    private final Deque<OpenBox> boxes = new ArrayDeque<>();
    /** Top-level blocks before which a new column starts (a balancing break), and the list they index. */
    private java.util.Set<Integer> breakBefore = java.util.Set.of();
    private List<Block> topLevel;
    /** Where the content of each real slot ended (its top when nothing was placed there). */
    private final float[] ends;

    private static final class OpenBox {
        final Block.Box box;
        final float indentStart;
        final float indentEnd;
        float fragmentTop;

        OpenBox(Block.Box box, float indentStart, float indentEnd, float fragmentTop) {
            this.box = box;
            this.indentStart = indentStart;
            this.indentEnd = indentEnd;
            this.fragmentTop = fragmentTop;
        }
    }

    Flow(List<Slot> slots, Pages pages, Direction direction) {
        this.slots = slots;
        this.pages = pages;
        this.runDirection = direction.runDirection();
        this.rtl = direction.rtl();
        this.slotIdx = 0;
        this.y = slots.get(0).top();
        this.ends = new float[slots.size()];
        for (int i = 0; i < ends.length; i++) ends[i] = slots.get(i).top();
    }

    /**
     * Makes the flow start a new column before each of these top-level blocks (indices into the list given to
     * {@link #run}) unless it is already at the top of one. Keep-with-next, widow and orphan rules still apply.
     */
    Flow breakBefore(java.util.Set<Integer> indices) {
        this.breakBefore = java.util.Set.copyOf(indices);
        return this;
    }

    /** Number of real slots. */
    int slots() {
        return slots.size();
    }

    /** Real slot {@code i}. */
    Slot slot(int i) {
        return slots.get(i);
    }

    /** Height used in real slot {@code i} by the last run (0 if the flow never reached it). */
    float used(int i) {
        return slots.get(i).top() - ends[i];
    }

    /** Lays out all blocks; draws them if this flow has pages. */
    Result run(List<Block> blocks) {
        if (drawing()) pages.show(slot().page());
        topLevel = blocks;
        try {
            place(blocks);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } catch (Overflow e) {
            // measuring went past every slot we allow: report as far as we got
        }
        if (slotIdx < ends.length) ends[slotIdx] = y;
        return new Result(slotIdx, y, slots.size(), slot());
    }

    /** The headings placed so far (measuring records them too), in order. */
    List<Heading> headings() {
        return List.copyOf(headings);
    }

    /** Height the blocks take in a column of this width with no column breaks (for keep-together decisions). */
    static float measure(List<Block> blocks, float width, Direction direction) {
        Slot tall = new Slot(-1, 0, width, 1_000_000f, 0);
        Flow f = new Flow(List.of(tall), null, direction);
        f.run(blocks);
        return tall.top() - f.y;
    }

    private static final class Overflow extends RuntimeException {
        Overflow() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Slot slot() {
        if (slotIdx < slots.size()) return slots.get(slotIdx);
        Slot last = slots.get(slots.size() - 1);
        return new Slot(-1, last.left(), last.right(), last.top(), last.bottom());
    }

    private boolean drawing() {
        return pages != null && slotIdx < slots.size();
    }

    private float x1() {
        Slot s = slot();
        return s.left() + (rtl ? indentEnd : indentStart);
    }

    private float x2() {
        Slot s = slot();
        return s.right() - (rtl ? indentStart : indentEnd);
    }

    private float width() {
        return x2() - x1();
    }

    private float bottom() {
        return slot().bottom() + reservedBottom;
    }

    private float available() {
        return y - bottom();
    }

    private void advance() {
        // close box fragments in this column
        if (drawing()) {
            for (OpenBox ob : boxes) drawBoxFragment(ob, ob.fragmentTop, y - ob.box.padding() * 0.5f);
        }
        if (slotIdx < ends.length) ends[slotIdx] = atTop ? slot().top() : y;
        slotIdx++;
        if (slotIdx >= slots.size() + MAX_VIRTUAL_SLOTS) throw new Overflow();
        if (drawing()) pages.show(slot().page());
        y = slot().top();
        atTop = true;
        pending = 0;
        // reopen box fragments, outermost first
        var it = boxes.descendingIterator();
        while (it.hasNext()) {
            OpenBox ob = it.next();
            ob.fragmentTop = y;
            y -= ob.box.padding();
        }
    }

    private void space(float before) {
        float s = Math.max(pending, before);
        if (!atTop) y -= s;
        pending = 0;
    }

    private void place(List<Block> blocks) throws DocumentException {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (blocks == topLevel && !atTop && breakBefore.contains(i)) advance();
            // keep-with-next chains (headings) and keep-together blocks
            float need = startHeight(blocks, i);
            if (!atTop && need > available() - Math.max(pending, b.spaceBefore())) {
                boolean fitsAnywhere = need <= slot().height() - reservedBottom;
                if (fitsAnywhere) advance();
            }
            switch (b) {
                case Block.Text t -> placeText(t);
                case Block.Table t -> placeTable(t);
                case Block.Picture p -> placePicture(p);
                case Block.Box bx -> placeBox(bx);
                case Block.Rule r -> placeRule(r);
            }
        }
    }

    /**
     * Height that must fit in the current column before block {@code i} may start there: for a heading, itself plus
     * the start of the next block; for unsplittable blocks, their whole height; otherwise the first two lines.
     */
    private float startHeight(List<Block> blocks, int i) {
        Block b = blocks.get(i);
        float w = width();
        return switch (b) {
            case Block.Text t -> {
                int lines = t.lines(w, runDirection);
                float h = (t.keepTogether() || t.keepWithNext() ? lines : Math.min(2, lines)) * t.leading()
                        + t.size() * 0.25f;
                if (t.keepWithNext() && i + 1 < blocks.size()) {
                    h += Math.max(t.spaceAfter(), blocks.get(i + 1).spaceBefore()) + startHeight(blocks, i + 1);
                }
                yield h;
            }
            case Block.Table t -> {
                PdfPTable table = t.build().apply(w - t.indent());
                float h = table.getHeaderHeight();
                if (table.size() > table.getHeaderRows()) h += table.getRowHeight(table.getHeaderRows());
                yield h;
            }
            case Block.Picture p -> pictureHeight(p, w);
            case Block.Box bx -> {
                float inner = w - bx.indent() - bx.barWidth() - 2 * bx.padding();
                float full = measure(bx.children(), inner, rtl ? Direction.RTL : Direction.LTR) + 2 * bx.padding();
                if (full <= slot().height() * 0.5f) yield full;
                yield bx.children().isEmpty() ? 2 * bx.padding() : 2 * bx.padding() + startHeightIn(bx, inner);
            }
            case Block.Rule r -> r.thickness();
        };
    }

    private float startHeightIn(Block.Box bx, float innerWidth) {
        float saveS = indentStart;
        float saveE = indentEnd;
        float w = width();
        float delta = w - innerWidth;
        indentStart += delta;
        try {
            return startHeight(bx.children(), 0);
        } finally {
            indentStart = saveS;
            indentEnd = saveE;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Text

    private void placeText(Block.Text t) throws DocumentException {
        space(t.spaceBefore());
        float w = width();
        List<LineComposer.Line> lines = t.composed(w);
        int total = lines.size();
        float lead = t.leading();
        float desc = t.size() * 0.25f;
        int done = 0;
        boolean first = true;
        int guard = 0;
        while (done < total) {
            if (++guard > 1000) throw new IllegalStateException("layout does not progress");
            int remaining = total - done;
            float ruleRoom = first && t.ruleAbove() != null ? lead * 0.2f : 0;
            int avail = (int) Math.floor((available() - desc - ruleRoom) / lead + 1e-3);
            int k;
            if (remaining <= avail) {
                k = remaining;
            } else {
                k = Math.max(0, avail);
                if (t.keepTogether() && first) k = 0;
                if (first && k < Math.min(2, remaining)) k = 0;          // no orphan
                if (remaining - k == 1) k = remaining - 2;              // no widow
                if (first && k < 2) k = 0;
                if (!first && k < 1) k = 0;
                if (k <= 0 && atTop) k = Math.max(1, Math.min(remaining, avail)); // cannot do better
            }
            if (k <= 0) {
                advance();
                continue;
            }
            float top = y;
            boolean draw = drawing();
            if (first && t.ruleAbove() != null) {
                if (draw) drawRuleAbove(t, top);
                top -= ruleRoom;
            }
            if (first && t.outlineLevel() > 0) {
                headings.add(new Heading(t.outlineLevel(), t.outlineTitle(), slot().page()));
            }
            if (draw) {
                for (int i = 0; i < k; i++) {
                    t.drawLine(pages.over(), runDirection, lines.get(done + i), x1(), x2(), top - i * lead);
                }
                if (first) {
                    if (t.marker() != null) drawMarker(t, top - lead);
                    if (t.outlineLevel() > 0) pages.outline(t.outlineLevel(), t.outlineTitle(), top + t.size() * 0.3f);
                }
            }
            done += k;
            y = top - k * lead;
            atTop = false;
            first = false;
            if (done < total) advance();
        }
        pending = t.spaceAfter();
    }

    private void drawMarker(Block.Text t, float baseline) {
        float x;
        int align;
        if (rtl) {
            x = x2() - t.indentStart() + t.markerGap();
            align = Element.ALIGN_LEFT;
        } else {
            x = x1() + t.indentStart() - t.markerGap();
            align = Element.ALIGN_RIGHT;
        }
        ColumnText.showTextAligned(pages.over(), align, t.marker(), x, baseline, 0, runDirection, 0);
    }

    private void drawRuleAbove(Block.Text t, float top) {
        PdfContentByte cb = pages.over();
        float len = Math.min(28f, width());
        float x = rtl ? x2() - len : x1();
        cb.saveState();
        cb.setColorFill(t.ruleAbove());
        cb.rectangle(x, top - 2.2f, len, 2.2f);
        cb.fill();
        cb.restoreState();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tables

    private void placeTable(Block.Table tb) {
        space(tb.spaceBefore());
        indentStart += tb.indent();
        try {
            placeTableRows(tb);
        } finally {
            indentStart -= tb.indent();
        }
        pending = tb.spaceAfter();
    }

    private void placeTableRows(Block.Table tb) {
        PdfPTable t = tb.build().apply(width());
        int headerRows = t.getHeaderRows();
        float hh = t.getHeaderHeight();
        int row = headerRows;
        boolean first = true;
        int guard = 0;
        while (row < t.size()) {
            if (++guard > 1000) throw new IllegalStateException("layout does not progress");
            float avail = available();
            float h = hh;
            int end = row;
            while (end < t.size() && h + t.getRowHeight(end) <= avail) {
                h += t.getRowHeight(end);
                end++;
            }
            if (end == row) {
                if (atTop) {
                    end = row + 1;
                    h = hh + t.getRowHeight(row);
                } else {
                    advance();
                    continue;
                }
            }
            if (drawing()) {
                PdfContentByte cb = pages.over();
                float yy = y;
                if (headerRows > 0) yy = t.writeSelectedRows(0, headerRows, x1(), yy, cb);
                t.writeSelectedRows(row, end, x1(), yy, cb);
            }
            y -= h;
            atTop = false;
            row = end;
            first = false;
            if (row < t.size()) advance();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pictures

    private float[] pictureSize(Block.Picture p, float w) {
        Image img = p.image();
        float iw = img.getWidth() * 0.75f;  // pixels at 96 dpi
        float ih = img.getHeight() * 0.75f;
        if (img.getDpiX() > 0 && img.getDpiY() > 0) {
            iw = img.getWidth() * 72f / img.getDpiX();
            ih = img.getHeight() * 72f / img.getDpiY();
        }
        float scale = Math.min(1f, w / iw);
        if (iw < w * 0.6f) scale = Math.min(scale, 1f); else scale = w / iw;
        scale = Math.min(scale, p.maxHeight() / ih);
        return new float[]{iw * scale, ih * scale};
    }

    private float pictureHeight(Block.Picture p, float w) {
        float h = pictureSize(p, w)[1];
        if (p.caption() != null) {
            h += p.caption().spaceBefore() + p.caption().lines(w, runDirection) * p.caption().leading();
        }
        return h;
    }

    private void placePicture(Block.Picture p) throws DocumentException {
        space(p.spaceBefore());
        float w = width();
        float[] size = pictureSize(p, w);
        if (!atTop && pictureHeight(p, w) > available()) advance();
        if (drawing()) {
            float x = rtl ? x2() - size[0] : x1();
            Image img = Image.getInstance(p.image());
            img.scaleAbsolute(size[0], size[1]);
            img.setAbsolutePosition(x, y - size[1]);
            pages.over().addImage(img);
        }
        y -= size[1];
        atTop = false;
        pending = 0;
        if (p.caption() != null) placeText(p.caption());
        pending = Math.max(pending, p.spaceAfter());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Boxes

    private void placeBox(Block.Box bx) throws DocumentException {
        space(bx.spaceBefore());
        float saveS = indentStart;
        indentStart += bx.indent();
        OpenBox ob = new OpenBox(bx, indentStart, indentEnd, y);
        boxes.push(ob);
        float saveReserved = reservedBottom;
        indentStart += bx.barWidth() + bx.padding();
        indentEnd += bx.padding();
        reservedBottom += bx.padding();
        y -= topInset(bx);
        atTop = true; // no extra space above the first child
        pending = 0;
        place(bx.children());
        y -= bx.padding();
        if (drawing()) drawBoxFragment(ob, ob.fragmentTop, y);
        boxes.pop();
        indentStart = saveS;
        indentEnd -= bx.padding();
        reservedBottom = saveReserved;
        atTop = false;
        pending = bx.spaceAfter();
    }

    /**
     * Space above the first line inside a box: the padding less the room the line's leading already leaves above
     * the capitals, so text sits as far from the top edge as from the bottom edge.
     */
    private static float topInset(Block.Box bx) {
        if (!bx.children().isEmpty() && bx.children().get(0) instanceof Block.Text t) {
            return Math.max(2f, bx.padding() - (t.leading() - t.size() * 0.72f) + t.size() * 0.1f);
        }
        return bx.padding();
    }

    private void drawBoxFragment(OpenBox ob, float top, float bottom) {
        if (top - bottom < 1) return;
        Slot s = slot();
        float left = s.left() + (rtl ? ob.indentEnd : ob.indentStart);
        float right = s.right() - (rtl ? ob.indentStart : ob.indentEnd);
        PdfContentByte cb = pages.under();
        cb.saveState();
        Color fill = ob.box.fill();
        if (fill != null) {
            cb.setColorFill(fill);
            cb.rectangle(left, bottom, right - left, top - bottom);
            cb.fill();
        }
        if (ob.box.bar() != null && ob.box.barWidth() > 0) {
            cb.setColorFill(ob.box.bar());
            float bx = rtl ? right - ob.box.barWidth() : left;
            cb.rectangle(bx, bottom, ob.box.barWidth(), top - bottom);
            cb.fill();
        }
        cb.restoreState();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void placeRule(Block.Rule r) {
        space(r.spaceBefore());
        if (available() < r.thickness()) advance();
        if (drawing()) {
            PdfContentByte cb = pages.over();
            cb.saveState();
            cb.setColorStroke(r.color());
            cb.setLineWidth(r.thickness());
            cb.moveTo(x1(), y - r.thickness() / 2);
            cb.lineTo(x2(), y - r.thickness() / 2);
            cb.stroke();
            cb.restoreState();
        }
        y -= r.thickness();
        atTop = false;
        pending = r.spaceAfter();
    }
}
