package org.lastmile.pdf;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Page 1 (cover) and page 4 (back cover) of a guide. */
final class CoverPages {
    private CoverPages() {
    }

    private static float margin(PdfStyle style) {
        return Math.max(48f, Math.max(style.marginInner(), style.marginOuter())) + 6f;
    }

    static void cover(PdfWriter w, GuideSpec spec, PdfStyle style, Typesetter ts, GuideRenderer.Geometry g,
                      Map<String, Image> images) throws DocumentException {
        PdfContentByte cb = w.getDirectContent();
        PdfContentByte under = w.getDirectContentUnder();
        float W = g.width();
        float H = g.height();
        float m = margin(style);
        float x1 = m;
        float x2 = W - m;
        boolean rtl = spec.direction().rtl();
        int start = rtl ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
        boolean cjk = ts.cjk();

        // Series label with a short accent bar.
        float y = H - m - 8f;
        float barX = rtl ? x2 - 30f : x1;
        fill(under, style.accent(), barX, y + 2f, 30f, 4f);
        y -= 20f;
        y = TextBox.draw(cb, ts, Run.styled(spec.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12f, 15f,
                Color.WHITE, x1, x2, y + 15f, Element.ALIGN_LEFT);

        // Title: as large as fits in at most five lines.
        List<Run> title = Run.styled(spec.title(), TextStyle.PLAIN.withBold(true));
        float titleWidth = (x2 - x1);
        float ts0 = cjk ? 30f : 32f;
        float titleSize = ts0;
        for (float s = ts0; s >= 18f; s -= 1f) {
            titleSize = s;
            if (TextBox.lines(ts, title, s, s * 1.2f, titleWidth) <= 5) break;
        }
        float titleLeading = titleSize * (cjk ? 1.3f : 1.16f);
        y -= titleSize * 0.9f;
        y = TextBox.draw(cb, ts, title, titleSize, titleLeading, Color.WHITE, x1, x2, y + titleLeading, Element.ALIGN_LEFT);

        float bandBottom = Math.min(H * 0.52f, y - 40f);
        fill(under, style.primary(), 0, bandBottom, W, H - bandBottom);
        fill(under, style.accent(), 0, bandBottom - 7f, W, 7f);

        // Summary under the band.
        float sumSize = cjk ? 13f : 13.5f;
        float sumLeading = sumSize * (cjk ? 1.6f : 1.42f);
        float sumX2 = rtl ? x2 : x1 + (x2 - x1) * 0.9f;
        float sumX1 = rtl ? x2 - (x2 - x1) * 0.9f : x1;
        y = bandBottom - 7f - 30f;
        y = TextBox.draw(cb, ts, Run.plain(spec.summary()), sumSize, sumLeading, Look.INK, sumX1, sumX2,
                y + sumLeading * 0.25f + sumLeading, Element.ALIGN_LEFT);

        // Organisation block at the foot.
        float footTop = m + 40f;
        drawOrganisation(cb, ts, style, x1, x2, m, rtl, style.primary(), Look.MUTED);

        // Optional cover image between summary and organisation.
        Image img = GuideRenderer.coverImage(spec, images);
        if (img != null) {
            float top = y - 24f;
            float bottom = footTop + 24f;
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

    /** Logo (if any) and organisation name on one baseline at {@code y}. */
    private static void drawOrganisation(PdfContentByte cb, Typesetter ts, PdfStyle style, float x1, float x2, float y,
                                         boolean rtl, Color nameColor, Color muted) throws DocumentException {
        float x = rtl ? x2 : x1;
        if (style.hasLogo()) {
            try {
                Image logo = Image.getInstance(style.logo());
                float h = 30f;
                float lw = logo.getWidth() * h / logo.getHeight();
                logo.scaleAbsolute(lw, h);
                logo.setAbsolutePosition(rtl ? x - lw : x, y - 6f);
                cb.addImage(logo);
                x = rtl ? x - lw - 10f : x + lw + 10f;
            } catch (java.io.IOException | RuntimeException e) {
                // an unreadable logo is the theme's problem, reported when the style is loaded
            }
        }
        if (!style.organisation().isBlank()) {
            TextBox.line(cb, ts, Run.styled(style.organisation(), TextStyle.PLAIN.withBold(true)), 12f, nameColor, x,
                    y + 4f, rtl ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        }
    }

    static void back(PdfWriter w, GuideSpec spec, PdfStyle style, Typesetter ts, GuideRenderer.Geometry g)
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

        // "Read the full briefing paper" + URL, QR code on the end side.
        float qr = 112f;
        float top = H - m - 10f;
        float tx1 = rtl ? x1 + qr + 24f : x1;
        float tx2 = rtl ? x2 : x2 - qr - 24f;
        float y = top;
        if (!spec.paperUrl().isBlank()) {
            float qx = rtl ? x1 : x2 - qr;
            QrCodes.draw(cb, spec.paperUrl(), qx, top - qr + 6f, qr, Look.INK);
        }
        float hs = 18f;
        float barX = rtl ? tx2 - 30f : tx1;
        fill(under, style.accent(), barX, y - 2f, 30f, 4f);
        y -= 10f;
        y = TextBox.draw(cb, ts, Run.styled(spec.readFullLabel(), TextStyle.PLAIN.withBold(true)), hs,
                hs * 1.25f, style.primary(), tx1, tx2, y, Element.ALIGN_LEFT);
        if (!spec.paperUrl().isBlank()) {
            y -= 8f;
            y = TextBox.draw(cb, ts, Run.styled(spec.paperUrl(), TextStyle.PLAIN.withLink(spec.paperUrl())), 10.5f,
                    14f, style.primary(), tx1, tx2, y, Element.ALIGN_LEFT);
        }
        y = Math.min(y, top - qr) - 28f;

        // Languages.
        if (!spec.availableLanguages().isEmpty()) {
            String sep = cjk ? "：" : ": ";
            List<Run> langs = List.of(Run.of(spec.availableLabel() + sep, TextStyle.PLAIN.withBold(true)),
                    Run.of(String.join("  ·  ", spec.availableLanguages()), TextStyle.PLAIN));
            y = TextBox.draw(cb, ts, langs, 10.5f, 15f, Look.INK, x1, x2, y, Element.ALIGN_LEFT);
        }

        // Title and summary recalled above the organisation band.
        float bandTop = H * 0.3f;
        List<Run> title = Run.styled(spec.title(), TextStyle.PLAIN.withBold(true));
        float titleLines = TextBox.lines(ts, title, 11f, 15f, x2 - x1);
        float tTop = bandTop + 36f + titleLines * 15f;
        if (tTop < y - 24f) {
            fillStroke(cb, Look.HAIRLINE, x1, tTop + 14f, x2);
            TextBox.draw(cb, ts, title, 11f, 15f, Look.MUTED, x1, x2, tTop, Element.ALIGN_LEFT);
        }

        // Organisation band.
        fill(under, style.primary(), 0, 0, W, bandTop);
        fill(under, style.accent(), 0, bandTop, W, 5f);
        float by = bandTop - m * 0.8f;
        if (style.hasLogo()) {
            try {
                Image logo = Image.getInstance(style.logo());
                float h = 34f;
                float lw = logo.getWidth() * h / logo.getHeight();
                fill(under, Color.WHITE, (rtl ? x2 - lw : x1) - 6f, by - h - 6f + 18f, lw + 12f, h + 12f);
                logo.scaleAbsolute(lw, h);
                logo.setAbsolutePosition(rtl ? x2 - lw : x1, by - h + 18f);
                cb.addImage(logo);
                by -= h + 10f;
            } catch (java.io.IOException | RuntimeException e) {
                // see cover
            }
        }
        if (!style.organisation().isBlank()) {
            by = TextBox.draw(cb, ts, Run.styled(style.organisation(), TextStyle.PLAIN.withBold(true)), 16f, 20f,
                    Color.WHITE, x1, x2, by + 4f, Element.ALIGN_LEFT) - 6f;
        }
        Color soft = Look.mix(Color.WHITE, 0.85f);
        if (!spec.dateText().isBlank()) {
            by = TextBox.draw(cb, ts, Run.plain(spec.dateText()), 10f, 14f, Color.WHITE, x1, x2, by,
                    Element.ALIGN_LEFT);
        }
        if (!style.licence().isBlank()) {
            by -= 4f;
            TextBox.draw(cb, ts, Run.plain(style.licence()), 9f, 12.5f, new Color(0xE6, 0xEE, 0xF0), x1, x2, by,
                    Element.ALIGN_LEFT);
        }
    }

    private static void fill(PdfContentByte cb, Color c, float x, float y, float w, float h) {
        cb.saveState();
        cb.setColorFill(c);
        cb.rectangle(x, y, w, h);
        cb.fill();
        cb.restoreState();
    }

    private static void fillStroke(PdfContentByte cb, Color c, float x1, float y, float x2) {
        cb.saveState();
        cb.setColorStroke(c);
        cb.setLineWidth(0.6f);
        cb.moveTo(x1, y);
        cb.lineTo(x2, y);
        cb.stroke();
        cb.restoreState();
    }
}
