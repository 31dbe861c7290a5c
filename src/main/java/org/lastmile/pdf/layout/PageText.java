package org.lastmile.pdf.layout;

import org.lastmile.pdf.model.Tag;

import java.awt.Color;
import java.util.List;

/**
 * Setting the short texts around a guide's body — titles, summaries, labels, footers — directly onto the canvas:
 * a paragraph from a top edge down, one line cut with an ellipsis, and their measurements. The body itself is flowed
 * by {@link Flow}; these texts sit at places fixed by the frames and covers.
 */
final class PageText {
    private final Shaper shaper;
    private final boolean rtl;

    PageText(Shaper shaper, boolean rtl) {
        this.shaper = shaper;
        this.rtl = rtl;
    }

    /** A paragraph of one run, unhyphenated. */
    Paragraph para(String text, TextStyle st) {
        return Paragraph.of(shaper, List.of(Run.of(text, st)), null, false);
    }

    /** Sets a paragraph from {@code top} down between x1 and x2 (start side first); returns the bottom. */
    float text(Canvas c, int page, Paragraph p, float size, float leading, float x1, float x2, float top,
               Color color, Tag tag) {
        float y = top;
        for (Paragraph.Line l : p.lines(size, x2 - x1)) {
            c.line(page, l, rtl ? x2 : x1, Units.baseline(y, leading, size, shaper.cjk()), rtl, color, tag);
            y -= leading;
        }
        return y;
    }

    /** Height of a paragraph set {@code width} wide. */
    float height(Paragraph p, float size, float leading, float width) {
        return p.lines(size, width).size() * leading;
    }

    /**
     * A single line, cut with an ellipsis when wider than {@code maxWidth}, whose left edge (or, with
     * {@code alignRight}, right edge) is at {@code x}.
     */
    void oneLine(Canvas c, int page, String text, TextStyle st, float size, float x, float maxWidth,
                 float baseline, boolean alignRight, Color color, Tag tag) {
        String t = shorten(text, st, size, maxWidth);
        List<Paragraph.Line> ls = para(t, st.withNoBreak(true)).lines(size, 100000f);
        if (ls.isEmpty()) return;
        Paragraph.Line l = ls.get(0);
        float leftEdge = alignRight ? x - l.width() : x;
        c.line(page, l, rtl ? leftEdge + l.width() : leftEdge, baseline, rtl, color, tag);
    }

    /** The text, shortened at a word boundary with an ellipsis so that it fits {@code maxWidth}. */
    String shorten(String text, TextStyle st, float size, float maxWidth) {
        if (width(text, st, size) <= maxWidth) return text;
        String t = text;
        while (!t.isEmpty()) {
            int cut = t.stripTrailing().lastIndexOf(' ');
            if (cut <= 0 || shaper.spaceless()) cut = t.length() - 1;
            t = t.substring(0, cut).stripTrailing();
            String candidate = t.replaceAll("[\\p{Punct}\\s]+$", "") + "…";
            if (width(candidate, st, size) <= maxWidth) return candidate;
        }
        return "…";
    }

    /** Width of a text on one line. */
    float width(String text, TextStyle st, float size) {
        return para(text, st).naturalWidth(size);
    }
}
