package org.lastmile.pdf.layout;

/**
 * A piece of inline text with one style, and the source line it came from (1-based line in the file, 0 if unknown,
 * e.g. front-matter values), which missing-glyph diagnostics point at.
 */
public record Run(String text, TextStyle style, int line) {

    public static Run of(String text, TextStyle style) {
        return new Run(text, style, 0);
    }
}
