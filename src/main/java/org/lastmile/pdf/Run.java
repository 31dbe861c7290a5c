package org.lastmile.pdf;

import java.util.List;

/**
 * A piece of inline text with one style, and the source line it came from (1-based line in the file, 0 if unknown,
 * e.g. front-matter values), which missing-glyph diagnostics point at.
 */
record Run(String text, TextStyle style, int line) {

    static Run of(String text, TextStyle style) {
        return new Run(text, style, 0);
    }

    static List<Run> plain(String text) {
        return List.of(new Run(text, TextStyle.PLAIN, 0));
    }

    static List<Run> styled(String text, TextStyle style) {
        return List.of(new Run(text, style, 0));
    }
}
