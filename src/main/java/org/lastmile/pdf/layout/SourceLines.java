package org.lastmile.pdf.layout;

import com.vladsch.flexmark.util.ast.Node;

/**
 * The source-file line of a Markdown node, for diagnostics and for the line each run of text remembers. The body of
 * a guide starts after its front matter, so lines are counted from {@code lineOffset}.
 */
final class SourceLines {
    /** Where each line of the document starts (offsets into its text), so a node's line is a binary search. */
    private final int[] lineStarts;
    private final int lineOffset;

    SourceLines(CharSequence text, int lineOffset) {
        this.lineStarts = lineStarts(text);
        this.lineOffset = lineOffset;
    }

    /**
     * The file line of a node. Flexmark's own {@code getLineNumber} counts line ends from the top of the document on
     * every call, which made this a tenth of a guide's typesetting time; the line starts are found once instead.
     */
    int of(Node n) {
        int at = java.util.Arrays.binarySearch(lineStarts, n.getStartOffset());
        int line = at >= 0 ? at : -at - 2;
        return lineOffset + line + 1;
    }

    /** Offsets where lines start: 0, then after every LF, CR LF or lone CR (as flexmark counts lines). */
    private static int[] lineStarts(CharSequence text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') {
                if (n == starts.length) starts = java.util.Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }
}
