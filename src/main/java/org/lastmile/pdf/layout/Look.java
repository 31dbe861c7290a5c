package org.lastmile.pdf.layout;

import org.lastmile.pdf.PdfStyle;

import java.awt.Color;

/**
 * Type sizes, leading, spacing and colours derived from the style and one body size, so the whole body scales when
 * the layout steps the size down. CJK text gets more leading (its glyphs fill the em square).
 */
public record Look(PdfStyle style, float size, boolean cjk, boolean tall) {

    /**
     * Leading of headings in scripts that reach far above and below the baseline (Arabic: its letters stack marks
     * and descend deep), where Latin heading leading would let one line's descenders touch the next line's dots.
     */
    static final float TALL_HEADING_LEADING = 1.5f;

    public Look(PdfStyle style, float size, boolean cjk) {
        this(style, size, cjk, false);
    }

    static final float CJK_LEADING = 1.62f;

    public static final Color INK = new Color(0x1F, 0x24, 0x2B);
    public static final Color MUTED = new Color(0x5A, 0x63, 0x6E);
    public static final Color HAIRLINE = new Color(0xC9, 0xCF, 0xD6);

    float leading() {
        return size * (cjk ? CJK_LEADING : 1.42f);
    }

    float leadSize() {
        return size * 1.13f;
    }

    float leadLeading() {
        return leadSize() * (cjk ? CJK_LEADING : 1.38f);
    }

    float h2() {
        return size * 1.42f;
    }

    float h2Leading() {
        return h2() * (tall ? TALL_HEADING_LEADING : 1.2f);
    }

    float h3() {
        return size * 1.12f;
    }

    float h3Leading() {
        return h3() * (tall ? TALL_HEADING_LEADING : 1.3f);
    }

    float small() {
        return Math.max(size * 0.86f, 7f);
    }

    float smallLeading() {
        return small() * (cjk ? CJK_LEADING : 1.36f);
    }

    float tableSize() {
        return Math.max(size * 0.9f, 7.5f);
    }

    float tableLeading() {
        return tableSize() * (cjk ? 1.42f : 1.3f);
    }

    float quoteSize() {
        return size * 1.08f;
    }

    float quoteLeading() {
        return quoteSize() * (cjk ? CJK_LEADING : 1.38f);
    }

    float paraSpace() {
        return size * 0.55f;
    }

    float listIndent() {
        return size * 1.4f;
    }

    float markerGap() {
        return size * 0.45f;
    }

    Color primary() {
        return style.primary();
    }

    Color accent() {
        return style.accent();
    }

    /** The primary colour mixed with white: {@code amount} 0 is white, 1 is the colour. */
    Color tint(float amount) {
        return mix(primary(), amount);
    }

    static Color mix(Color c, float amount) {
        return new Color(Math.round(255 - (255 - c.getRed()) * amount), Math.round(255 - (255 - c.getGreen()) * amount),
                Math.round(255 - (255 - c.getBlue()) * amount));
    }

    /** A darker shade of the primary colour for text on white. */
    Color primaryDark() {
        Color p = primary();
        return new Color(Math.round(p.getRed() * 0.8f), Math.round(p.getGreen() * 0.8f),
                Math.round(p.getBlue() * 0.8f));
    }
}
