package org.lastmile.pdf.layout;

import com.ibm.icu.text.Bidi;

import java.util.List;

/**
 * The visual order of one set line (Unicode bidi algorithm, rules L1–L2, by ICU4J). A line is a row of fragments
 * (words or pieces of words) and the gaps between them (word spaces, stretched when justified), in logical order.
 * Each fragment and each gap gets the embedding level of its text within the line, and the whole row is reordered
 * by those levels: in an Arabic line the words run from the right, while an English name or a number inside it keeps
 * its left-to-right order; in an English line an Arabic phrase reads from its right. Gaps move with the text they
 * separate, so a justified line stays justified. Within a fragment, the order of its characters is the painter's
 * and the shaper's business.
 */
final class LineBidi {
    private LineBidi() {
    }

    /** The width the line's fragments span, from the start of the line. */
    static float extent(List<Paragraph.Frag> frags) {
        float w = 0;
        for (Paragraph.Frag f : frags) w = Math.max(w, f.x() + f.width());
        return w;
    }

    /**
     * For each fragment, its left edge measured from the line's left edge, or null when the line is left to right
     * with no right-to-left text (then fragments stand where layout put them).
     */
    static float[] lefts(List<Paragraph.Frag> frags, boolean rtl) {
        int n = frags.size();
        if (n == 0 || (!rtl && frags.stream().noneMatch(f -> hasRightToLeft(f.text())))) return null;
        // The line's text, with a space wherever a gap separates two fragments, and where each fragment starts in it.
        StringBuilder text = new StringBuilder();
        int[] start = new int[n];
        int[] end = new int[n];
        float[] gapBefore = new float[n];
        for (int k = 0; k < n; k++) {
            Paragraph.Frag f = frags.get(k);
            float gap = k == 0 ? f.x() : f.x() - (frags.get(k - 1).x() + frags.get(k - 1).width());
            gapBefore[k] = gap;
            boolean spaced = k > 0 && text.charAt(text.length() - 1) == ' ';
            if (k > 0 && gap > 0.01f * f.size() && !spaced) text.append(' ');
            // A word's own following space (kept in its text for extraction) is part of the gap, not of the word.
            String word = f.text().stripTrailing();
            start[k] = text.length();
            text.append(word.isEmpty() ? " " : word);
            end[k] = text.length();
            text.append(f.text(), word.length(), f.text().length());
        }
        Bidi bidi = new Bidi(text.toString(), rtl ? Bidi.RTL : Bidi.LTR);
        byte para = (byte) (rtl ? 1 : 0);
        // Tokens: gap 0, fragment 0, gap 1, fragment 1, …
        byte[] levels = new byte[2 * n];
        float[] widths = new float[2 * n];
        for (int k = 0; k < n; k++) {
            byte own = level(bidi, text, start[k], end[k]);
            // A fragment without letters that touches the one before (a hyphen at a break, a closing mark in another
            // font, a footnote number) stays with it.
            boolean weak = own < 0;
            if (weak && k > 0 && start[k] == end[k - 1]) own = levels[2 * k - 1];
            levels[2 * k + 1] = weak && own < 0 ? (byte) (-own - 1) : own;
            widths[2 * k + 1] = frags.get(k).width();
            widths[2 * k] = Math.max(0, gapBefore[k]);
            if (k == 0) {
                levels[0] = para;
            } else if (start[k] > end[k - 1]) {
                levels[2 * k] = bidi.getLevelAt(end[k - 1]); // the space's own resolved level
            } else {
                // Fragments that touch (a word in two fonts): the gap, of no width, belongs to both.
                levels[2 * k] = (byte) Math.min(levels[2 * k - 1], levels[2 * k + 1]);
            }
        }
        int[] visual = Bidi.reorderVisual(levels);
        float[] tokenLeft = new float[2 * n];
        float pen = 0;
        for (int v : visual) {
            tokenLeft[v] = pen;
            pen += widths[v];
        }
        float[] out = new float[n];
        for (int k = 0; k < n; k++) out[k] = tokenLeft[2 * k + 1];
        return out;
    }

    /**
     * A fragment's level: that of its first letter or digit, as the algorithm resolved it ("coverage." goes with the
     * English before it, "الباب." with the Arabic, "2030." with the words around it), else −1 − its lowest (a
     * bullet, a hyphen, a dash: nothing in it decides).
     */
    private static byte level(Bidi bidi, CharSequence text, int start, int end) {
        byte lowest = Byte.MAX_VALUE;
        for (int i = start; i < end; i++) {
            byte d = com.ibm.icu.lang.UCharacter.getDirectionality(text.charAt(i));
            if (d == com.ibm.icu.lang.UCharacterDirection.LEFT_TO_RIGHT
                    || d == com.ibm.icu.lang.UCharacterDirection.RIGHT_TO_LEFT
                    || d == com.ibm.icu.lang.UCharacterDirection.RIGHT_TO_LEFT_ARABIC
                    || d == com.ibm.icu.lang.UCharacterDirection.EUROPEAN_NUMBER
                    || d == com.ibm.icu.lang.UCharacterDirection.ARABIC_NUMBER) {
                return bidi.getLevelAt(i);
            }
            lowest = (byte) Math.min(lowest, bidi.getLevelAt(i));
        }
        return (byte) (-lowest - 1);
    }

    /** Whether the text has a character of a right-to-left script (or a bidi control). */
    static boolean hasRightToLeft(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
                    || (c >= 0xD800 && c <= 0xDFFF) || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }
}
