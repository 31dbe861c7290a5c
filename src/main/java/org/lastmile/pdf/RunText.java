package org.lastmile.pdf;

import org.lastmile.pdf.model.Box;

import java.util.List;

/**
 * The text a run of boxes reads as, for {@link Tagging}: what assistive technology and text extraction get for a
 * structure element, and what decides whether a run is right to left.
 */
final class RunText {
    private RunText() {
    }

    /** The words of a run, with a space where layout left a gap between them or started a new line. */
    static String of(List<Box> group) {
        StringBuilder s = new StringBuilder();
        Box.Glyphs prev = null;
        for (Box b : group) {
            if (!(b instanceof Box.Glyphs g)) continue;
            boolean touches = Math.abs(g.x() - (prev == null ? 0 : prev.x() + prev.width())) <= 0.5f
                    || Math.abs((prev == null ? 0 : prev.x()) - (g.x() + g.width())) <= 0.5f;  // either direction
            if (prev != null && (Math.abs(prev.y() - g.y()) > 0.5f || !touches)) {
                s.append(' ');
            }
            s.append(g.text());
            prev = g;
        }
        return collapseSpaces(s).strip();
    }

    /**
     * Each run of white space as one space: what {@code replaceAll("\\s+", " ")} does (regex {@code \s} is these six
     * ASCII characters), without a regular expression, for the actual text of every group of every page.
     */
    static String collapseSpaces(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!inRun) out.append(' ');
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }
}
