package org.lastmile.pdf.layout;

import com.ibm.icu.text.Bidi;

import java.util.ArrayList;
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
     * A line in visual order: its fragments in logical order, where a fragment of unshaped text whose characters
     * the algorithm puts at different levels is cut into pieces of one level each (the brackets of "(UHC)" in an
     * Arabic line belong to the Arabic, the letters to the English); each piece's left edge from the line's left
     * edge; and which pieces stand at a right-to-left level without a letter of their own, whose brackets must be
     * drawn mirrored.
     */
    record Placed(List<Paragraph.Frag> frags, float[] lefts, boolean[] mirrored) {
    }

    /** The line placed in visual order, or null when it is left to right with no right-to-left text. */
    static Placed place(List<Paragraph.Frag> frags, boolean rtl, FontMetrics fm) {
        if (frags.isEmpty() || (!rtl && frags.stream().noneMatch(f -> hasRightToLeft(f.text())))) return null;
        String text = lineText(frags, null, null);
        Bidi bidi = new Bidi(text, rtl ? Bidi.RTL : Bidi.LTR);
        List<Paragraph.Frag> pieces = new ArrayList<>();
        List<Byte> fixed = new ArrayList<>();
        int[] start = new int[frags.size()];
        lineText(frags, start, null);
        for (int k = 0; k < frags.size(); k++) {
            Paragraph.Frag f = frags.get(k);
            String core = f.text().stripTrailing();
            int at = start[k];
            boolean mixed = false;
            for (int i = 1; i < core.length(); i++) mixed |= bidi.getLevelAt(at + i) != bidi.getLevelAt(at);
            if (!mixed || fm.shape(f.face(), core) != null || f.compressed() || f.shift() != 0) {
                pieces.add(f);
                fixed.add((byte) -1);
                continue;
            }
            // Cut at each change of level; the pieces share the fragment's width in proportion to their own.
            List<int[]> cuts = new ArrayList<>();
            int from = 0;
            for (int i = 1; i <= core.length(); i++) {
                if (i == core.length() || bidi.getLevelAt(at + i) != bidi.getLevelAt(at + from)) {
                    cuts.add(new int[]{from, i});
                    from = i;
                }
            }
            float scale = f.style().glyphScale();
            float[] w = new float[cuts.size()];
            float sum = 0;
            for (int c = 0; c < cuts.size(); c++) {
                w[c] = fm.width(f.face(), core.substring(cuts.get(c)[0], cuts.get(c)[1]), f.size() * scale);
                sum += w[c];
            }
            float x = f.x();
            for (int c = 0; c < cuts.size(); c++) {
                int a = cuts.get(c)[0];
                int b = c == cuts.size() - 1 ? f.text().length() : cuts.get(c)[1];
                float pw = sum > 0 ? f.width() * w[c] / sum : f.width() / cuts.size();
                pieces.add(new Paragraph.Frag(f.text().substring(a, b), f.face(), f.style(), f.line(), x, pw, f.size(),
                        0, false, f.expansion(), f.tracking()));
                fixed.add(bidi.getLevelAt(at + a));
                x += pw;
            }
        }
        byte[] levels = new byte[pieces.size()];
        for (int i = 0; i < levels.length; i++) levels[i] = fixed.get(i);
        float[] lefts = lefts(pieces, rtl, levels);
        boolean[] mirrored = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            mirrored[i] = levels[i] >= 0 && (levels[i] & 1) == 1 && !hasRightToLeft(pieces.get(i).text());
        }
        return new Placed(List.copyOf(pieces), lefts, mirrored);
    }

    /**
     * The line's text as the bidi algorithm reads it: fragments with a space wherever a gap separates two, a word's own
     * following space kept after it. Fills {@code start} and {@code end} (where each fragment's text, without its
     * following space, stands) when given.
     */
    private static String lineText(List<Paragraph.Frag> frags, int[] start, int[] end) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < frags.size(); k++) {
            Paragraph.Frag f = frags.get(k);
            float gap = k == 0 ? f.x() : f.x() - (frags.get(k - 1).x() + frags.get(k - 1).width());
            boolean spaced = k > 0 && text.charAt(text.length() - 1) == ' ';
            if (k > 0 && gap > 0.01f * f.size() && !spaced) text.append(' ');
            String word = f.text().stripTrailing();
            if (start != null) start[k] = text.length();
            text.append(word.isEmpty() ? " " : word);
            if (end != null) end[k] = text.length();
            text.append(f.text(), word.length(), f.text().length());
        }
        return text.toString();
    }

    /**
     * For each fragment, its left edge measured from the line's left edge, or null when the line is left to right
     * with no right-to-left text (then fragments stand where layout put them).
     */
    static float[] lefts(List<Paragraph.Frag> frags, boolean rtl) {
        if (frags.isEmpty() || (!rtl && frags.stream().noneMatch(f -> hasRightToLeft(f.text())))) return null;
        byte[] free = new byte[frags.size()];
        java.util.Arrays.fill(free, (byte) -1);
        return lefts(frags, rtl, free);
    }

    /** As above, with levels already known for some fragments ({@code fixed[k] >= 0}); fills in the others. */
    private static float[] lefts(List<Paragraph.Frag> frags, boolean rtl, byte[] fixed) {
        int n = frags.size();
        // The line's text, and where each fragment stands in it (a word's own following space is part of the gap).
        int[] start = new int[n];
        int[] end = new int[n];
        float[] gapBefore = new float[n];
        for (int k = 0; k < n; k++) {
            Paragraph.Frag f = frags.get(k);
            gapBefore[k] = k == 0 ? f.x() : f.x() - (frags.get(k - 1).x() + frags.get(k - 1).width());
        }
        String text = lineText(frags, start, end);
        Bidi bidi = new Bidi(text, rtl ? Bidi.RTL : Bidi.LTR);
        byte para = (byte) (rtl ? 1 : 0);
        // Tokens: gap 0, fragment 0, gap 1, fragment 1, …
        byte[] levels = new byte[2 * n];
        float[] widths = new float[2 * n];
        for (int k = 0; k < n; k++) {
            byte own = fixed[k] >= 0 ? fixed[k] : level(bidi, text, start[k], end[k]);
            // A fragment without letters or digits that ends the line touching the word before (the hyphen of a broken
            // word) stays with that word; elsewhere it stands where the algorithm resolved it (the brackets around an
            // English name in an Arabic line go with the Arabic).
            boolean weak = own < 0;
            if (weak && k == n - 1 && k > 0 && start[k] == end[k - 1]) own = levels[2 * k - 1];
            levels[2 * k + 1] = weak && own < 0 ? (byte) (-own - 1) : own;
            fixed[k] = levels[2 * k + 1];
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
