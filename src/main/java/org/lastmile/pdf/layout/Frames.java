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
import java.util.Locale;

/**
 * The fixed parts of a guide's four pages — cover or compact masthead, back cover or compact back block, bands and
 * running footers — and the areas they leave for the body. Measured once per layout kind; drawn once, for the
 * layout that wins.
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

    static final float TOP_BAND = 7f;
    static final float QR_QUIET_MODULES = 4;

    private final GuideSpec spec;
    private final PdfStyle style;
    private final Shaper shaper;
    private final float W;
    private final float H;
    private final boolean rtl;
    private final ImageData cover;
    private final String coverKey;
    private final ImageData logo;
    private final boolean dense;

    /**
     * @param dense the dense layouts (text from page 1 to page 4) take narrower side margins, so that two columns
     *              still hold 45 characters of Cyrillic at 9.5 pt
     */
    Frames(GuideSpec spec, PdfStyle style, Shaper shaper, ImageData cover, String coverKey, ImageData logo,
           boolean dense) {
        this.dense = dense;
        this.spec = spec;
        this.style = style;
        this.shaper = shaper;
        this.W = style.paperSize().width();
        this.H = style.paperSize().height();
        this.rtl = spec.direction().rtl();
        this.cover = cover;
        this.coverKey = coverKey;
        this.logo = logo;
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

    /** Side margins of the dense layouts, at most: 14 mm. */
    static final float DENSE_MARGIN = 40f;

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

    private float coverMargin() {
        return Math.max(48f, Math.max(style.marginInner(), style.marginOuter())) + 6f;
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
            Masthead m = masthead();
            areas.add(new Area(1, left(1), right(1), m.bottom - 14f, bodyBottom));
            draws.add(m.draw);
            draws.add(c -> footer(c, 1));
        } else {
            draws.add(this::cover);
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
            float top = backBlockTop();
            areas.add(new Area(4, left(4), right(4), bodyTop, top + 22f));
            draws.add(c -> {
                band(c, 4);
                backBlock(c);
            });
        } else {
            draws.add(this::back);
        }
        return new Frame(areas, c -> draws.forEach(d -> d.accept(c)));
    }

    void band(Canvas c, int page) {
        c.fill(page, 0, H - TOP_BAND, W, TOP_BAND, style.primary(), Tag.ARTIFACT);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Text helpers

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

    float height(Paragraph p, float size, float leading, float width) {
        return p.lines(size, width).size() * leading;
    }

    /**
     * A single line, cut with an ellipsis when wider than {@code maxWidth}, whose left edge (or, with
     * {@code alignRight}, right edge) is at {@code x}.
     */
    private void oneLine(Canvas c, int page, String text, TextStyle st, float size, float x, float maxWidth,
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

    private float width(String text, TextStyle st, float size) {
        return para(text, st).naturalWidth(size);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Page 1

    private record Masthead(float bottom, java.util.function.Consumer<Canvas> draw) {
    }

    /** A title's leading factor: the given one, or more for a tall script such as Arabic ({@link Look#tall()}). */
    private float titleLeading(float factor) {
        return shaper.tall() ? Math.max(factor, Look.TALL_HEADING_LEADING) : factor;
    }

    /** Compact masthead of page 1: a band with the series label and the title, the summary under it. */
    private Masthead masthead() {
        float x1 = left(1);
        float x2 = right(1);
        boolean cjk = shaper.cjk();
        Paragraph title = para(spec.title(), TextStyle.PLAIN.withBold(true));
        float ts = cjk ? 22f : 24f;
        float tl = ts * titleLeading(cjk ? 1.3f : 1.15f);
        while (ts > 15f && height(title, ts, tl, x2 - x1) > 3 * tl) {
            ts -= 1f;
            tl = ts * titleLeading(cjk ? 1.3f : 1.15f);
        }
        float fts = ts;
        float ftl = tl;
        float labelTop = H - 30f;
        float titleTop = labelTop - 26f;
        float bandBottom = titleTop - height(title, ts, tl, x2 - x1) - 16f;
        Paragraph summary = para(spec.summary(), TextStyle.PLAIN);
        float ss = cjk ? 11.5f : 12f;
        float sl = ss * (cjk ? 1.6f : 1.38f);
        float sumTop = bandBottom - 18f;
        float bottom = spec.summary().isBlank() ? bandBottom - 6f : sumTop - height(summary, ss, sl, x2 - x1);
        return new Masthead(bottom, c -> {
            c.fill(1, 0, bandBottom, W, H - bandBottom, style.primary(), Tag.ARTIFACT);
            c.fill(1, 0, bandBottom - 5f, W, 5f, style.accent(), Tag.ARTIFACT);
            c.fill(1, rtl ? x2 - 30f : x1, labelTop + 4f, 30f, 3.5f, style.accent(), Tag.ARTIFACT);
            text(c, 1, para(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 11f, 14f, x1, x2, labelTop,
                    Color.WHITE, Tag.of(Role.P, 0, 0));
            text(c, 1, title, fts, ftl, x1, x2, titleTop, Color.WHITE, Tag.of(Role.H1, 0, 0));
            if (!spec.summary().isBlank()) {
                text(c, 1, summary, ss, sl, x1, x2, sumTop, Look.INK, Tag.of(Role.P, 0, 0));
            }
        });
    }

    /** The full cover: colour band with series label and title, summary, optional image, organisation and date. */
    private void cover(Canvas c) {
        float m = coverMargin();
        float x1 = m;
        float x2 = W - m;
        boolean cjk = shaper.cjk();
        float bandBottom = cover != null ? H * 0.56f : H * 0.40f;
        Paragraph title = para(spec.title(), TextStyle.PLAIN.withBold(true));
        float maxTitleHeight = H - bandBottom - 44f - m - 60f;
        float ts = cjk ? 32f : 34f;
        float tl = ts * titleLeading(cjk ? 1.32f : 1.16f);
        while (ts > 18f && height(title, ts, tl, x2 - x1) > maxTitleHeight) {
            ts -= 1f;
            tl = ts * titleLeading(cjk ? 1.32f : 1.16f);
        }
        c.fill(1, 0, bandBottom, W, H - bandBottom, style.primary(), Tag.ARTIFACT);
        c.fill(1, 0, bandBottom - 8f, W, 8f, style.accent(), Tag.ARTIFACT);
        float y = H - m - 6f;
        c.fill(1, rtl ? x2 - 36f : x1, y, 36f, 4f, style.accent(), Tag.ARTIFACT);
        text(c, 1, para(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12.5f, 16f, x1, x2, y - 6f, Color.WHITE,
                Tag.of(Role.P, 0, 0));
        float th = height(title, ts, tl, x2 - x1);
        text(c, 1, title, ts, tl, x1, x2, bandBottom + 40f + th, Color.WHITE, Tag.of(Role.H1, 0, 0));

        float ss = cjk ? 14f : 15f;
        float sl = ss * (cjk ? 1.62f : 1.42f);
        float sumW = (x2 - x1) * 0.92f;
        y = bandBottom - 8f - 30f;
        if (!spec.summary().isBlank()) {
            y = text(c, 1, para(spec.summary(), TextStyle.PLAIN), ss, sl, rtl ? x2 - sumW : x1, rtl ? x2 : x1 + sumW,
                    y, Look.INK, Tag.of(Role.P, 0, 0));
        }
        float footY = m;
        float ruleY = footY + 28f;
        c.rule(1, x1, ruleY, x2, ruleY, 0.6f, Look.HAIRLINE, Tag.ARTIFACT);
        organisation(c, 1, x1, x2, footY, style.primary());
        if (!spec.dateText().isBlank()) {
            oneLine(c, 1, spec.dateText(), TextStyle.PLAIN, 10f, rtl ? x1 : x2, (x2 - x1) / 2, footY + 4f, !rtl,
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
            oneLine(c, page, style.organisation(), TextStyle.PLAIN.withBold(true), 12f, x, (x2 - x1) * 0.6f, y + 4f,
                    rtl, color, Tag.of(Role.P, 0, 0));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Page 4

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
    private void back(Canvas c) {
        float m = coverMargin();
        float x1 = m;
        float x2 = W - m;
        boolean cjk = shaper.cjk();
        c.fill(4, 0, H - TOP_BAND, W, TOP_BAND, style.primary(), Tag.ARTIFACT);
        float y = H - m - 6f;
        c.fill(4, rtl ? x2 - 36f : x1, y, 36f, 4f, style.accent(), Tag.ARTIFACT);
        y -= 10f;
        float ts = 18f;
        float tl = ts * (cjk ? 1.35f : 1.22f);
        y = text(c, 4, para(spec.title(), TextStyle.PLAIN.withBold(true)), ts, tl, x1, x2, y, style.primary(),
                Tag.of(Role.H1, 0, 0));
        y -= 10f;
        float ss = 11.5f;
        float sl = ss * (cjk ? 1.65f : 1.48f);
        float bw = (x2 - x1) * 0.9f;
        if (!spec.summary().isBlank()) {
            y = text(c, 4, para(spec.summary(), TextStyle.PLAIN), ss, sl, rtl ? x2 - bw : x1, rtl ? x2 : x1 + bw, y,
                    Look.INK, Tag.of(Role.P, 0, 0));
        }
        // the band grows when a long funder line or disclaimer needs more room than a quarter of the page
        float bandTop = Math.max(H * 0.24f, compactBandHeight() - 22f + 26f + 16f + coverMargin() * 0.5f);
        float panelH = panelHeight(x2 - x1, 118f);
        float space = y - (bandTop + 6f);
        float panelTop = y - Math.max(34f, (space - panelH) / 2f);
        panel(c, x1, x2, panelTop, 118f, panelH);
        orgBand(c, x1, x2, bandTop, 16f);
    }

    private float panelHeight(float width, float qr) {
        float pad = 18f;
        float tw = width - 2 * pad - (hasQr() ? qr + 20f : 0);
        float h = height(para(spec.readFullLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f, tw);
        if (!spec.paperUrl().isBlank()) h += 6f + height(para(spec.paperUrl(), TextStyle.PLAIN), 9.5f, 13f, tw);
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
        y = text(c, 4, para(spec.readFullLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f, tx1, tx2, y,
                style.primary(), Tag.of(Role.P, 0, 0));
        if (!spec.paperUrl().isBlank()) {
            y -= 6f;
            y = text(c, 4, para(spec.paperUrl(), TextStyle.PLAIN.withLink(spec.paperUrl())), 9.5f, 13f, tx1, tx2, y,
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
            text(c, 4, Paragraph.of(shaper, langs, null, false), 9.5f, 13.5f, tx1, tx2, y, Look.INK, Tag.of(Role.P, 0, 0));
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
            by = text(c, 4, para(style.organisation(), TextStyle.PLAIN.withBold(true)), nameSize, nameSize * 1.25f, x1,
                    x2, by, Color.WHITE, Tag.of(Role.P, 0, 0)) - 2f;
        }
        if (!spec.dateText().isBlank()) {
            by = text(c, 4, para(spec.dateText(), TextStyle.PLAIN), 10f, 13.5f, x1, x2, by, Color.WHITE,
                    Tag.of(Role.P, 0, 0)) - 4f;
        }
        if (!style.licence().isBlank()) {
            by = text(c, 4, para(style.licence(), TextStyle.PLAIN), 8.5f, 12f, x1, x2, by, new Color(0xDD, 0xE7, 0xEA),
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
            by = text(c, 4, para(im.email(), TextStyle.PLAIN.withLink("mailto:" + im.email())), 8.5f, 12f, x1, x2, by,
                    Color.WHITE, Tag.of(Role.LINK, 0, 0));
        }
        if (!im.funder().isBlank()) {
            by = text(c, 4, para(im.funder(), TextStyle.PLAIN), 8.5f, 12f, x1, x2, by - 4f, ON_BAND, Tag.of(Role.P, 0, 0));
        }
        if (!im.disclaimer().isBlank()) {
            text(c, 4, para(im.disclaimer(), TextStyle.PLAIN.withItalic(true)), 7.5f, 10f, x1, x2, by - 4f, ON_BAND,
                    Tag.of(Role.P, 0, 0));
        }
    }

    /** Height the imprint lines take in a band {@code width} wide. */
    private float imprintHeight(float width) {
        GuideSpec.Imprint im = spec.imprint();
        float h = 0;
        if (!im.email().isBlank()) h += height(para(im.email(), TextStyle.PLAIN), 8.5f, 12f, width);
        if (!im.funder().isBlank()) h += 4f + height(para(im.funder(), TextStyle.PLAIN), 8.5f, 12f, width);
        if (!im.disclaimer().isBlank()) {
            h += 4f + height(para(im.disclaimer(), TextStyle.PLAIN.withItalic(true)), 7.5f, 10f, width);
        }
        return h;
    }

    /** Height of the organisation band of the compact back block. */
    private float compactBandHeight() {
        float h = 22f + (logo != null ? 40f : 0) + (style.organisation().isBlank() ? 0 : 17f)
                + (spec.dateText().isBlank() ? 0 : 13.5f) + (style.licence().isBlank() ? 0 : 12f) + 14f
                + imprintHeight(right(4) - left(4));
        return Math.max(70f, h);
    }

    /** Top of the compact back block (panel above the organisation band). */
    private float backBlockTop() {
        float x1 = left(4);
        float x2 = right(4);
        return compactBandHeight() + 5f + 16f + panelHeight(x2 - x1, 92f);
    }

    /** The compact back block: the panel with the paper's link and QR code over the organisation band. */
    private void backBlock(Canvas c) {
        float x1 = left(4);
        float x2 = right(4);
        float band = compactBandHeight();
        float panelH = panelHeight(x2 - x1, 92f);
        panel(c, x1, x2, band + 5f + 16f + panelH, 92f, panelH);
        orgBand(c, x1, x2, band, 13f);
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
        float folioW = width(label, bold, 8.5f);
        boolean outerLeft = onLeft(page);
        float room = r - l - folioW - 12f;
        // the footer sits on the outer side: left on left-hand pages, right on right-hand ones
        if (outerLeft) {
            oneLine(c, page, label, bold, 8.5f, l, folioW + 1, baseY, false, style.primary(), Tag.ARTIFACT);
            oneLine(c, page, spec.shortTitle(), TextStyle.PLAIN, 8f, l + folioW + 12f, room, baseY, false, Look.MUTED,
                    Tag.ARTIFACT);
        } else {
            oneLine(c, page, label, bold, 8.5f, r, folioW + 1, baseY, true, style.primary(), Tag.ARTIFACT);
            oneLine(c, page, spec.shortTitle(), TextStyle.PLAIN, 8f, r - folioW - 12f, room, baseY, true, Look.MUTED,
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
