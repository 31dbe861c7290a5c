package org.lastmile.pdf.layout;

import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns blocks into the units of {@link Flow}'s vertical list at one body size and measure: breaks every paragraph
 * into lines, sizes table columns from their content, scales pictures, and attaches to each unit its break
 * permission and its drawing.
 */
final class Units {
    private final Look look;
    private final float textW;
    private final float wideW;
    private final boolean rtl;
    private final float columnHeight;
    private final Flow.Units out = new Flow.Units();
    private float pendingSpace;
    private int box = -1;
    private boolean boxWide;

    private Units(Look look, float textW, float wideW, boolean rtl, float columnHeight) {
        this.look = look;
        this.textW = textW;
        this.wideW = wideW;
        this.rtl = rtl;
        this.columnHeight = columnHeight;
    }

    static Flow.Units of(List<Block> blocks, Look look, float textW, float wideW, boolean rtl, float columnHeight) {
        Units u = new Units(look, textW, wideW, rtl, columnHeight);
        for (int i = 0; i < blocks.size(); i++) u.block(blocks.get(i), 0, 0);
        return u.out;
    }

    /** Inside a callout box every block takes the box's measure. */
    private boolean isWide(boolean own) {
        return box >= 0 ? boxWide : own;
    }

    private float s() {
        return look.size();
    }

    private void add(Flow.Unit u) {
        out.list.add(u.withSpaceBefore(Math.max(u.spaceBefore(), pendingSpace)));
        pendingSpace = 0;
    }

    private void spaceAfter(float sp) {
        pendingSpace = Math.max(pendingSpace, sp);
    }

    /**
     * @param inset  extra start inset (callout box padding) in points
     * @param narrow width taken from the end side, in points
     */
    private void block(Block b, float inset, float narrow) {
        switch (b) {
            case Block.Text t -> text(t, inset, narrow);
            case Block.Table t -> table(t, inset, narrow);
            case Block.Picture p -> picture(p, inset, narrow);
            case Block.Box bx -> box(bx, inset, narrow);
            case Block.Rule r -> rule(inset, narrow);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    float size(Block.Kind k) {
        return switch (k) {
            case BODY, NOTES_HEAD -> look.size();
            case LEAD -> look.leadSize();
            case H2 -> look.h2();
            case H3 -> look.h3();
            case H4 -> look.size();
            case QUOTE -> look.quoteSize();
            case CODE, NOTE, CAPTION -> look.small();
        };
    }

    float leading(Block.Kind k) {
        return switch (k) {
            case BODY, H4, NOTES_HEAD -> look.leading();
            case LEAD -> look.leadLeading();
            case H2 -> look.h2Leading();
            case H3 -> look.h3Leading();
            case QUOTE -> look.quoteLeading();
            case CODE, NOTE, CAPTION -> look.smallLeading();
        };
    }

    Color color(Block.Kind k) {
        return switch (k) {
            case BODY, H4, CODE, NOTE -> Look.INK;
            case LEAD, QUOTE, H3, NOTES_HEAD -> look.primaryDark();
            case H2 -> look.primary();
            case CAPTION -> Look.MUTED;
        };
    }

    /** Baseline of a line whose box of height {@code leading} starts at {@code top}. */
    static float baseline(float top, float leading, float size, boolean cjk) {
        return top - leading / 2f - size * (cjk ? 0.36f : 0.32f);
    }

    private void text(Block.Text t, float inset, float narrow) {
        float size = size(t.kind());
        float leading = leading(t.kind());
        Color color = color(t.kind());
        boolean wide = isWide(t.wide());
        float indent = inset + t.indent() * s();
        float width = (wide ? wideW : textW) - indent - narrow;
        List<Paragraph.Line> lines = t.para().lines(size, width);
        int n = lines.size();
        Tag tag = Tag.of(t.role(), t.element(), t.parent());
        boolean h2 = t.kind() == Block.Kind.H2;
        for (int j = 0; j < n; j++) {
            Paragraph.Line line = lines.get(j);
            int idx = j;
            boolean last = j == n - 1;
            boolean mayBreak = last ? !t.keepWithNext() : (!t.keepWithNext() && Flow.mayBreakAfterLine(j + 1, n));
            float before = j == 0 ? t.spaceBefore() * s() : 0;
            Flow.Drawer d = (c, slot, top) -> {
                float left = wide ? slot.wideX() : slot.textX();
                float right = left + (wide ? slot.wideWidth() : slot.textWidth());
                float start = rtl ? right - indent : left + indent;
                float base = baseline(top, leading, size, look.cjk());
                if (idx == 0 && t.marker() != null) marker(c, slot.page(), t.marker(), start, base, color, t);
                c.line(slot.page(), line, start, base, rtl, color, tag);
                if (idx == 0) {
                    if (h2) {
                        float bar = Math.min(28f, s() * 2.6f);
                        c.fill(slot.page(), rtl ? start - bar : start, top + s() * 0.25f, bar, 2.2f, look.accent(),
                                Tag.ARTIFACT);
                    }
                    if (t.anchor() != null) c.box(slot.page(), new org.lastmile.pdf.model.Box.Anchor(t.anchor(), start, top, tag));
                    if (t.outlineLevel() > 0 && t.outlineTitle() != null && !t.outlineTitle().isBlank()) {
                        c.outline(t.outlineLevel(), t.outlineTitle(), slot.page(), top);
                    }
                }
            };
            add(new Flow.Unit(leading, before, mayBreak, box, null, d));
        }
        spaceAfter(t.spaceAfter() * s());
    }

    /** A list marker set in the gutter before the start of the first line, aligned to the end. */
    private void marker(Canvas c, int page, Paragraph marker, float start, float base, Color color, Block.Text t) {
        float size = t.kind() == Block.Kind.NOTE ? look.small() : look.size();
        List<Paragraph.Line> ml = marker.lines(size, 1000f);
        if (ml.isEmpty()) return;
        Paragraph.Line m = ml.get(0);
        float gap = look.markerGap();
        float x = rtl ? start + gap + m.width() : start - gap - m.width();
        Color mc = t.kind() == Block.Kind.NOTE ? look.primary() : look.accent();
        c.line(page, m, x, base, rtl, mc, Tag.of(Role.LBL, t.element(), t.element()));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void table(Block.Table t, float inset, float narrow) {
        boolean wide = isWide(t.wide());
        float avail = (wide ? wideW : textW) - inset - narrow;
        float size = look.tableSize();
        float leading = look.tableLeading();
        float pad = size * 0.5f;
        int cols = t.columns();
        float[] natural = new float[cols];
        float[] min = new float[cols];
        for (List<Block.Cell> r : t.rows()) {
            for (int i = 0; i < r.size(); i++) {
                natural[i] = Math.max(natural[i], r.get(i).para().naturalWidth(size) + 2 * pad + 1);
                min[i] = Math.max(min[i], r.get(i).para().minWidth(size) + 2 * pad + 1);
            }
        }
        float[] w = columnWidths(natural, min, avail);
        spaceAfter(look.paraSpace() * 1.1f);
        List<Flow.Unit> header = new ArrayList<>();
        int rows = t.rows().size();
        for (int r = 0; r < rows; r++) {
            List<Block.Cell> row = t.rows().get(r);
            boolean head = r < t.headerRows();
            List<List<Paragraph.Line>> cellLines = new ArrayList<>();
            int maxLines = 1;
            for (int c = 0; c < row.size(); c++) {
                List<Paragraph.Line> ls = row.get(c).para().lines(size, w[c] - 2 * pad);
                cellLines.add(ls);
                maxLines = Math.max(maxLines, ls.size());
            }
            float h = maxLines * leading + pad * 1.2f;
            int stripe = r - t.headerRows();
            Tag rowTag = Tag.of(Role.TR, t.rowElements().get(r), t.element());
            Flow.Drawer d = (c, slot, top) -> {
                float left = (wide ? slot.wideX() : slot.textX()) + (rtl ? narrow : inset);
                float x = rtl ? left + avail : left;
                if (head) {
                    c.fill(slot.page(), left, top - h, avail, h, look.primary(), Tag.ARTIFACT);
                } else if (stripe % 2 == 1) {
                    c.fill(slot.page(), left, top - h, avail, h, look.tint(0.07f), Tag.ARTIFACT);
                }
                if (!head) c.rule(slot.page(), left, top - h, left + avail, top - h, 0.5f, Look.HAIRLINE, Tag.ARTIFACT);
                for (int ci = 0; ci < cellLines.size(); ci++) {
                    Block.Cell cell = row.get(ci);
                    float cw = w[ci];
                    float cellStart = rtl ? x - pad : x + pad;
                    float ly = top - pad * 0.5f;
                    Tag cellTag = Tag.of(cell.header() ? Role.TH : Role.TD, cell.element(), rowTag.element());
                    for (Paragraph.Line l : cellLines.get(ci)) {
                        float free = cw - 2 * pad - l.width();
                        float off = cell.align() == 0 ? free / 2 : cell.align() > 0 ? free : 0;
                        float sx = rtl ? cellStart - off : cellStart + off;
                        c.line(slot.page(), l, sx, baseline(ly, leading, size, look.cjk()), rtl,
                                head ? Color.WHITE : Look.INK, cellTag);
                        ly -= leading;
                    }
                    x = rtl ? x - cw : x + cw;
                }
            };
            boolean lastRow = r == rows - 1;
            Flow.Unit u = new Flow.Unit(h, r == 0 ? look.paraSpace() * 1.1f : 0, !head && !lastRow ? true : lastRow,
                    box, head || lastRow ? null : header, d);
            if (head) header.add(u.withSpaceBefore(0));
            add(u);
        }
        spaceAfter(look.paraSpace() * 1.3f);
    }

    /** Column widths: natural widths if they fit, else shrink towards the minimum in proportion to the slack. */
    static float[] columnWidths(float[] natural, float[] min, float avail) {
        int n = natural.length;
        float[] w = new float[n];
        float sumNat = 0;
        float sumMin = 0;
        for (int i = 0; i < n; i++) {
            min[i] = Math.min(min[i], natural[i]);
            sumNat += natural[i];
            sumMin += min[i];
        }
        if (sumNat <= avail) {
            for (int i = 0; i < n; i++) w[i] = natural[i] + (avail - sumNat) * natural[i] / sumNat;
        } else if (sumMin >= avail) {
            for (int i = 0; i < n; i++) w[i] = avail * min[i] / sumMin;
        } else {
            float slack = sumNat - sumMin;
            float extra = avail - sumMin;
            for (int i = 0; i < n; i++) w[i] = min[i] + extra * (natural[i] - min[i]) / slack;
        }
        return w;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void picture(Block.Picture p, float inset, float narrow) {
        boolean wide = isWide(p.wide());
        float avail = (wide ? wideW : textW) - inset - narrow;
        float maxH = Math.min(columnHeight * 0.6f, look.size() * 24);
        float iw = p.image().pixelWidth();
        float ih = p.image().pixelHeight();
        float scale = Math.min(avail / iw, maxH / ih);
        float w = iw * scale;
        float h = ih * scale;
        List<Paragraph.Line> cap = p.caption() == null ? List.of() : p.caption().para().lines(look.small(), avail);
        float capH = cap.size() * look.smallLeading() + (cap.isEmpty() ? 0 : look.size() * 0.3f);
        Tag tag = Tag.of(Role.FIGURE, p.element(), p.parent());
        Flow.Drawer d = (c, slot, top) -> {
            float left = (wide ? slot.wideX() : slot.textX()) + (rtl ? narrow : inset);
            float x = rtl ? left + avail - w : left;
            c.picture(slot.page(), x, top - h, w, h, p.key(), p.image(), p.alt(), tag);
            float ly = top - h - look.size() * 0.3f;
            Tag capTag = p.caption() == null ? tag : Tag.of(Role.CAPTION, p.caption().element(), p.element());
            for (Paragraph.Line l : cap) {
                c.line(slot.page(), l, rtl ? left + avail : left, baseline(ly, look.smallLeading(), look.small(),
                        look.cjk()), rtl, Look.MUTED, capTag);
                ly -= look.smallLeading();
            }
        };
        add(new Flow.Unit(h + capH, look.paraSpace(), true, box, null, d));
        spaceAfter(look.paraSpace());
    }

    private void box(Block.Box b, float inset, float narrow) {
        if (box >= 0) { // a box inside a box is set flat inside the outer one
            for (Block c : b.children()) block(c, inset + b.indent() * s(), narrow);
            return;
        }
        boolean wide = b.wide();
        float pad = s() * (b.code() ? 0.6f : 0.85f);
        float bar = b.code() ? 0 : 3f;
        float indent = inset + b.indent() * s();
        Color fill = b.code() ? new Color(0xF1, 0xF3, 0xF5) : look.tint(0.09f);
        out.boxes.add(new Flow.BoxDeco(fill, b.code() ? null : look.accent(), wide, indent, bar, rtl,
                Tag.of(Role.BLOCK_QUOTE, b.element(), b.parent())));
        int start = out.list.size();
        float before = Math.max(pendingSpace, s() * 0.9f);
        pendingSpace = 0;
        box = out.boxes.size() - 1;
        add(new Flow.Unit(pad, before, false, box, null, (c, sl, top) -> { }));
        boxWide = wide;
        for (Block c : b.children()) block(c, indent + pad + bar, narrow + pad);
        pendingSpace = 0;
        add(new Flow.Unit(pad, 0, true, box, null, (c, sl, top) -> { }));
        box = -1;
        float total = 0;
        for (int i = start; i < out.list.size(); i++) total += out.list.get(i).height() + (i > start ? out.list.get(i).spaceBefore() : 0);
        if (total <= columnHeight * 0.35f) {
            for (int i = start; i < out.list.size() - 1; i++) out.list.set(i, out.list.get(i).withBreakAfter(false));
        } else {
            // never end a column right after the top padding or before the bottom padding alone
            out.list.set(start, out.list.get(start).withBreakAfter(false));
            out.list.set(out.list.size() - 2, out.list.get(out.list.size() - 2).withBreakAfter(false));
        }
        spaceAfter(s());
    }

    private void rule(float inset, float narrow) {
        float h = s() * 1.0f;
        add(new Flow.Unit(h, s() * 0.6f, true, box, null, (c, slot, top) -> {
            float left = slot.textX() + (rtl ? narrow : inset);
            float right = slot.textX() + slot.textWidth() - (rtl ? inset : narrow);
            c.rule(slot.page(), left, top - h / 2, right, top - h / 2, 0.6f, Look.HAIRLINE, Tag.ARTIFACT);
        }));
        spaceAfter(s() * 0.6f);
    }
}
