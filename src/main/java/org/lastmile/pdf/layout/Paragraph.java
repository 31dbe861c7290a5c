package org.lastmile.pdf.layout;

import org.lastmile.text.Hyphenator;
import org.lastmile.text.Item;
import org.lastmile.text.ParagraphBreaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A paragraph measured once and broken into lines at any size and width. Shaping, glyph checks, break opportunities
 * and hyphenation points are size-independent, so they are computed once (widths at 1 pt) and reused by every
 * attempt of the fit search; each (size, width) breaking is cached.
 *
 * <p>Lines are chosen by total fit ({@link ParagraphBreaker}, Knuth–Plass): word spaces may stretch to 1.5× and shrink
 * to 0.75× of natural, hyphenation is tried where it helps (never in headings, URLs, e-mail addresses, words with
 * digits or all capitals; at most two hyphenated lines in a row), and the last line is set at natural spacing.
 * Chinese and Japanese break between characters by the language's rules, never leave one character alone on the
 * last line, and compress adjacent full-width punctuation to half width. A piece of text wider than the line
 * (a long URL or identifier) is broken where it must rather than cut off; a word of letters so broken gets a
 * hyphen. Table cells hyphenate only the words too wide for them ({@link #hyphenatedOnlyWhereNeeded}).
 */
public final class Paragraph {
    /** Stretch and shrink of a word space, as a share of its natural width. */
    static final float SPACE_STRETCH = 0.5f;
    static final float SPACE_SHRINK = 0.25f;
    /** Stretch between Chinese characters, in ems: justification spreads characters a little. */
    static final float CJK_STRETCH = 0.12f;
    /**
     * Font expansion of justified lines, as pdfTeX's: the glyphs of a line may be set up to 2 % wider or narrower
     * (horizontal scaling, chosen per line and recorded on its boxes, so what is printed is what was measured). It
     * shares the adjustment with the word spaces, so a line that would need spaces wider than 1.5× (or narrower than
     * 0.75×) is absorbed by its letters instead, invisibly at this amount.
     */
    static final float EXPANSION = 0.02f;
    /**
     * Letter-spacing of justified lines, in ems per glyph, the other half of the microtypography: up to 0.01 em
     * more or 0.005 em less between letters (a tenth of a hair space), taken with the expansion in proportion.
     */
    static final float TRACKING_STRETCH = 0.0125f;
    static final float TRACKING_SHRINK = 0.005f;
    /** Expansion is printed as a PDF horizontal scaling in per cent with two decimals: it is chosen in those steps. */
    private static final float EXPANSION_STEP = 1e-4f;

    /**
     * Total fit first within 1.5× word spaces; a paragraph that cannot be set so (a narrow column, long words with no
     * hyphenation point) prefers fewer lines beyond 1.5× to spreading the looseness over more of them, up to 3×,
     * before the breaker's last resort. (Being loose at all costs a line about as much as a ratio of 2.4 does.)
     */
    static final ParagraphBreaker.Options OPTIONS = ParagraphBreaker.Options.defaults().withTolerance(1.0, 4.0)
            .withLooseLineDemerits(2e6);
    /** How far a ragged line may fall short of the measure before it counts as bad, in ems. */
    private static final double RAGGED_STRETCH_EM = 3;
    /** Ragged text is never stretched, so any ratio is feasible; badness still evens out the line lengths. */
    static final ParagraphBreaker.Options RAGGED = ParagraphBreaker.Options.defaults().withTolerance(1000, 1000);

    /** TIE: no break at the glue that follows (a space after a one-letter Russian preposition, before a dash). */
    enum Kind { BOX, GLUE, BREAK, HYPHEN, FORCED, TIE }

    /** A size-independent item: widths are at 1 pt. */
    record Atom(Kind kind, String text, String face, TextStyle style, int line, float w1, float shift1,
                float stretch1, float shrink1, float hyphenW1) {
    }

    /**
     * A piece of a set line: text in one face, at {@code x} from the line's start, {@code width} wide as set, its
     * glyphs scaled horizontally by {@code expansion} (1: as the font draws them) and {@code tracking} points
     * added after each glyph (before the scaling, as PDF's character spacing is).
     */
    public record Frag(String text, String face, TextStyle style, int line, float x, float width, float size,
                       float shift, boolean compressed, float expansion, float tracking) {
        /** A piece set as the font draws it. */
        public Frag(String text, String face, TextStyle style, int line, float x, float width, float size,
                    float shift, boolean compressed) {
            this(text, face, style, line, x, width, size, shift, compressed, 1f, 0f);
        }
    }

    /** Full-width punctuation set at half width: its advance is not the font's, so it is placed on its own. */
    private boolean compressed(Atom a) {
        return a.text.length() == 1 && cjk && Math.abs(fm.width(a.face, a.text, 1f) * a.style.glyphScale() - a.w1) > 1e-4;
    }

    /** A set line: its fragments, its width as set, and whether it ends with a hyphen. */
    public record Line(List<Frag> frags, float width, boolean hyphenated, double ratio) {
    }

    private final List<Atom> atoms;
    private final FontMetrics fm;
    private final boolean justify;
    private final boolean cjk;
    /** Text shaped by the font (Arabic…) is painted glyph by glyph from its shaping: never expanded or tracked. */
    private final boolean shaped;
    /** Hyphenate only a word wider than the line (table cells): one that fits is never broken. */
    private final boolean onlyOverwide;
    private final String plainText;
    private final Map<Long, List<Line>> cache = new HashMap<>();
    private final Map<Long, List<Line>> scaled = new HashMap<>();

    /** Made by {@link ParagraphAtoms} (and by this class, for variants); callers use {@link #of}. */
    Paragraph(List<Atom> atoms, FontMetrics fm, boolean justify, boolean cjk, String plainText,
              boolean onlyOverwide) {
        this.onlyOverwide = onlyOverwide;
        this.atoms = atoms;
        this.fm = fm;
        this.justify = justify;
        this.cjk = cjk;
        this.plainText = plainText;
        this.shaped = org.lastmile.pdf.model.Shaped.needed(plainText);
    }

    /** The paragraph's text as printed (for word counts and tests). */
    public String text() {
        return plainText;
    }

    public boolean isEmpty() {
        return atoms.stream().noneMatch(a -> a.kind == Kind.BOX);
    }

    /**
     * Measures runs as a paragraph.
     *
     * @param hyphenator hyphenation patterns of the language, or null for none (headings, captions)
     * @param justify    justified (both edges) or ragged
     */
    public static Paragraph of(Shaper shaper, List<Run> runs, Hyphenator hyphenator, boolean justify) {
        return new ParagraphAtoms(shaper, hyphenator).build(shaper.pieces(runs), justify);
    }

    /**
     * The same text set as a table cell wants it: a word is hyphenated only when it is wider than the cell, and then
     * at its hyphenation points, with a hyphen; a word that fits is never broken.
     */
    public Paragraph hyphenatedOnlyWhereNeeded() {
        return new Paragraph(atoms, fm, justify, cjk, plainText, true);
    }

    /** Lines for text at {@code size} in lines {@code width} wide. */
    public List<Line> lines(float size, float width) {
        // Every width scales with the size, so the breaking depends only on the measure in ems: it is composed once
        // per measure at 1 pt and scaled, and a fit search that tries many sizes at one measure breaks once.
        long sized = ((long) Float.floatToIntBits(size) << 32) | (Float.floatToIntBits(width) & 0xffffffffL);
        List<Line> hit = scaled.get(sized);
        if (hit != null) return hit;
        float ems = width / size;
        // Keyed to a millionth of an em: the layouts' areas are computed along different paths, and one measure
        // reached as 35.6 and as 35.600002 ems was composed twice (a seventh of all breakings). Breaking at a
        // measure a millionth of an em away gives the same lines; the first one asked for is used.
        long key = Math.round(ems * 1e6);
        List<Line> unit = cache.computeIfAbsent(key, k -> compose(1f, ems));
        if (size == 1f) return unit;
        List<Line> out = new ArrayList<>(unit.size());
        for (Line l : unit) {
            List<Frag> fs = new ArrayList<>(l.frags().size());
            for (Frag f : l.frags()) {
                fs.add(new Frag(f.text(), f.face(), f.style(), f.line(), f.x() * size, f.width() * size, size,
                        f.shift() * size, f.compressed(), f.expansion(), f.tracking() * size));
            }
            out.add(new Line(fs, l.width() * size, l.hyphenated(), l.ratio()));
        }
        scaled.put(sized, out);
        return out;
    }

    /**
     * The paragraph cut after its first {@code units} words (or letters, for languages written without spaces): what
     * the overflow estimate measures when it tries how much must go.
     */
    public Paragraph keepFirst(int units, boolean letters) {
        List<Atom> kept = new ArrayList<>();
        int count = 0;
        for (Atom a : atoms) {
            if (count >= units) break;
            kept.add(a);
            count += unitsOf(a, letters);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).kind != Kind.BOX) kept.remove(kept.size() - 1);
        return new Paragraph(List.copyOf(kept), fm, justify, cjk, plainText, onlyOverwide);
    }

    /**
     * Words an atom ends (a word space; a space kept inside a box, as after a one-letter Russian preposition), or the
     * letters it holds.
     */
    private static int unitsOf(Atom a, boolean letters) {
        int n = 0;
        if (letters && a.kind == Kind.BOX) {
            for (int i = 0; i < a.text.length(); i++) if (Character.isLetterOrDigit(a.text.charAt(i))) n++;
        } else if (!letters) {
            if (a.kind == Kind.GLUE) n++;
            if (a.kind == Kind.BOX) for (int i = 0; i < a.text.length(); i++) if (a.text.charAt(i) == ' ' || a.text.charAt(i) == '\u00A0') n++;
        }
        return n;
    }

    /** Words (or letters) in the paragraph, counted as {@link #keepFirst} counts them. */
    public int units(boolean letters) {
        int count = 0;
        boolean any = false;
        for (Atom a : atoms) {
            count += unitsOf(a, letters);
            any |= a.kind == Kind.BOX;
        }
        return letters ? count : count + (any ? 1 : 0);
    }

    /** Width of the widest piece that can never be broken, at {@code size}: the narrowest this text can be set. */
    public float minWidth(float size) {
        float max = 0;
        float run = 0;
        for (Atom a : atoms) {
            if (a.kind == Kind.BOX) {
                run += a.w1;
            } else {
                if (a.kind == Kind.HYPHEN) run += a.hyphenW1;
                max = Math.max(max, run);
                run = 0;
            }
        }
        return Math.max(max, run) * size;
    }

    /** Natural width on one line at {@code size}. */
    public float naturalWidth(float size) {
        float w = 0;
        for (Atom a : atoms) if (a.kind == Kind.BOX || a.kind == Kind.GLUE) w += a.w1;
        return w * size;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<Line> compose(float size, float width) {
        List<Atom> src = splitOverwide(size, width);
        List<Item> items = new ArrayList<>(src.size() + 2);
        boolean micro = expands();
        boolean[] fits = onlyOverwide ? wordsThatFit(src, size, width) : null;
        for (int i = 0; i < src.size(); i++) {
            Atom a = src.get(i);
            if (fits != null && a.kind == Kind.HYPHEN && fits[i]) {
                items.add(new Item.Penalty(0, Item.INFINITE_PENALTY, false, i));
                continue;
            }
            if (!justify && (a.kind == Kind.GLUE || a.kind == Kind.BREAK || a.kind == Kind.HYPHEN)
                    && !(i > 0 && src.get(i - 1).kind == Kind.TIE)) {
                raggedBreak(items, a, i, size);
                continue;
            }
            items.add(switch (a.kind) {
                case BOX -> micro ? new Item.Box(a.w1 * size, give(a.w1, glyphs(a.text), true) * size,
                        give(a.w1, glyphs(a.text), false) * size, i) : new Item.Box(a.w1 * size, i);
                case TIE -> new Item.Penalty(0, Item.INFINITE_PENALTY, false, i);
                case GLUE -> new Item.Glue(a.w1 * size, a.stretch1 * size, a.shrink1 * size, i);
                case BREAK -> new Item.Penalty(0, 0, false, i);
                case HYPHEN -> new Item.Penalty(a.hyphenW1 * size, 0, true, i);
                case FORCED -> new Item.Penalty(0, -Item.INFINITE_PENALTY, false, i);
            });
        }
        items.add(new Item.Glue(0, Double.POSITIVE_INFINITY, 0, src.size()));
        items.add(new Item.Penalty(0, -Item.INFINITE_PENALTY, false, src.size()));
        ParagraphBreaker.Result r = ParagraphBreaker.breakLines(items, i -> width, justify ? OPTIONS : RAGGED);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int[] breaks = r.breaks();
        for (int li = 0; li < breaks.length; li++) {
            int b = items.get(Math.min(breaks[li], items.size() - 1)).ref();
            boolean last = li == breaks.length - 1 || src.get(Math.min(b, src.size() - 1)).kind == Kind.FORCED;
            lines.add(setLine(src, start, b, size, width, last));
            start = b + 1;
            // discardable items at the start of a line
            while (start < src.size() && src.get(start).kind != Kind.BOX && src.get(start).kind != Kind.FORCED) start++;
        }
        return lines;
    }

    /**
     * A break in ragged text as Knuth and Plass set it: the line that ends here gets a fixed stretch (so its badness
     * grows with how short it falls, not with how few spaces it has), the line that runs on gets it back. Giving
     * ragged lines the word spaces' stretch instead would make every short line equally bad past the badness cap,
     * and a title could be broken after its first two words.
     */
    private static void raggedBreak(List<Item> items, Atom a, int i, float size) {
        double stretch = RAGGED_STRETCH_EM * size;
        items.add(new Item.Glue(0, stretch, 0, i));
        switch (a.kind) {
            case GLUE, BREAK -> items.add(new Item.Penalty(0, 0, false, i));
            default -> items.add(new Item.Penalty(a.hyphenW1 * size, 0, true, i));
        }
        boolean space = a.kind == Kind.GLUE;
        items.add(new Item.Glue(space ? a.w1 * size : 0, -stretch, space ? a.shrink1 * size : 0, i));
    }

    /**
     * For each hyphenation point, whether its word (boxes joined by hyphenation points) fits on a line as a whole,
     * so that it need not be broken there.
     */
    private static boolean[] wordsThatFit(List<Atom> src, float size, float width) {
        boolean[] fits = new boolean[src.size()];
        int i = 0;
        while (i < src.size()) {
            if (src.get(i).kind != Kind.BOX) {
                i++;
                continue;
            }
            int j = i;
            float w = 0;
            while (j < src.size() && (src.get(j).kind == Kind.BOX || src.get(j).kind == Kind.HYPHEN)) {
                if (src.get(j).kind == Kind.BOX) w += src.get(j).w1 * size;
                j++;
            }
            for (int k = i; k < j; k++) fits[k] = w <= width;
            i = j;
        }
        return fits;
    }

    /** What glyphs {@code w1} wide (at 1 pt), {@code n} of them, can give to a line at full stretch or shrink. */
    private static float give(float w1, int n, boolean stretch) {
        return w1 * EXPANSION + n * (stretch ? TRACKING_STRETCH : TRACKING_SHRINK);
    }

    /** Glyphs in a piece of text: character spacing is added after each. */
    private static int glyphs(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether lines may be set with expanded or condensed glyphs: justified text of alphabetic scripts. */
    private boolean expands() {
        return justify && !cjk && !shaped;
    }

    /**
     * Boxes too wide for the line (even between hyphenation points) are split between characters so that no text is
     * lost at the margin.
     */
    private List<Atom> splitOverwide(float size, float width) {
        List<Atom> out = null;
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            if (a.kind != Kind.BOX || a.w1 * size <= width || a.text.codePointCount(0, a.text.length()) < 2) {
                if (out != null) out.add(a);
                continue;
            }
            if (out == null) out = new ArrayList<>(atoms.subList(0, i));
            // A piece of a word (letters only) that is wider than the line even between its hyphenation points
            // ends with a hyphen, so the reader sees the word go on; a URL or a number is cut bare.
            boolean word = a.text.codePoints().allMatch(Character::isLetter);
            float hw = word ? fm.width(a.face, "-", 1f) * a.style.glyphScale() : 0;
            StringBuilder cur = new StringBuilder();
            float curW = 0;
            for (int k = 0; k < a.text.length(); ) {
                int cp = a.text.codePointAt(k);
                float cw = fm.width(a.face, new String(Character.toChars(cp)), 1f) * a.style.glyphScale();
                if (curW + cw + hw > width / size && cur.length() > 0) {
                    out.add(new Atom(Kind.BOX, cur.toString(), a.face, a.style, a.line, curW, 0, 0, 0, 0));
                    out.add(new Atom(word ? Kind.HYPHEN : Kind.BREAK, "", a.face, a.style, a.line, 0, 0, 0, 0, hw));
                    cur.setLength(0);
                    curW = 0;
                }
                cur.appendCodePoint(cp);
                curW += cw;
                k += Character.charCount(cp);
            }
            out.add(new Atom(Kind.BOX, cur.toString(), a.face, a.style, a.line, curW, 0, 0, 0, 0));
        }
        return out == null ? atoms : out;
    }

    private Line setLine(List<Atom> src, int from, int breakAt, float size, float width, boolean last) {
        int end = Math.min(breakAt, src.size());
        Atom br = breakAt < src.size() ? src.get(breakAt) : null;
        boolean hyphen = br != null && br.kind == Kind.HYPHEN;
        // trailing glue before the break is not part of the line
        int stop = end;
        while (stop > from && src.get(stop - 1).kind == Kind.GLUE) stop--;
        float glue = 0;
        float glyphs = 0;
        int count = 0;
        float stretch = 0;
        float shrink = 0;
        for (int i = from; i < stop; i++) {
            Atom a = src.get(i);
            if (a.kind == Kind.BOX) {
                glyphs += a.w1 * size;
                count += glyphs(a.text);
            }
            if (a.kind == Kind.GLUE) {
                glue += a.w1 * size;
                stretch += a.stretch1 * size;
                shrink += a.shrink1 * size;
            }
        }
        if (hyphen) {
            glyphs += br.hyphenW1 * size;
            count++;
        }
        float natural = glue + glyphs;
        // The breaker's ratio shares the adjustment between spaces and glyphs in proportion to what each can give;
        // the expansion is rounded to the steps the PDF prints, and the spaces fill the rest exactly.
        float e = 1;
        float track = 0;
        boolean adjust = justify && !last || natural > width;
        if (adjust && expands() && glyphs > 0) {
            boolean grow = natural < width;
            float give = grow ? glyphs * EXPANSION + count * TRACKING_STRETCH * size
                    : glyphs * EXPANSION + count * TRACKING_SHRINK * size;
            double r = (width - natural) / ((grow ? stretch : shrink) + give);
            r = Math.max(-1, Math.min(1, r));
            double steps = r * EXPANSION / EXPANSION_STEP;
            // with no space on the line to take up the rounding, the glyphs are rounded narrower: never overfull
            boolean up = r >= 0 && stretch > 0;
            e = 1 + (float) ((up ? Math.ceil(steps - 1e-6) : Math.floor(steps + 1e-6)) * EXPANSION_STEP);
            e = Math.max(1 - EXPANSION, Math.min(1 + EXPANSION, e));
            // letter-spacing gives the rest of the glyphs' share, applied before the scaling as PDF applies it
            double share = (glyphs + r * give) / e - glyphs;
            track = count == 0 || share * r <= 0 ? 0 : (float) (share / count);
            natural = glue + (glyphs + count * track) * e;
        }
        double ratio = 0;
        if (justify && !last) {
            if (natural < width && stretch > 0) ratio = (width - natural) / stretch;
            else if (natural > width && shrink > 0) ratio = Math.max(-1, (width - natural) / shrink);
        } else if (natural > width && shrink > 0) {
            ratio = Math.max(-1, (width - natural) / shrink);
        }
        List<Frag> frags = new ArrayList<>();
        float x = 0;
        for (int i = from; i < stop; i++) {
            Atom a = src.get(i);
            if (a.kind == Kind.BOX) {
                float w = (a.w1 * size + glyphs(a.text) * track) * e;
                Frag prev = frags.isEmpty() ? null : frags.get(frags.size() - 1);
                // adjacent boxes of one face and style are one fragment (fewer text objects in the PDF)
                boolean plain = a.shift1 == 0 && !compressed(a);
                if (prev != null && plain && prev.face.equals(a.face) && prev.style.equals(a.style)
                        && prev.shift == 0 && !prev.compressed && Math.abs(prev.x + prev.width - x) < 1e-3) {
                    frags.set(frags.size() - 1, new Frag(prev.text + a.text, a.face, a.style, prev.line, prev.x,
                            prev.width + w, size, 0, false, e, track));
                } else {
                    frags.add(new Frag(a.text, a.face, a.style, a.line, x, w, size, a.shift1 * size, !plain, e, track));
                }
                x += w;
            } else if (a.kind == Kind.GLUE) {
                double g = a.w1 * size + (ratio >= 0 ? ratio * a.stretch1 * size : ratio * a.shrink1 * size);
                x += (float) g;
                // The word keeps its space in the text (not in its width), so that extracted text has its spaces.
                if (!frags.isEmpty() && !a.text.isEmpty()) {
                    Frag prev = frags.get(frags.size() - 1);
                    if (!prev.text.endsWith(" ")) {
                        frags.set(frags.size() - 1, new Frag(prev.text + " ", prev.face, prev.style, prev.line, prev.x,
                                prev.width, prev.size, prev.shift, prev.compressed, prev.expansion, prev.tracking));
                    }
                }
            }
        }
        if (hyphen) {
            Frag prev = frags.isEmpty() ? null : frags.get(frags.size() - 1);
            String face = prev != null ? prev.face : br.face;
            TextStyle st = prev != null ? prev.style : br.style;
            float w = (br.hyphenW1 * size + track) * e;
            frags.add(new Frag("-", face, st, br.line, x, w, size, 0, false, e, track));
            x += w;
        }
        return new Line(List.copyOf(frags), x, hyphen, ratio);
    }
}
