package org.lastmile.pdf.layout;

import org.lastmile.pdf.layout.Paragraph.Atom;
import org.lastmile.pdf.layout.Paragraph.Kind;
import org.lastmile.text.Hyphenator;

import java.util.ArrayList;
import java.util.List;

import static org.lastmile.pdf.layout.Paragraph.CJK_STRETCH;
import static org.lastmile.pdf.layout.Paragraph.SPACE_SHRINK;
import static org.lastmile.pdf.layout.Paragraph.SPACE_STRETCH;

/**
 * Builds the size-independent atoms of one paragraph from its font runs: boxes split where face or style changes and
 * at hyphenation points (the author's soft hyphens first, else the language's patterns), word spaces as glue, ties
 * where a line may not break, forced breaks, and Chinese and Japanese punctuation compressed to half width. The
 * {@link Paragraph} then breaks these atoms into lines at any size and width. One per paragraph.
 */
final class ParagraphAtoms {
    private final Shaper shaper;
    private final FontMetrics fm;
    private final Hyphenator hyphenator;
    private final List<Atom> out = new ArrayList<>();
    private String text;
    private String[] face;
    private TextStyle[] style;
    private int[] line;

    ParagraphAtoms(Shaper shaper, Hyphenator hyphenator) {
        this.shaper = shaper;
        this.fm = shaper.metrics();
        this.hyphenator = hyphenator;
    }

    Paragraph build(List<Shaper.Piece> pieces, boolean justify) {
        // Flatten, dropping soft hyphens but remembering where the author allowed a break.
        StringBuilder b = new StringBuilder();
        List<String> faces = new ArrayList<>();
        List<TextStyle> styles = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Integer> soft = new ArrayList<>();
        for (Shaper.Piece p : pieces) {
            for (int i = 0; i < p.text().length(); i++) {
                char c = p.text().charAt(i);
                if (c == '\u00AD') {
                    soft.add(b.length());
                    continue;
                }
                b.append(c);
                faces.add(p.face());
                styles.add(p.style());
                lines.add(p.line());
            }
        }
        text = b.toString();
        int n = text.length();
        face = faces.toArray(new String[0]);
        style = styles.toArray(new TextStyle[0]);
        line = lines.stream().mapToInt(Integer::intValue).toArray();
        boolean[] softAt = new boolean[n + 1];
        for (int s : soft) softAt[s] = true;

        boolean[] opp = n == 0 ? new boolean[1] : shaper.breakOpportunities(text);
        for (int i = 1; i < n; i++) {
            if (text.charAt(i - 1) == '\n') opp[i] = true;
            if (style[i].noBreak() && style[i - 1].noBreak()) opp[i] = false;
        }
        if (shaper.spaceless()) keepLastLineCompanions(opp);

        int s = 0;
        for (int e = 1; e <= n; e++) {
            if (e < n && !opp[e]) continue;
            segment(s, e, softAt);
            s = e;
        }
        // Chinese and Japanese justify by spacing characters a little, so every break between them is glue.
        return new Paragraph(List.copyOf(out), fm, justify, shaper.cjk(), text.replace('\n', ' ').strip(), false);
    }

    /** No line of a Chinese paragraph may hold a single character: the last break leaves at least two. */
    private void keepLastLineCompanions(boolean[] opp) {
        int letters = 0;
        for (int i = text.length() - 1; i > 0; i--) {
            if (Character.isLetterOrDigit(text.charAt(i))) letters++;
            if (opp[i] && letters < 2) opp[i] = false;
            if (letters >= 2) break;
        }
    }

    private void segment(int s, int e, boolean[] softAt) {
        boolean forced = e > s && text.charAt(e - 1) == '\n';
        int coreEnd = forced ? e - 1 : e;
        int t = coreEnd;
        while (t > s && isSpace(text.charAt(t - 1))) t--;
        tied(s, t, softAt);
        if (forced) {
            out.add(new Atom(Kind.FORCED, "", face[s], style[s], line[s], 0, 0, 0, 0, 0));
            return;
        }
        if (t < coreEnd) {
            float w = fm.width(face[t], text.substring(t, coreEnd), 1f) * style[t].glyphScale();
            out.add(new Atom(Kind.GLUE, " ", face[t], style[t], line[t], w, 0, w * SPACE_STRETCH,
                    w * SPACE_SHRINK, 0));
        } else if (e < text.length()) {
            if (shaper.cjk()) {
                out.add(new Atom(Kind.GLUE, "", face[s], style[s], line[s], 0, 0, CJK_STRETCH, 0, 0));
            } else {
                out.add(new Atom(Kind.BREAK, "", face[s], style[s], line[s], 0, 0, 0, 0, 0));
            }
        }
    }

    /**
     * The words of text[s, t), which holds no break opportunity: spaces inside it (after a one-letter Russian
     * preposition, before a dash) are glue that stretches like every other word space but where the line may not
     * break, and each word is hyphenated on its own. Text kept on one line (a language name) stays one box.
     */
    private void tied(int s, int t, boolean[] softAt) {
        int start = s;
        for (int i = s + 1; i < t - 1; i++) {
            if (text.charAt(i) != ' ' || text.charAt(i - 1) == ' ' || i <= start || style[i].noBreak()) continue;
            int j = i;
            while (j < t && text.charAt(j) == ' ') j++;
            if (j >= t) break;
            boxes(start, i, softAt);
            float w = fm.width(face[i], text.substring(i, j), 1f) * style[i].glyphScale();
            out.add(new Atom(Kind.TIE, "", face[i], style[i], line[i], 0, 0, 0, 0, 0));
            out.add(new Atom(Kind.GLUE, " ", face[i], style[i], line[i], w, 0, w * SPACE_STRETCH,
                    w * SPACE_SHRINK, 0));
            start = j;
            i = j - 1;
        }
        boxes(start, t, softAt);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\u2009' || c == '\u200B';
    }

    /** The boxes of text[s, t): split where face or style changes and at hyphenation points. */
    private void boxes(int s, int t, boolean[] softAt) {
        if (s >= t) return;
        int[] points = hyphenPoints(s, t, softAt);
        int pi = 0;
        int start = s;
        for (int i = s + 1; i <= t; i++) {
            boolean hyphenHere = pi < points.length && points[pi] == i - s;
            boolean change = i == t || !face[i].equals(face[start]) || !style[i].equals(style[start])
                    || compressible(i) != 0 || compressible(i - 1) != 0 || hyphenHere;
            if (!change) continue;
            addBox(start, i);
            if (hyphenHere) {
                pi++;
                // A compound's own hyphen is already there: the break adds none.
                boolean own = text.charAt(i - 1) == '-' || text.charAt(i - 1) == '\u2010';
                float hw = own ? 0 : fm.width(face[i - 1], "-", 1f) * style[i - 1].glyphScale();
                out.add(new Atom(own ? Kind.BREAK : Kind.HYPHEN, "", face[i - 1], style[i - 1], line[i - 1], 0,
                        0, 0, 0, hw));
            }
            start = i;
        }
    }

    private void addBox(int a, int b) {
        String t = text.substring(a, b);
        float w = fm.width(face[a], t, 1f) * style[a].glyphScale();
        float shift = 0;
        int c = b - a == 1 ? compressible(a) : 0;
        if (c > 0) {
            w -= 0.5f; // closing punctuation before more punctuation: its empty right half goes
        } else if (c < 0) {
            w -= 0.5f; // opening punctuation after more punctuation: its empty left half goes
            shift = -0.5f;
        }
        out.add(new Atom(Kind.BOX, t, face[a], style[a], line[a], w, shift, 0, 0, 0));
    }

    private static final String CLOSING = "，。、：；！？）」』》】〉”’";
    private static final String OPENING = "（「『《【〈“‘";

    /**
     * Full-width punctuation set half width (clreq 3.1.6): +1 for a closing mark followed by another mark, −1 for
     * an opening mark that follows one; 0 otherwise.
     */
    private int compressible(int i) {
        if (!shaper.cjk() || i < 0 || i >= text.length()) return 0;
        char c = text.charAt(i);
        if (CLOSING.indexOf(c) >= 0 && i + 1 < text.length() && isFullPunct(text.charAt(i + 1))) return 1;
        if (OPENING.indexOf(c) >= 0 && i > 0 && isFullPunct(text.charAt(i - 1))) return -1;
        return 0;
    }

    private static boolean isFullPunct(char c) {
        return CLOSING.indexOf(c) >= 0 || OPENING.indexOf(c) >= 0;
    }

    /** Hyphenation points of text[s, t) relative to s, or none. */
    private int[] hyphenPoints(int s, int t, boolean[] softAt) {
        boolean anySoft = false;
        for (int i = s + 1; i < t; i++) anySoft |= softAt[i];
        if (anySoft) {
            List<Integer> p = new ArrayList<>();
            for (int i = s + 1; i < t; i++) if (softAt[i]) p.add(i - s);
            return p.stream().mapToInt(Integer::intValue).toArray();
        }
        if (hyphenator == null || t - s < 5) return new int[0];
        for (int i = s; i < t; i++) {
            if (style[i].code() || style[i].noBreak()) return new int[0];
            if (!face[i].equals(face[s])) return new int[0];
        }
        return hyphenator.points(text.substring(s, t));
    }
}
