package org.lastmile.pdf.layout;

import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;

import java.awt.Color;

/**
 * Page 1 of a guide: either the full cover (colour band, title, summary, cover image, organisation and date) or, in
 * the layouts that start the text on page 1, the compact masthead above the body.
 */
final class FrontPage {
    private final GuideSpec spec;
    private final PdfStyle style;
    private final Shaper shaper;
    private final PageGeometry g;
    private final PageText t;
    private final float W;
    private final float H;
    private final boolean rtl;
    private final ImageData cover;
    private final String coverKey;
    private final ImageData logo;

    FrontPage(GuideSpec spec, PdfStyle style, Shaper shaper, PageGeometry g, PageText t, ImageData cover,
              String coverKey, ImageData logo) {
        this.spec = spec;
        this.style = style;
        this.shaper = shaper;
        this.g = g;
        this.t = t;
        this.W = g.width();
        this.H = g.height();
        this.rtl = spec.direction().rtl();
        this.cover = cover;
        this.coverKey = coverKey;
        this.logo = logo;
    }

    /** The compact masthead: where it ends, and how to draw it. */
    record Masthead(float bottom, java.util.function.Consumer<Canvas> draw) {
    }

    /** A title's leading factor: the given one, or more for a tall script such as Arabic ({@link Look#tall()}). */
    private float titleLeading(float factor) {
        return shaper.tall() ? Math.max(factor, Look.TALL_HEADING_LEADING) : factor;
    }

    /** Compact masthead of page 1: a band with the series label and the title, the summary under it. */
    Masthead masthead() {
        float x1 = g.left(1);
        float x2 = g.right(1);
        boolean cjk = shaper.cjk();
        Paragraph title = t.para(spec.title(), TextStyle.PLAIN.withBold(true));
        float ts = cjk ? 22f : 24f;
        float tl = ts * titleLeading(cjk ? 1.3f : 1.15f);
        while (ts > 15f && t.height(title, ts, tl, x2 - x1) > 3 * tl) {
            ts -= 1f;
            tl = ts * titleLeading(cjk ? 1.3f : 1.15f);
        }
        float fts = ts;
        float ftl = tl;
        float labelTop = H - 30f;
        float titleTop = labelTop - 26f;
        float bandBottom = titleTop - t.height(title, ts, tl, x2 - x1) - 16f;
        Paragraph summary = t.para(spec.summary(), TextStyle.PLAIN);
        float ss = cjk ? 11.5f : 12f;
        float sl = ss * (cjk ? 1.6f : 1.38f);
        float sumTop = bandBottom - 18f;
        float bottom = spec.summary().isBlank() ? bandBottom - 6f : sumTop - t.height(summary, ss, sl, x2 - x1);
        return new Masthead(bottom, c -> {
            c.fill(1, 0, bandBottom, W, H - bandBottom, style.primary(), Tag.ARTIFACT);
            c.fill(1, 0, bandBottom - 5f, W, 5f, style.accent(), Tag.ARTIFACT);
            c.fill(1, rtl ? x2 - 30f : x1, labelTop + 4f, 30f, 3.5f, style.accent(), Tag.ARTIFACT);
            t.text(c, 1, t.para(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 11f, 14f, x1, x2, labelTop,
                    Color.WHITE, Tag.of(Role.P, 0, 0));
            t.text(c, 1, title, fts, ftl, x1, x2, titleTop, Color.WHITE, Tag.of(Role.H1, 0, 0));
            if (!spec.summary().isBlank()) {
                t.text(c, 1, summary, ss, sl, x1, x2, sumTop, Look.INK, Tag.of(Role.P, 0, 0));
            }
        });
    }

    /** The full cover: colour band with series label and title, summary, optional image, organisation and date. */
    void cover(Canvas c) {
        float m = g.coverMargin();
        float x1 = m;
        float x2 = W - m;
        boolean cjk = shaper.cjk();
        float bandBottom = cover != null ? H * 0.56f : H * 0.40f;
        Paragraph title = t.para(spec.title(), TextStyle.PLAIN.withBold(true));
        float maxTitleHeight = H - bandBottom - 44f - m - 60f;
        float ts = cjk ? 32f : 34f;
        float tl = ts * titleLeading(cjk ? 1.32f : 1.16f);
        while (ts > 18f && t.height(title, ts, tl, x2 - x1) > maxTitleHeight) {
            ts -= 1f;
            tl = ts * titleLeading(cjk ? 1.32f : 1.16f);
        }
        c.fill(1, 0, bandBottom, W, H - bandBottom, style.primary(), Tag.ARTIFACT);
        c.fill(1, 0, bandBottom - 8f, W, 8f, style.accent(), Tag.ARTIFACT);
        float y = H - m - 6f;
        c.fill(1, rtl ? x2 - 36f : x1, y, 36f, 4f, style.accent(), Tag.ARTIFACT);
        t.text(c, 1, t.para(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12.5f, 16f, x1, x2, y - 6f, Color.WHITE,
                Tag.of(Role.P, 0, 0));
        float th = t.height(title, ts, tl, x2 - x1);
        t.text(c, 1, title, ts, tl, x1, x2, bandBottom + 40f + th, Color.WHITE, Tag.of(Role.H1, 0, 0));

        float ss = cjk ? 14f : 15f;
        float sl = ss * (cjk ? 1.62f : 1.42f);
        float sumW = (x2 - x1) * 0.92f;
        y = bandBottom - 8f - 30f;
        if (!spec.summary().isBlank()) {
            y = t.text(c, 1, t.para(spec.summary(), TextStyle.PLAIN), ss, sl, rtl ? x2 - sumW : x1, rtl ? x2 : x1 + sumW,
                    y, Look.INK, Tag.of(Role.P, 0, 0));
        }
        float footY = m;
        float ruleY = footY + 28f;
        c.rule(1, x1, ruleY, x2, ruleY, 0.6f, Look.HAIRLINE, Tag.ARTIFACT);
        organisation(c, 1, x1, x2, footY, style.primary());
        if (!spec.dateText().isBlank()) {
            t.oneLine(c, 1, spec.dateText(), TextStyle.PLAIN, 10f, rtl ? x1 : x2, (x2 - x1) / 2, footY + 4f, !rtl,
                    Look.MUTED, Tag.of(Role.P, 0, 0));
        }
        if (cover != null) {
            float top = y - 22f;
            float bottom = ruleY + 22f;
            float availH = top - bottom;
            float availW = x2 - x1;
            if (availH > 40f) {
                float scale = Math.min(availW / cover.pixelWidth(), availH / cover.pixelHeight());
                float iw = cover.pixelWidth() * scale;
                float ih = cover.pixelHeight() * scale;
                c.picture(1, rtl ? x2 - iw : x1, top - ih, iw, ih, coverKey, cover, spec.title(),
                        Tag.of(Role.FIGURE, 0, 0));
            }
        }
    }

    private void organisation(Canvas c, int page, float x1, float x2, float y, Color color) {
        float x = rtl ? x2 : x1;
        if (logo != null) {
            float h = 26f;
            float lw = logo.pixelWidth() * h / logo.pixelHeight();
            c.picture(page, rtl ? x - lw : x, y - 4f, lw, h, "logo", logo, style.organisation(), Tag.of(Role.FIGURE, 0, 0));
            x = rtl ? x - lw - 10f : x + lw + 10f;
        }
        if (!style.organisation().isBlank()) {
            t.oneLine(c, page, style.organisation(), TextStyle.PLAIN.withBold(true), 12f, x, (x2 - x1) * 0.6f, y + 4f,
                    rtl, color, Tag.of(Role.P, 0, 0));
        }
    }
}
