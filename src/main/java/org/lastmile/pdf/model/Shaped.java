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
}
