package org.lastmile.pdf.model;

import java.util.List;

/**
 * Text as the font's shaping tables made it: glyph ids and their places, in the order they are drawn left to right
 * (visual order), for scripts whose letters change form with their neighbours (Arabic contextual forms, lam-alef
 * ligatures, marks placed over and under letters). Measures are in thousandths of an em, so one shaped word serves
 * every type size; the text it was shaped from stays in its {@link Box.Glyphs} box, in logical order, for text
 * extraction and tagging.
 *
 * @param glyphs  the glyphs, leftmost first
 * @param advance the whole run's advance width
 */
public record Shaped(List<Glyph> glyphs, float advance) {

    public Shaped {
        glyphs = List.copyOf(glyphs);
    }

    /**
     * One glyph: its id in the font, where its origin sits from the run's start ({@code y} up from the baseline,
     * non-zero for marks), the advance its font gives it when nothing adjusts it ({@code hmtx}, in whole
     * thousandths as a PDF font's widths are written), and the character it was shaped from (the first of its
     * cluster), which the PDF font's character map gives for it.
     */
    public record Glyph(int id, float x, float y, int fontAdvance, int character) {
    }

    /**
     * Whether {@code text} has a character of a script that needs shaping: Hebrew to Myanmar (U+0590–U+109F), Khmer
     * and Mongolian, and the Hebrew and Arabic presentation forms. Latin, Cyrillic, Greek and CJK text is painted
     * from its characters.
     */
    public static boolean needed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x0590 && c <= 0x109F) || (c >= 0x1780 && c <= 0x18AF) || (c >= 0xFB1D && c <= 0xFDFF)
                    || (c >= 0xFE70 && c <= 0xFEFE)) {
                return true;
            }
        }
        return false;
    }
}
