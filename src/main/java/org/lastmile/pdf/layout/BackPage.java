package org.lastmile.pdf.layout;

import io.nayuki.qrcodegen.QrCode;
import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 4 of a guide: either the full back cover (title and summary as the blurb, the panel with the paper's link,
 * QR code and languages, the organisation band with its imprint) or, in the layouts that run the text onto page 4,
 * the compact back block under the body — with the heights the body must leave it.
 */
final class BackPage {
    static final float QR_QUIET_MODULES = 4;

    private final GuideSpec spec;
    private final PdfStyle style;
    private final Shaper shaper;
    private final PageGeometry g;
    private final PageText t;
    private final float W;
    private final float H;
    private final boolean rtl;
    private final ImageData logo;

    BackPage(GuideSpec spec, PdfStyle style, Shaper shaper, PageGeometry g, PageText t, ImageData logo) {
        this.spec = spec;
        this.style = style;
        this.shaper = shaper;
        this.g = g;
        this.t = t;
        this.W = g.width();
        this.H = g.height();
        this.rtl = spec.direction().rtl();
        this.logo = logo;
    }

    private List<Run> languages() {
        if (spec.availableLanguages().isEmpty()) return List.of();
        String sep = shaper.cjk() ? "：" : ": ";
        List<Run> runs = new ArrayList<>();
        runs.add(Run.of(spec.availableLabel() + sep, TextStyle.PLAIN.withBold(true)));
        for (int i = 0; i < spec.availableLanguages().size(); i++) {
            if (i > 0) runs.add(Run.of("  ·  ", TextStyle.PLAIN));
            // each name is in its own language: tagged PDF marks it so that a screen reader says it right
            String code = i < spec.availableCodes().size() ? spec.availableCodes().get(i) : null;
            TextStyle st = TextStyle.PLAIN.withNoBreak(true);
            runs.add(Run.of(spec.availableLanguages().get(i),
                    code != null && !code.equals(spec.language()) ? st.withLang(code) : st));
        }
        return runs;
    }

    /** The full back cover: title and summary as the blurb, the panel with the paper's link, the organisation band. */
    void back(Canvas c) {
        float m = g.coverMargin();
        float x1 = m;
        float x2 = W - m;
        boolean cjk = shaper.cjk();
        c.fill(4, 0, H - Frames.TOP_BAND, W, Frames.TOP_BAND, style.primary(), Tag.ARTIFACT);
        float y = H - m - 6f;
        c.fill(4, rtl ? x2 - 36f : x1, y, 36f, 4f, style.accent(), Tag.ARTIFACT);
        y -= 10f;
        float ts = 18f;
        float tl = ts * (cjk ? 1.35f : 1.22f);
        y = t.text(c, 4, t.para(spec.title(), TextStyle.PLAIN.withBold(true)), ts, tl, x1, x2, y, style.primary(),
                Tag.of(Role.H1, 0, 0));
        y -= 10f;
        float ss = 11.5f;
        float sl = ss * (cjk ? 1.65f : 1.48f);
        float bw = (x2 - x1) * 0.9f;
        if (!spec.summary().isBlank()) {
            y = t.text(c, 4, t.para(spec.summary(), TextStyle.PLAIN), ss, sl, rtl ? x2 - bw : x1, rtl ? x2 : x1 + bw, y,
                    Look.INK, Tag.of(Role.P, 0, 0));
        }
        // the band grows when a long funder line or disclaimer needs more room than a quarter of the page
        float bandTop = Math.max(H * 0.24f, compactBandHeight() - 22f + 26f + 16f + g.coverMargin() * 0.5f);
        float panelH = panelHeight(x2 - x1, 118f);
        float space = y - (bandTop + 6f);
        float panelTop = y - Math.max(34f, (space - panelH) / 2f);
        panel(c, x1, x2, panelTop, 118f, panelH);
        orgBand(c, x1, x2, bandTop, 16f);
    }

    private float panelHeight(float width, float qr) {
        float pad = 18f;
        float tw = width - 2 * pad - (hasQr() ? qr + 20f : 0);
        float h = t.height(t.para(spec.readFullLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f, tw);
        if (!spec.paperUrl().isBlank()) h += 6f + t.height(t.para(spec.paperUrl(), TextStyle.PLAIN), 9.5f, 13f, tw);
        List<Run> langs = languages();
        if (!langs.isEmpty()) h += 12f + Paragraph.of(shaper, langs, null, false).lines(9.5f, tw).size() * 13.5f;
        return Math.max(hasQr() ? qr : 0, h) + 2 * pad;
    }

    private boolean hasQr() {
        return !spec.paperUrl().isBlank() && spec.qrCode();
    }

    private void panel(Canvas c, float x1, float x2, float top, float qr, float panelH) {
        float pad = 18f;
        float bottom = top - panelH;
        c.fill(4, x1, bottom, x2 - x1, panelH, Look.mix(style.primary(), 0.08f), Tag.ARTIFACT);
        c.fill(4, rtl ? x2 - 4f : x1, bottom, 4f, panelH, style.accent(), Tag.ARTIFACT);
        float gap = hasQr() ? qr + 20f : 0;
        float tx1 = rtl ? x1 + pad + gap : x1 + pad;
        float tx2 = rtl ? x2 - pad : x2 - pad - gap;
        float y = top - pad;
        y = t.text(c, 4, t.para(spec.readFullLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f, tx1, tx2, y,
                style.primary(), Tag.of(Role.P, 0, 0));
        if (!spec.paperUrl().isBlank()) {
            y -= 6f;
            y = t.text(c, 4, t.para(spec.paperUrl(), TextStyle.PLAIN.withLink(spec.paperUrl())), 9.5f, 13f, tx1, tx2, y,
                    style.primary(), Tag.of(Role.LINK, 0, 0));
        }
        if (hasQr()) {
            float qx = rtl ? x1 + pad : x2 - pad - qr;
            float qy = top - pad - qr;
            qr(c, spec.paperUrl(), qx, qy, qr);
            c.box(4, new org.lastmile.pdf.model.Box.Link(qx, qy, qr, qr, spec.paperUrl(), null,
                    Tag.of(Role.LINK, 0, 0)));
        }
        List<Run> langs = languages();
        if (!langs.isEmpty()) {
            y -= 12f;
            t.text(c, 4, Paragraph.of(shaper, langs, null, false), 9.5f, 13.5f, tx1, tx2, y, Look.INK, Tag.of(Role.P, 0, 0));
        }
    }

    /** The QR code with its quiet zone of four modules, dark modules as filled rectangles. */
    private void qr(Canvas c, String text, float x, float y, float size) {
        QrCode q = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        float n = q.size + 2 * QR_QUIET_MODULES;
        float m = size / n;
        c.fill(4, x, y, size, size, Color.WHITE, Tag.ARTIFACT);
        Tag tag = new Tag(Role.FIGURE, 0, 0, null);
        for (int row = 0; row < q.size; row++) {
            int col = 0;
            while (col < q.size) {
                if (!q.getModule(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < q.size && q.getModule(col, row)) col++;
                float rx = x + (start + QR_QUIET_MODULES) * m;
                float ry = y + size - (row + QR_QUIET_MODULES + 1) * m;
                c.box(4, new org.lastmile.pdf.model.Box.Fill(rx, ry - 0.01f, (col - start) * m, m + 0.02f, Look.INK, tag));
            }
        }
    }

    private void orgBand(Canvas c, float x1, float x2, float bandTop, float nameSize) {
        c.fill(4, 0, 0, W, bandTop, style.primary(), Tag.ARTIFACT);
        c.fill(4, 0, bandTop, W, 5f, style.accent(), Tag.ARTIFACT);
        float by = bandTop - 26f;
        if (logo != null) {
            float h = 26f;
            float lw = logo.pixelWidth() * h / logo.pixelHeight();
            float lx = rtl ? x2 - lw : x1;
            c.fill(4, lx - 5f, by - h - 5f, lw + 10f, h + 10f, Color.WHITE, Tag.ARTIFACT);
            c.picture(4, lx, by - h, lw, h, "logo", logo, style.organisation(), Tag.of(Role.FIGURE, 0, 0));
            by -= h + 14f;
        }
        if (!style.organisation().isBlank()) {
            by = t.text(c, 4, t.para(style.organisation(), TextStyle.PLAIN.withBold(true)), nameSize, nameSize * 1.25f, x1,
                    x2, by, Color.WHITE, Tag.of(Role.P, 0, 0)) - 2f;
        }
        if (!spec.dateText().isBlank()) {
            by = t.text(c, 4, t.para(spec.dateText(), TextStyle.PLAIN), 10f, 13.5f, x1, x2, by, Color.WHITE,
                    Tag.of(Role.P, 0, 0)) - 4f;
        }
        if (!style.licence().isBlank()) {
            by = t.text(c, 4, t.para(style.licence(), TextStyle.PLAIN), 8.5f, 12f, x1, x2, by, new Color(0xDD, 0xE7, 0xEA),
                    Tag.of(Role.P, 0, 0));
        }
        imprint(c, x1, x2, by);
    }

    /** Light text on the band: the imprint lines under the licence. */
    private static final Color ON_BAND = new Color(0xDD, 0xE7, 0xEA);

    /** The contact e-mail (a mailto link), the funder line and the disclaimer, under the licence in the band. */
    private void imprint(Canvas c, float x1, float x2, float by) {
        GuideSpec.Imprint im = spec.imprint();
        if (!im.email().isBlank()) {
            by = t.text(c, 4, t.para(im.email(), TextStyle.PLAIN.withLink("mailto:" + im.email())), 8.5f, 12f, x1, x2, by,
                    Color.WHITE, Tag.of(Role.LINK, 0, 0));
        }
        if (!im.funder().isBlank()) {
            by = t.text(c, 4, t.para(im.funder(), TextStyle.PLAIN), 8.5f, 12f, x1, x2, by - 4f, ON_BAND, Tag.of(Role.P, 0, 0));
        }
        if (!im.disclaimer().isBlank()) {
            t.text(c, 4, t.para(im.disclaimer(), TextStyle.PLAIN.withItalic(true)), 7.5f, 10f, x1, x2, by - 4f, ON_BAND,
                    Tag.of(Role.P, 0, 0));
        }
    }

    /** Height the imprint lines take in a band {@code width} wide. */
    private float imprintHeight(float width) {
        GuideSpec.Imprint im = spec.imprint();
        float h = 0;
        if (!im.email().isBlank()) h += t.height(t.para(im.email(), TextStyle.PLAIN), 8.5f, 12f, width);
        if (!im.funder().isBlank()) h += 4f + t.height(t.para(im.funder(), TextStyle.PLAIN), 8.5f, 12f, width);
        if (!im.disclaimer().isBlank()) {
            h += 4f + t.height(t.para(im.disclaimer(), TextStyle.PLAIN.withItalic(true)), 7.5f, 10f, width);
        }
        return h;
    }

    /** Height of the organisation band of the compact back block. */
    private float compactBandHeight() {
        float h = 22f + (logo != null ? 40f : 0) + (style.organisation().isBlank() ? 0 : 17f)
                + (spec.dateText().isBlank() ? 0 : 13.5f) + (style.licence().isBlank() ? 0 : 12f) + 14f
                + imprintHeight(g.right(4) - g.left(4));
        return Math.max(70f, h);
    }

    /** Top of the compact back block (panel above the organisation band). */
    float backBlockTop() {
        float x1 = g.left(4);
        float x2 = g.right(4);
        return compactBandHeight() + 5f + 16f + panelHeight(x2 - x1, 92f);
    }

    /** The compact back block: the panel with the paper's link and QR code over the organisation band. */
    void backBlock(Canvas c) {
        float x1 = g.left(4);
        float x2 = g.right(4);
        float band = compactBandHeight();
        float panelH = panelHeight(x2 - x1, 92f);
        panel(c, x1, x2, band + 5f + 16f + panelH, 92f, panelH);
        orgBand(c, x1, x2, band, 13f);
    }
}
