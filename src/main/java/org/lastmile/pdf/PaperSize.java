package org.lastmile.pdf;

import org.openpdf.text.Rectangle;

/** Page sizes a guide can be set on, with the sheet its booklet is imposed on (two pages side by side). */
public enum PaperSize {
    /** ISO A4 (210 × 297 mm); booklet on A3 landscape. */
    A4(595.276f, 841.89f, "A3"),
    /** US Letter (8.5 × 11 in); booklet on Tabloid/Ledger landscape (17 × 11 in). */
    LETTER(612f, 792f, "Tabloid");

    private final float width;
    private final float height;
    private final String sheetName;

    PaperSize(float width, float height, String sheetName) {
        this.width = width;
        this.height = height;
        this.sheetName = sheetName;
    }

    /** {@code "letter"}/{@code "us-letter"} (any case) is Letter, anything else A4. */
    public static PaperSize of(String s) {
        if (s == null) return A4;
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return t.equals("letter") || t.equals("us-letter") || t.equals("usletter") ? LETTER : A4;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    /** Page rectangle in points. */
    public Rectangle page() {
        return new Rectangle(width, height);
    }

    /** The landscape sheet that holds two pages side by side. */
    public Rectangle sheet() {
        return new Rectangle(width * 2, height);
    }

    /** "A3" or "Tabloid". */
    public String sheetName() {
        return sheetName;
    }

    /** The size whose page matches {@code w × h} points (±2 pt), if any. */
    static PaperSize match(float w, float h) {
        for (PaperSize p : values()) {
            if (Math.abs(p.width - w) < 2 && Math.abs(p.height - h) < 2) return p;
        }
        return null;
    }
}
