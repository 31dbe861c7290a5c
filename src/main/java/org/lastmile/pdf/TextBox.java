package org.lastmile.pdf;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.List;

/** Free-standing text (cover, back cover, footers): laid out by ColumnText with the language's line breaking. */
final class TextBox {
    private TextBox() {
    }

    /** Number of lines the runs take between x1 and x2. */
    static int lines(Typesetter ts, List<Run> runs, float size, float leading, float width) {
        ColumnText ct = column(null, ts, ts.phrase(runs, size, leading, Color.BLACK), leading, Element.ALIGN_LEFT);
        ct.setSimpleColumn(0, -1_000_000f, width, 0);
        go(ct, true);
        return ct.getLinesWritten();
    }

    /**
     * The narrowest width, not below half of {@code width}, at which the runs take no more lines than at
     * {@code width}: lines of similar length for titles (no single word or character alone on the last line).
     */
    static float balancedWidth(Typesetter ts, List<Run> runs, float size, float leading, float width) {
        int n = lines(ts, runs, size, leading, width);
        if (n <= 1) return width;
        float lo = width * 0.5f;
        float hi = width;
        for (int i = 0; i < 12; i++) {
            float mid = (lo + hi) / 2f;
            if (lines(ts, runs, size, leading, mid) <= n) hi = mid;
            else lo = mid;
        }
        return Math.min(width, hi + 1f);
    }

    /**
     * Sets the runs from {@code yTop} down between x1 and x2 (start-aligned for the language's direction unless
     * {@code align} says otherwise) and returns the y below the last line's descent.
     */
    static float draw(PdfContentByte cb, Typesetter ts, List<Run> runs, float size, float leading, Color color,
                      float x1, float x2, float yTop, int align) {
        Phrase p = ts.phrase(runs, size, leading, color);
        ColumnText ct = column(cb, ts, p, leading, align);
        ct.setSimpleColumn(x1, -1_000_000f, x2, yTop);
        go(ct, cb == null);
        return yTop - ct.getLinesWritten() * leading;
    }

    private static ColumnText column(PdfContentByte cb, Typesetter ts, Phrase p, float leading, int align) {
        ColumnText ct = new ColumnText(cb);
        ct.setRunDirection(ts.runDirection());
        ct.setLeading(leading, 0);
        ct.setAlignment(align);
        ct.setUseAscender(false);
        ct.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        ct.addText(p);
        return ct;
    }

    private static void go(ColumnText ct, boolean simulate) {
        try {
            ct.go(simulate);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of text at (x, y) aligned physically left/right/centre. */
    static void line(PdfContentByte cb, Typesetter ts, List<Run> runs, float size, Color color, float x, float y,
                     int align) {
        Phrase p = ts.phrase(runs, size, size * 1.2f, color);
        ColumnText.showTextAligned(cb, align, p, x, y, 0, ts.runDirection(), 0);
    }
}
