package org.lastmile.pdf;

import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks a paragraph into lines by total fit, the way TeX does (simplified: stretchable spaces, no shrinking, no
 * hyphenation): among all sequences of break opportunities that ICU allows for the language, it picks the one whose
 * lines are most evenly full, instead of OpenPDF's first-fit. Justified text then has few loose lines; ragged text
 * gets an even right edge. Each resulting line is set on its own by ColumnText (one line, justified or start-aligned),
 * so the last line of a paragraph is always at natural spacing.
 *
 * <p>Chinese line-breaking rules hold because lines only end where {@link LineBreaker} allows.
 */
final class LineComposer {
    private LineComposer() {
    }

    /**
     * One composed line: its text as a phrase of slices of the paragraph's chunks, how to align it, its natural
     * width and the width it is justified to (the measure, or less when filling the measure would open word gaps so
     * wide that they read as column gaps — in print and to text extractors).
     */
    record Line(Phrase phrase, int alignment, float naturalWidth, float setWidth) {
    }

    /** A word space may grow to this many times its natural width (≈ 0.7 em with Noto Sans), no more. */
    static final float MAX_SPACE_GROWTH = 2.7f;

    private static final double INFEASIBLE = Double.POSITIVE_INFINITY;

    /**
     * Lines of the phrase for a measure of {@code width} points.
     *
     * @param justify whether lines other than the last (and those ending at a hard break) are justified
     * @param cjk     whether stretch comes from spacing between characters rather than spaces only
     */
    static List<Line> compose(Phrase phrase, float width, LineBreaker breaker, boolean justify, boolean cjk) {
        List<Chunk> chunks = new ArrayList<>();
        for (Element e : phrase.getChunks()) {
            if (e instanceof Chunk c && !c.getContent().isEmpty()) chunks.add(c);
        }
        StringBuilder sb = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            String t = chunks.get(i).getContent();
            sb.append(t);
            for (int k = 0; k < t.length(); k++) owner.add(i);
        }
        String s = sb.toString();
        int n = s.length();
        List<Line> out = new ArrayList<>();
        if (n == 0) {
            out.add(new Line(slice(phrase, chunks, owner, s, 0, 0), Element.ALIGN_LEFT, 0, 0));
            return out;
        }
        float[] w = new float[n];
        float[] space = new float[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            Font f = chunks.get(owner.get(i)).getFont();
            BaseFont bf = f.getBaseFont();
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                w[i] = 0;
                continue;
            }
            int cp = s.codePointAt(i);
            if (noPrint(cp) || cp == '\n') {
                w[i] = 0;
                continue;
            }
            w[i] = bf.getWidthPoint(cp, f.getSize());
            space[i] = bf.getWidthPoint(' ', f.getSize());
        }
        // break opportunities over the whole paragraph (across chunks), plus hard breaks
        char[] cc = s.toCharArray();
        boolean[] canEnd = new boolean[n + 1];
        for (int i = 0; i < n - 1; i++) {
            Map<String, Object> attrs = chunks.get(owner.get(i)).getChunkAttributes();
            Object own = attrs == null ? null : attrs.get(Chunk.SPLITCHARACTER);
            if (own == Typesetter.NEVER) continue;
            if (breaker.isSplitCharacter(0, i, n, cc, null)) {
                int next = i + 1;
                if (Character.isHighSurrogate(cc[i]) && next < n && Character.isLowSurrogate(cc[next])) continue;
                canEnd[next] = true;
            }
        }
        canEnd[n] = true;
        int segStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '\n') {
                composeSegment(phrase, chunks, owner, s, w, space, canEnd, segStart, i, width, justify, cjk,
                        i < n, out);
                segStart = i + 1;
            }
        }
        return out;
    }

    private static void composeSegment(Phrase phrase, List<Chunk> chunks, List<Integer> owner, String s, float[] w,
                                       float[] space, boolean[] canEnd, int from, int to, float width,
                                       boolean justify, boolean cjk, boolean hardBreak, List<Line> out) {
        if (from >= to) {
            out.add(new Line(slice(phrase, chunks, owner, s, from, from), Element.ALIGN_LEFT, 0, 0));
            return;
        }
        // candidate ends within the segment
        List<Integer> ends = new ArrayList<>();
        ends.add(from);
        for (int p = from + 1; p < to; p++) if (canEnd[p]) ends.add(p);
        ends.add(to);
        int m = ends.size();
        double[] best = new double[m];
        int[] prev = new int[m];
        java.util.Arrays.fill(best, INFEASIBLE);
        best[0] = 0;
        for (int j = 1; j < m; j++) {
            int b = ends.get(j);
            boolean last = j == m - 1;
            double bestCost = INFEASIBLE;
            int bestI = -1;
            float shortestOverfull = Float.POSITIVE_INFINITY;
            int overfullI = -1;
            for (int i = j - 1; i >= 0; i--) {
                if (best[i] == INFEASIBLE) continue;
                int a = ends.get(i);
                int[] r = trim(s, a, b);
                float natural = sum(w, r[0], r[1]);
                if (natural > width) {
                    // too long, and starting earlier only makes it longer; remember a single overfull word in case
                    // nothing fits
                    if (i == j - 1 && natural < shortestOverfull) {
                        shortestOverfull = natural;
                        overfullI = i;
                    }
                    break;
                }
                double c = best[i] + cost(s, w, space, r[0], r[1], natural, width, last, justify, cjk);
                if (c < bestCost) {
                    bestCost = c;
                    bestI = i;
                }
            }
            if (bestI < 0 && overfullI >= 0) {
                bestCost = best[overfullI] + 1e16;
                bestI = overfullI;
            }
            best[j] = bestCost;
            prev[j] = bestI;
        }
        // walk back
        List<int[]> ranges = new ArrayList<>();
        int j = m - 1;
        if (best[j] == INFEASIBLE) {
            // cannot happen (every single step is allowed overfull), but never lose text
            ranges.add(trim(s, from, to));
        } else {
            while (j > 0) {
                int i = prev[j];
                ranges.add(0, trim(s, ends.get(i), ends.get(j)));
                j = i;
            }
        }
        for (int k = 0; k < ranges.size(); k++) {
            int[] r = ranges.get(k);
            boolean last = k == ranges.size() - 1;
            float natural = sum(w, r[0], r[1]);
            int align = justify && !last && stretchable(s, r[0], r[1], cjk) ? Element.ALIGN_JUSTIFIED_ALL
                    : Element.ALIGN_LEFT;
            float setWidth = width;
            if (align == Element.ALIGN_JUSTIFIED_ALL && !cjk) {
                float maxGrowth = 0;
                for (int i = r[0]; i < r[1]; i++) {
                    if (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0') maxGrowth += space[i] * (MAX_SPACE_GROWTH - 1);
                }
                setWidth = Math.min(width, natural + maxGrowth);
            }
            out.add(new Line(slice(phrase, chunks, owner, s, r[0], r[1]), align, natural, setWidth));

        }
    }

    /**
     * Demerits of a line (lower is better), after TeX: badness grows with the cube of how far the spaces must
     * stretch, demerits with its square, so one very loose line costs more than several fair ones, and a line that
     * cannot stretch at all (one word) costs more than any line that can.
     */
    private static double cost(String s, float[] w, float[] space, int a, int b, float natural, float width,
                               boolean last, boolean justify, boolean cjk) {
        float slack = width - natural;
        if (last) {
            // a last line of a single short word looks lost; prefer taking a word down with it
            int words = 0;
            for (int i = a; i < b; i++) if (s.charAt(i) == ' ') words++;
            return (!cjk && words == 0 && natural < width * 0.15f && a > 0) ? 1e6 : 0;
        }
        if (!justify) {
            double r = slack / width * 10.0;
            return r * r;
        }
        double stretch = 0;
        if (cjk) {
            stretch = Math.max(1, b - a - 1) * (w[a] > 0 ? w[a] * 0.15 : 1.5);
        } else {
            for (int i = a; i < b; i++) if (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0') stretch += space[i] * 0.6;
        }
        double badness = stretch <= 0 ? (slack < 1 ? 0 : 1e7) : 100.0 * Math.pow(slack / stretch, 3);
        return (10 + badness) * (10 + badness);
    }

    private static boolean stretchable(String s, int a, int b, boolean cjk) {
        if (cjk) return b - a > 1;
        for (int i = a; i < b; i++) if (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0') return true;
        return false;
    }

    /** [start, end) of the line's visible text: leading and trailing spaces dropped. */
    private static int[] trim(String s, int a, int b) {
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return new int[]{a, b};
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u200B';
    }

    private static float sum(float[] w, int a, int b) {
        float t = 0;
        for (int i = a; i < b; i++) t += w[i];
        return t;
    }

    static boolean noPrint(int c) {
        return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e);
    }

    /** The part [a, b) of the paragraph as a phrase of chunk slices that keep every attribute (links, notes…). */
    private static Phrase slice(Phrase phrase, List<Chunk> chunks, List<Integer> owner, String s, int a, int b) {
        Phrase p = new Phrase(phrase.getLeading(), "", phrase.getFont());
        int i = a;
        while (i < b) {
            int ci = owner.get(i);
            int j = i;
            while (j < b && owner.get(j) == ci) j++;
            Chunk src = chunks.get(ci);
            Chunk c = new Chunk(s.substring(i, j), src.getFont());
            Map<String, Object> attrs = src.getChunkAttributes();
            if (attrs != null && !attrs.isEmpty()) c.setChunkAttributes(new HashMap<>(attrs));
            p.add(c);
            i = j;
        }
        if (a == b) p.add(new Chunk("", phrase.getFont()));
        return p;
    }
}
