package org.lastmile.pdf;

import org.openpdf.text.pdf.PdfWriter;

/** Writing direction of a guide's language; the layout mirrors itself for {@link #RTL}. */
public enum Direction {
    LTR, RTL;

    /** {@code "rtl"} (any case) is right-to-left; anything else left-to-right. */
    public static Direction of(String s) {
        return s != null && s.trim().equalsIgnoreCase("rtl") ? RTL : LTR;
    }

    public boolean rtl() {
        return this == RTL;
    }

    /** The OpenPDF run direction for ColumnText, table cells and aligned text. */
    int runDirection() {
        return this == RTL ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }
}
