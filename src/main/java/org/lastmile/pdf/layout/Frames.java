package org.lastmile.pdf.layout;

import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed parts of a guide's four pages — cover or compact masthead ({@link FrontPage}), back cover or compact
 * back block ({@link BackPage}), bands and running footers — and the areas they leave for the body. Measured once
 * per layout kind; drawn once, for the layout that wins.
 */
final class Frames {
    /** A rectangle of a page left for the body. */
    record Area(int page, float left, float right, float top, float bottom) {
        float width() {
            return right - left;
        }
    }

    /** The areas of one layout kind and the drawing of everything around them. */
    record Frame(List<Area> areas, java.util.function.Consumer<Canvas> draw) {
    }

    /** Height of the colour band across the top of the inner pages (and of the full back cover). */
    static final float TOP_BAND = 7f;

    private final GuideSpec spec;
    private final PdfStyle style;
    private final PageGeometry g;
    private final PageText t;
    private final FrontPage front;
    private final BackPage back;
    private final float W;
    private final float H;

    /**
     * @param dense the dense layouts (text from page 1 to page 4) take narrower side margins, so that two columns
     *              still hold 45 characters of Cyrillic at 9.5 pt
     */
    Frames(GuideSpec spec, PdfStyle style, Shaper shaper, ImageData cover, String coverKey, ImageData logo,
           boolean dense) {
        this.spec = spec;
        this.style = style;
        this.g = new PageGeometry(style, spec.direction().rtl(), dense);
        this.t = new PageText(shaper, spec.direction().rtl());
        this.front = new FrontPage(spec, style, shaper, g, t, cover, coverKey, logo);
        this.back = new BackPage(spec, style, shaper, g, t, logo);
        this.W = g.width();
        this.H = g.height();
    }

    float width() {
        return W;
    }

    float height() {
        return H;
    }

    float left(int page) {
        return g.left(page);
    }

    float right(int page) {
        return g.right(page);
    }

    /** The text setter these frames use, for pages drawn around them (the paper's title page). */
    PageText texts() {
        return t;
    }

    // ---------------------------------------------------------------------------------------------------------------

    Frame frame(GuideLayout.Kind kind) {
        List<Area> areas = new ArrayList<>();
        List<java.util.function.Consumer<Canvas>> draws = new ArrayList<>();
        float bodyTop = H - style.marginTop();
        float bodyBottom = style.marginBottom();
        boolean compactFront = kind == GuideLayout.Kind.COMPACT || kind == GuideLayout.Kind.COLUMNS;
        boolean compactBack = kind != GuideLayout.Kind.COVER;
        if (compactFront) {
            FrontPage.Masthead m = front.masthead();
            areas.add(new Area(1, left(1), right(1), m.bottom() - 14f, bodyBottom));
            draws.add(m.draw());
            draws.add(c -> footer(c, 1));
        } else {
            draws.add(front::cover);
        }
        for (int p = 2; p <= 3; p++) {
            int page = p;
            areas.add(new Area(p, left(p), right(p), bodyTop, bodyBottom));
            draws.add(c -> {
                band(c, page);
                footer(c, page);
            });
        }
        if (compactBack) {
            float top = back.backBlockTop();
            areas.add(new Area(4, left(4), right(4), bodyTop, top + 22f));
            draws.add(c -> {
                band(c, 4);
                back.backBlock(c);
            });
        } else {
            draws.add(back::back);
        }
        return new Frame(areas, c -> draws.forEach(d -> d.accept(c)));
    }

    void band(Canvas c, int page) {
        c.fill(page, 0, H - TOP_BAND, W, TOP_BAND, style.primary(), Tag.ARTIFACT);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Running footer: page label and the guide's short title, never wider than its room. */
    void footer(Canvas c, int page) {
        footer(c, page, GuideLayout.PAGES);
    }

    /** The running footer of page {@code page} of {@code pages}. */
    void footer(Canvas c, int page, int pages) {
        float l = left(page);
        float r = right(page);
        float ruleY = style.marginBottom() * 0.62f;
        float baseY = ruleY - 13f;
        c.rule(page, l, ruleY, r, ruleY, 0.5f, Look.HAIRLINE, Tag.ARTIFACT);
        String label = String.format(Locale.ROOT, "%s", pageLabel(page, pages));
        TextStyle bold = TextStyle.PLAIN.withBold(true);
        float folioW = t.width(label, bold, 8.5f);
        boolean outerLeft = g.onLeft(page);
        float room = r - l - folioW - 12f;
        // the footer sits on the outer side: left on left-hand pages, right on right-hand ones
        if (outerLeft) {
            t.oneLine(c, page, label, bold, 8.5f, l, folioW + 1, baseY, false, style.primary(), Tag.ARTIFACT);
            t.oneLine(c, page, spec.shortTitle(), TextStyle.PLAIN, 8f, l + folioW + 12f, room, baseY, false, Look.MUTED,
                    Tag.ARTIFACT);
        } else {
            t.oneLine(c, page, label, bold, 8.5f, r, folioW + 1, baseY, true, style.primary(), Tag.ARTIFACT);
            t.oneLine(c, page, spec.shortTitle(), TextStyle.PLAIN, 8f, r - folioW - 12f, room, baseY, true, Look.MUTED,
                    Tag.ARTIFACT);
        }
    }

    private String pageLabel(int page, int pages) {
        try {
            return String.format(Locale.ROOT, spec.pageLabelFormat(), page, pages);
        } catch (java.util.IllegalFormatException e) {
            return Integer.toString(page);
        }
    }
}
