package org.lastmile.pdf.model;

import java.awt.Color;

/** One thing placed on a page. Coordinates in points from the page's bottom-left corner. */
public sealed interface Box permits Box.Glyphs, Box.Rule, Box.Fill, Box.Picture, Box.Link, Box.Anchor {

    Tag tag();

    /**
     * Text set in one font at one size, starting at {@code x} on the baseline {@code y}, in logical order. Layout
     * places every word (and every piece of a word in another font) as its own box, so justification is exact
     * whatever the font's encoding. {@code width} is the advance layout measured for it, with the glyphs scaled
     * horizontally by {@code expansion} (1: as the font draws them) after {@code tracking} points were added to
     * each glyph's advance (PDF's character spacing, 0: none). A justified line may be set a little wider or
     * narrower so; the painter prints it exactly so. {@code shaped} is null for text painted character by character
     * (Latin, Cyrillic, Chinese…); for a script that needs shaping (Arabic) it holds the glyphs layout measured,
     * which are exactly what is painted (shaped text is never expanded or tracked).
     */
    record Glyphs(float x, float y, float width, String font, float size, Color color, String text, Tag tag,
                  float expansion, float tracking, Shaped shaped) implements Box {

        /** The same text, shaped or not, with another place in the document's structure. */
        public Glyphs withTag(Tag t) {
            return new Glyphs(x, y, width, font, size, color, text, t, expansion, tracking, shaped);
        }

        /** Text painted from its characters, scaled and tracked as a justified line needs. */
        public Glyphs(float x, float y, float width, String font, float size, Color color, String text, Tag tag,
                      float expansion, float tracking) {
            this(x, y, width, font, size, color, text, tag, expansion, tracking, null);
        }

        /** Glyphs as the font draws them, without shaping. */
        public Glyphs(float x, float y, float width, String font, float size, Color color, String text, Tag tag) {
            this(x, y, width, font, size, color, text, tag, 1f, 0f, null);
        }
    }

    /** A straight line from (x1, y1) to (x2, y2). */
    record Rule(float x1, float y1, float x2, float y2, float thickness, Color color, Tag tag) implements Box {
    }

    /** A filled rectangle (bands, table header and stripes, callout backgrounds, QR modules). */
    record Fill(float x, float y, float width, float height, Color color, Tag tag) implements Box {
    }

    /** An image scaled into the rectangle; {@code image} is a key of {@link LaidOut#images()}. */
    record Picture(float x, float y, float width, float height, String image, String alt, Tag tag) implements Box {
    }

    /**
     * A clickable area: an external {@code uri}, or a jump to the named destination {@code destination} in the same
     * document (exactly one of them is set).
     */
    record Link(float x, float y, float width, float height, String uri, String destination, Tag tag)
            implements Box {
    }

    /** A named destination (target of footnote links and bookmarks) at height {@code y}. */
    record Anchor(String name, float x, float y, Tag tag) implements Box {
    }
}
