package org.lastmile.pdf.layout;

/**
 * What layout needs to know of the fonts, by font file name ({@code NotoSans-Regular.ttf}): whether a character has
 * a glyph and how wide text is. The painter's fonts implement it, so what layout measures is what is printed.
 */
public interface FontMetrics {
    boolean hasGlyph(String font, int codePoint);

    /** Advance width of {@code text} set in {@code font} at {@code size} points, unkerned, in points. */
    float width(String font, String text, float size);

    /** Height of the font's ascender above the baseline at {@code size}, in points. */
    float ascent(String font, float size);

    /** Depth of the font's descender at {@code size}: negative, below the baseline. */
    float descent(String font, float size);

    /**
     * The glyphs of {@code text} set in {@code font} as the font's OpenType tables shape them, or null when the text
     * needs no shaping and is painted character by character. When not null, {@link #width} of the same text is
     * the shaped advance, so what layout measures is what is painted.
     */
    default org.lastmile.pdf.model.Shaped shape(String font, String text) {
        return null;
    }
}
