package org.lastmile.pdf.layout;

import org.lastmile.pdf.PdfStyle;

/**
 * Where the margins of a guide's pages fall: the paper size, which pages sit on the left of their spread, and the
 * side margins that follow from that (narrower in the dense layouts). Shared by the frames, the covers and the
 * paper layout so that all of them agree on the same edges.
 */
final class PageGeometry {
    /** Side margins of the dense layouts, at most: 14 mm. */
    static final float DENSE_MARGIN = 40f;

    private final PdfStyle style;
    private final float W;
    private final float H;
    private final boolean rtl;
    private final boolean dense;

    /**
     * @param dense the dense layouts (text from page 1 to page 4) take narrower side margins, so that two columns
     *              still hold 45 characters of Cyrillic at 9.5 pt
     */
    PageGeometry(PdfStyle style, boolean rtl, boolean dense) {
        this.style = style;
        this.W = style.paperSize().width();
        this.H = style.paperSize().height();
        this.rtl = rtl;
        this.dense = dense;
    }

    float width() {
        return W;
    }

    float height() {
        return H;
    }

    /** Whether a page sits on the left of its spread (page 2 in left-to-right booklets). */
    boolean onLeft(int page) {
        return (page % 2 == 0) != rtl;
    }

    private float inner() {
        return dense ? Math.min(style.marginInner(), DENSE_MARGIN) : style.marginInner();
    }

    private float outer() {
        return dense ? Math.min(style.marginOuter(), DENSE_MARGIN) : style.marginOuter();
    }

    float left(int page) {
        return onLeft(page) ? outer() : inner();
    }

    float right(int page) {
        return W - (onLeft(page) ? inner() : outer());
    }

    /** The margin of the full front and back covers: wider than the body's, whatever the style asks. */
    float coverMargin() {
        return Math.max(48f, Math.max(style.marginInner(), style.marginOuter())) + 6f;
    }
}
