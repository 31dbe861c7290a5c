package org.lastmile.pdf.layout;

import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Outline;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Tag;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the boxes of a document page by page while layout places things: backgrounds ("under") are painted
 * before text whatever order they are added in. Set lines of text are placed fragment by fragment with their links,
 * code backgrounds and strike-through.
 */
final class Canvas {
    private final float width;
    private final float height;
    private final List<List<Box>> under = new ArrayList<>();
    private final List<List<Box>> over = new ArrayList<>();
    private final List<Outline> outlines = new ArrayList<>();
    private final Map<String, ImageData> images = new LinkedHashMap<>();
    private final FontMetrics fonts;
    private List<Tag> containers = List.of();

    Canvas(float width, float height, int pages, FontMetrics fonts) {
        this.width = width;
        this.height = height;
        this.fonts = fonts;
        for (int i = 0; i < pages; i++) {
            under.add(new ArrayList<>());
            over.add(new ArrayList<>());
        }
    }

    float width() {
        return width;
    }

    float height() {
        return height;
    }

    void fill(int page, float x, float y, float w, float h, Color c, Tag tag) {
        under.get(page - 1).add(new Box.Fill(x, y, w, h, c, tag));
    }

    void rule(int page, float x1, float y1, float x2, float y2, float t, Color c, Tag tag) {
        over.get(page - 1).add(new Box.Rule(x1, y1, x2, y2, t, c, tag));
    }

    void box(int page, Box b) {
        over.get(page - 1).add(b);
    }

    void picture(int page, float x, float y, float w, float h, String key, ImageData data, String alt, Tag tag) {
        images.put(key, data);
        over.get(page - 1).add(new Box.Picture(x, y, w, h, key, alt, tag));
    }

    void outline(int level, String title, int page, float y) {
        outlines.add(new Outline(level, title, page, y));
    }

    /**
     * Places one set line whose start edge is at {@code x} (the left edge, or the right edge for right-to-left
     * text) with its baseline at {@code baseline}. Boxes are added in logical order (the order text is read and
     * tagged) at their visual places: a line with right-to-left text is reordered by the bidi algorithm
     * ({@link LineBidi}), so an English name in an Arabic line, or an Arabic phrase in an English one, reads in its
     * own direction. Text that needs shaping carries its shaped glyphs.
     */
    void line(int page, Paragraph.Line line, float x, float baseline, boolean rtl, Color color, Tag tag) {
        List<Box> o = over.get(page - 1);
        LineBidi.Placed placed = LineBidi.place(line.frags(), rtl, fonts);
        List<Paragraph.Frag> frags = placed != null ? placed.frags() : line.frags();
        float[] left = placed != null ? placed.lefts() : null;
        float lineLeft = rtl ? x - LineBidi.extent(line.frags()) : x;
        for (int k = 0; k < frags.size(); k++) {
            Paragraph.Frag f = frags.get(k);
            float fx = left != null ? lineLeft + left[k] : rtl ? x - f.x() - f.width() : x + f.x();
            TextStyle st = f.style();
            float size = f.size() * st.glyphScale();
            float y = st.superscript() ? baseline + f.size() * st.scale() * 0.36f : baseline;
            Color c = st.color() != null ? st.color() : color;
            if (st.code()) {
                fill(page, fx - 0.8f, baseline - size * 0.24f, f.width() + 1.6f, size * 1.08f, new Color(0xEE, 0xEF, 0xF1),
                        Tag.ARTIFACT);
            }
            Tag t = st.lang() != null ? tag.withLang(st.lang()) : tag;
            if (!f.text().isBlank()) {
                // A word keeps its following space in its text (for extraction) but not in its width: the space is
                // not shaped, or a right-to-left word would start one space off.
                // A bracket at a right-to-left level is drawn mirrored: a right-to-left mark before it tells the
                // painter so (it paints no glyph for the mark). Its following space is left out: painted right to
                // left, it would come first and push the bracket one space over.
                String text = placed != null && placed.mirrored()[k] ? "\u200F" + f.text().stripTrailing() : f.text();
                o.add(new Box.Glyphs(fx + f.shift(), y, f.width(), f.face(), size, c, text, t,
                        f.expansion(), f.tracking(),
                        fonts.shape(f.face(), f.text().stripTrailing())));
            }
            if (st.strike()) {
                float sy = y + size * 0.3f;
                o.add(new Box.Rule(fx, sy, fx + f.width(), sy, Math.max(0.4f, size * 0.05f), c, Tag.ARTIFACT));
            }
            if (st.link() != null) {
                o.add(new Box.Link(fx, y - size * 0.25f, f.width(), size * 1.15f, st.link(), null, tag));
            } else if (st.localGoto() != null) {
                o.add(new Box.Link(fx, y - size * 0.25f, f.width(), size * 1.15f, null, st.localGoto(), tag));
            }
            if (st.localDestination() != null) {
                o.add(new Box.Anchor(st.localDestination(), fx, y + size, tag));
            }
        }
    }

    /** The body's container elements (lists, tables, quotes), handed on to the painter for tagging. */
    void containers(List<Tag> c) {
        containers = List.copyOf(c);
    }

    LaidOut done() {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < under.size(); i++) {
            List<Box> all = new ArrayList<>(under.get(i));
            all.addAll(over.get(i));
            pages.add(new Page(width, height, all));
        }
        return new LaidOut(pages, outlines, images, containers);
    }
}
