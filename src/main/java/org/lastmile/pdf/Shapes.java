package org.lastmile.pdf;

import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.Page;
import org.openpdf.text.pdf.PdfContentByte;

import java.awt.Color;
import java.util.List;

/** The {@link Painter}'s vector graphics: filled rectangles and rules, and the fill colour of print. */
final class Shapes {
    /** How close to the trim edge a fill must come to be carried into the bleed. */
    private static final float EDGE = 0.01f;

    private Shapes() {
    }

    /**
     * Sets the fill colour. For print (a PDF with a bleed) the near-black ink of text and QR codes becomes pure black,
     * DeviceGray 0, which a print shop outputs on the black plate alone: small text in a four-colour near-black
     * blurs when the plates are a hair out of register. On screen it stays the theme's softer #1F242B.
     */
    static void fillColor(PdfContentByte cb, Color c, boolean print) {
        if (print && nearBlack(c)) {
            cb.setGrayFill(0);
        } else {
            cb.setColorFill(c);
        }
    }

    /** A dark neutral: every channel at most 0x40 and within 0x10 of the others. */
    static boolean nearBlack(Color c) {
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max <= 0x40 && max - min <= 0x10;
    }

    /** Rules of one colour and thickness. */
    static void rules(PdfContentByte cb, List<Box> rules) {
        Box.Rule first = (Box.Rule) rules.get(0);
        cb.saveState();
        cb.setColorStroke(first.color() == null ? Color.BLACK : first.color());
        cb.setLineWidth(first.thickness());
        for (Box b : rules) {
            Box.Rule r = (Box.Rule) b;
            cb.moveTo(r.x1(), r.y1());
            cb.lineTo(r.x2(), r.y2());
        }
        cb.stroke();
        cb.restoreState();
    }

    /**
     * Rectangles of one colour, filled (never stroked). With a bleed, a side that reaches the trim edge (a band, the
     * cover's colour block) is carried to the edge of the bleed, so that trimming a little off never shows paper.
     */
    static void fills(PdfContentByte cb, List<Box> fills, Page page, float bleed) {
        Box.Fill first = (Box.Fill) fills.get(0);
        cb.saveState();
        fillColor(cb, first.color() == null ? Color.BLACK : first.color(), bleed > 0);
        for (Box b : fills) {
            Box.Fill f = (Box.Fill) b;
            float x1 = f.x();
            float y1 = f.y();
            float x2 = f.x() + f.width();
            float y2 = f.y() + f.height();
            if (bleed > 0 && page != null) {
                if (x1 <= EDGE) x1 = -bleed;
                if (y1 <= EDGE) y1 = -bleed;
                if (x2 >= page.width() - EDGE) x2 = page.width() + bleed;
                if (y2 >= page.height() - EDGE) y2 = page.height() + bleed;
            }
            cb.rectangle(x1, y1, x2 - x1, y2 - y1);
        }
        cb.fill();
        cb.restoreState();
    }
}
