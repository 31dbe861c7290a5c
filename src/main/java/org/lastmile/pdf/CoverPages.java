package org.lastmile.pdf;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * Page 1 (cover) and page 4 (back cover) of a guide. Everything is placed from the start side, so a right-to-left
 * language gets a mirrored layout.
 */
final class CoverPages {
    private CoverPages() {
    }

    private static float margin(PdfStyle style) {
        return Math.max(48f, Math.max(style.marginInner(), style.marginOuter())) + 6f;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Cover

    static void cover(PdfWriter w, GuideSpec spec, PdfStyle style, Typesetter ts, LegacyLayout.Geometry g,
                      Map<String, Image> images) throws DocumentException {
        PdfContentByte cb = w.getDirectContent();
        PdfContentByte under = w.getDirectContentUnder();
        float W = g.width();
        float H = g.height();
        float m = margin(style);
        float x1 = m;
        float x2 = W - m;
        boolean rtl = spec.direction().rtl();
        boolean cjk = ts.cjk();

        // Colour band: series label at the top, the title sitting on the band's lower edge. With a cover image
        // the band is shorter so the picture gets room.
        Image img = LegacyLayout.coverImage(spec, images);
        float bandBottom = img != null ? H * 0.56f : H * 0.40f;
        List<Run> title = Run.styled(spec.title(), TextStyle.PLAIN.withBold(true));
        float maxTitleHeight = H - bandBottom - 44f - m - 60f;
        float titleSize = cjk ? 32f : 34f;
        float titleLeading = titleSize * (cjk ? 1.32f : 1.16f);
        for (float s = titleSize; s >= 18f; s -= 1f) {
            titleSize = s;
            titleLeading = s * (cjk ? 1.32f : 1.16f);
            if (TextBox.lines(ts, title, s, titleLeading, x2 - x1) * titleLeading <= maxTitleHeight) break;
        }
        fill(under, style.primary(), 0, bandBottom, W, H - bandBottom);
        fill(under, style.accent(), 0, bandBottom - 8f, W, 8f);

        float y = H - m - 6f;
        fill(under, style.accent(), rtl ? x2 - 36f : x1, y, 36f, 4f);
        y -= 10f;
        TextBox.draw(cb, ts, Run.styled(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12.5f, 16f,
                Color.WHITE, x1, x2, y, Element.ALIGN_LEFT);

        int titleLines = TextBox.lines(ts, title, titleSize, titleLeading, x2 - x1);
        float titleTop = bandBottom + 46f + titleLines * titleLeading - titleLeading * 0.22f;
        float tw = TextBox.balancedWidth(ts, title, titleSize, titleLeading, x2 - x1);
        TextBox.draw(cb, ts, title, titleSize, titleLeading, Color.WHITE, rtl ? x2 - tw : x1, rtl ? x2 : x1 + tw,
                titleTop, Element.ALIGN_LEFT);

        // Summary under the band.
        float sumSize = cjk ? 14f : 15f;
        float sumLeading = sumSize * (cjk ? 1.62f : 1.42f);
        float sumW = (x2 - x1) * 0.92f;
        float sx1 = rtl ? x2 - sumW : x1;
        float sx2 = rtl ? x2 : x1 + sumW;
        y = bandBottom - 8f - 34f + sumLeading;
        y = TextBox.draw(cb, ts, Run.plain(spec.summary()), sumSize, sumLeading, Look.INK, sx1, sx2, y,
                Element.ALIGN_LEFT);

        // Foot: hairline, organisation (with logo) on the start side, date on the end side.
        float footY = m;
        float ruleY = footY + 28f;
        line(cb, Look.HAIRLINE, x1, ruleY, x2, 0.6f);
        drawOrganisation(cb, ts, style, x1, x2, footY, rtl, style.primary());
        if (!spec.dateText().isBlank()) {
            TextBox.line(cb, ts, Run.plain(spec.dateText()), 10f, Look.MUTED, rtl ? x1 : x2, footY + 4f,
                    rtl ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }

        // Optional cover image between the summary and the foot.
        if (img != null) {
            float top = y - 26f;
            float bottom = ruleY + 26f;
            float availH = top - bottom;
            float availW = x2 - x1;
            if (availH > 40f) {
                float scale = Math.min(availW / img.getWidth(), availH / img.getHeight());
                float iw = img.getWidth() * scale;
                float ih = img.getHeight() * scale;
                Image copy = Image.getInstance(img);
                copy.scaleAbsolute(iw, ih);
                copy.setAbsolutePosition(rtl ? x2 - iw : x1, top - ih);
                cb.addImage(copy);
            }
        }
    }

    /** Logo (if any) and organisation name with their baseline near {@code y}. */
    private static void drawOrganisation(PdfContentByte cb, Typesetter ts, PdfStyle style, float x1, float x2, float y,
                                         boolean rtl, Color nameColor) throws DocumentException {
        float x = rtl ? x2 : x1;
        if (style.hasLogo()) {
            Image logo = logo(style);
            if (logo != null) {
                float h = 26f;
                float lw = logo.getWidth() * h / logo.getHeight();
                logo.scaleAbsolute(lw, h);
                logo.setAbsolutePosition(rtl ? x - lw : x, y - 4f);
                cb.addImage(logo);
                x = rtl ? x - lw - 10f : x + lw + 10f;
            }
        }
        if (!style.organisation().isBlank()) {
            TextBox.line(cb, ts, Run.styled(style.organisation(), TextStyle.PLAIN.withBold(true)), 12f, nameColor, x,
                    y + 4f, rtl ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        }
    }

    private static Image logo(PdfStyle style) {
        try {
            return Image.getInstance(style.logo());
        } catch (java.io.IOException | RuntimeException e) {
            return null; // an unreadable logo is reported where the theme is loaded
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Back cover

    static void back(PdfWriter w, GuideSpec spec, PdfStyle style, Typesetter ts, LegacyLayout.Geometry g)
            throws DocumentException {
        PdfContentByte cb = w.getDirectContent();
        PdfContentByte under = w.getDirectContentUnder();
        float W = g.width();
        float H = g.height();
        float m = margin(style);
        float x1 = m;
        float x2 = W - m;
        boolean rtl = spec.direction().rtl();
        boolean cjk = ts.cjk();

        fill(under, style.primary(), 0, H - 7f, W, 7f);

        // Title and summary as the blurb.
        float y = H - m - 6f;
        fill(under, style.accent(), rtl ? x2 - 36f : x1, y, 36f, 4f);
        y -= 12f;
        float ts1 = 18f;
        float tl = ts1 * (cjk ? 1.35f : 1.22f);
        List<Run> backTitle = Run.styled(spec.title(), TextStyle.PLAIN.withBold(true));
        float btw = TextBox.balancedWidth(ts, backTitle, ts1, tl, x2 - x1);
        y = TextBox.draw(cb, ts, backTitle, ts1, tl, style.primary(), rtl ? x2 - btw : x1, rtl ? x2 : x1 + btw,
                y + tl * 0.1f, Element.ALIGN_LEFT);
        y -= 10f;
        float ss = 11.5f;
        float sl = ss * (cjk ? 1.65f : 1.48f);
        float bw = (x2 - x1) * 0.9f;
        y = TextBox.draw(cb, ts, Run.plain(spec.summary()), ss, sl, Look.INK, rtl ? x2 - bw : x1, rtl ? x2 : x1 + bw,
                y, Element.ALIGN_LEFT);

        // Panel: read the full paper, URL, QR code, languages.
        float pad = 20f;
        float qr = spec.paperUrl().isBlank() ? 0 : 118f;
        float tx1 = rtl ? x1 + pad + qr + (qr > 0 ? 22f : 0) : x1 + pad;
        float tx2 = rtl ? x2 - pad : x2 - pad - qr - (qr > 0 ? 22f : 0);
        List<Run> head = Run.styled(spec.readFullLabel(), TextStyle.PLAIN.withBold(true));
        List<Run> url = Run.styled(spec.paperUrl(), TextStyle.PLAIN.withLink(spec.paperUrl()));
        List<Run> langs = languages(spec, cjk);
        float hs = 15f;
        float hl = hs * 1.3f;
        float textH = TextBox.lines(ts, head, hs, hl, tx2 - tx1) * hl
                + (spec.paperUrl().isBlank() ? 0 : 8f + TextBox.lines(ts, url, 10f, 13.5f, tx2 - tx1) * 13.5f)
                + (langs.isEmpty() ? 0 : 18f + TextBox.lines(ts, langs, 10f, 14.5f, tx2 - tx1) * 14.5f);
        float panelH = Math.max(qr, textH) + 2 * pad;
        float bandTop = H * 0.24f;
        // centred in the space between the blurb and the organisation band
        float space = y - (bandTop + 6f);
        float panelTop = y - Math.max(34f, (space - panelH) / 2f);
        float panelBottom = panelTop - panelH;
        fill(under, Look.mix(style.primary(), 0.08f), x1, panelBottom, x2 - x1, panelH);
        fill(under, style.accent(), rtl ? x2 - 4f : x1, panelBottom, 4f, panelH);
        float py = panelTop - pad;
        py = TextBox.draw(cb, ts, head, hs, hl, style.primary(), tx1, tx2, py + hl * 0.2f, Element.ALIGN_LEFT);
        if (!spec.paperUrl().isBlank()) {
            py -= 8f;
            py = TextBox.draw(cb, ts, url, 10f, 13.5f, style.primary(), tx1, tx2, py, Element.ALIGN_LEFT);
            float qx = rtl ? x1 + pad : x2 - pad - qr;
            float qy = panelTop - pad - qr;
            QrCodes.draw(cb, spec.paperUrl(), qx, qy, qr, Look.INK);
            cb.setAction(new PdfAction(spec.paperUrl()), qx, qy, qx + qr, qy + qr);
        }
        if (!langs.isEmpty()) {
            py -= 18f;
            TextBox.draw(cb, ts, langs, 10f, 14.5f, Look.INK, tx1, tx2, py, Element.ALIGN_LEFT);
        }

        // Organisation band.
        fill(under, style.primary(), 0, 0, W, bandTop);
        fill(under, style.accent(), 0, bandTop, W, 6f);
        float by = bandTop - 34f;
        if (style.hasLogo()) {
            Image logo = logo(style);
            if (logo != null) {
                float h = 30f;
                float lw = logo.getWidth() * h / logo.getHeight();
                float lx = rtl ? x2 - lw : x1;
                fill(under, Color.WHITE, lx - 6f, by - h - 6f, lw + 12f, h + 12f);
                logo.scaleAbsolute(lw, h);
                logo.setAbsolutePosition(lx, by - h);
                cb.addImage(logo);
                by -= h + 18f;
            }
        }
        if (!style.organisation().isBlank()) {
            by = TextBox.draw(cb, ts, Run.styled(style.organisation(), TextStyle.PLAIN.withBold(true)), 16f, 20f,
                    Color.WHITE, x1, x2, by, Element.ALIGN_LEFT) - 4f;
        }
        if (!spec.dateText().isBlank()) {
            by = TextBox.draw(cb, ts, Run.plain(spec.dateText()), 10.5f, 14f, Color.WHITE, x1, x2, by,
                    Element.ALIGN_LEFT) - 6f;
        }
        if (!style.licence().isBlank()) {
            TextBox.draw(cb, ts, Run.plain(style.licence()), 9f, 12.5f, new Color(0xDD, 0xE7, 0xEA), x1, x2, by,
                    Element.ALIGN_LEFT);
        }
    }

    private static List<Run> languages(GuideSpec spec, boolean cjk) {
        if (spec.availableLanguages().isEmpty()) return List.of();
        String sep = cjk ? "：" : ": ";
        List<Run> runs = new java.util.ArrayList<>();
        runs.add(Run.of(spec.availableLabel() + sep, TextStyle.PLAIN.withBold(true)));
        for (int i = 0; i < spec.availableLanguages().size(); i++) {
            if (i > 0) runs.add(Run.of("  ·  ", TextStyle.PLAIN));
            runs.add(Run.of(spec.availableLanguages().get(i), TextStyle.PLAIN.withNoBreak(true)));
        }
        return runs;
    }

    private static void fill(PdfContentByte cb, Color c, float x, float y, float w, float h) {
        cb.saveState();
        cb.setColorFill(c);
        cb.rectangle(x, y, w, h);
        cb.fill();
        cb.restoreState();
    }

    private static void line(PdfContentByte cb, Color c, float x1, float y, float x2, float width) {
        cb.saveState();
        cb.setColorStroke(c);
        cb.setLineWidth(width);
        cb.moveTo(x1, y);
        cb.lineTo(x2, y);
        cb.stroke();
        cb.restoreState();
    }
}
