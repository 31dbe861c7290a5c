package org.lastmile.pdf;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import org.lastmile.pdf.model.Shaped;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shaping of one font's text for scripts whose letters change with their neighbours (Arabic, Hebrew points, the
 * scripts of India and South-East Asia), by Java's own text layout — which applies the font's OpenType GSUB and GPOS
 * tables through HarfBuzz (contextual forms, lam-alef and other required ligatures, mark positioning) and works
 * headless. The text is first split into directional runs by ICU's bidi algorithm, so digits and Latin letters inside
 * an Arabic word keep their order. Results are in thousandths of an em (the font is laid out at 1000 units), so one
 * result serves every size, and are cached: a document repeats its words, and the same word always shapes the same.
 *
 * <p>Thread safety: {@link Font} is immutable and its layout may be called from any thread; the caches are concurrent
 * and a value computed twice is the same value.
 */
final class OpenTypeShaping {
    /** Bound on cached words per font: a build's vocabulary stays well below it; the preview runs for hours. */
    private static final int CACHE_LIMIT = 50_000;
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);

    private final String name;
    private final byte[] bytes;
    private volatile Font font;
    private final int unitsPerEm;
    private final int[] advances;
    private final Map<String, Shaped> cache = new ConcurrentHashMap<>();
    private final org.openpdf.text.pdf.BaseFont letters;

    /**
     * For the font file {@code name} with these bytes (a sound TrueType/OpenType font: {@link Fonts} checked it);
     * {@code letters} is a second instance of the same font for the invisible letters ({@link #letters()}).
     */
    OpenTypeShaping(String name, byte[] bytes, org.openpdf.text.pdf.BaseFont letters) {
        this.name = name;
        this.bytes = bytes;
        this.letters = letters;
        int head = table(bytes, "head");
        int hhea = table(bytes, "hhea");
        int hmtx = table(bytes, "hmtx");
        this.unitsPerEm = head < 0 ? 1000 : u16(bytes, head + 18);
        int metrics = hhea < 0 ? 0 : u16(bytes, hhea + 34);
        this.advances = new int[metrics];
        for (int i = 0; i < metrics && hmtx >= 0 && hmtx + 4 * i + 2 <= bytes.length; i++) {
            advances[i] = u16(bytes, hmtx + 4 * i);
        }
    }

    /** Whether {@code text} has a character of a script that needs shaping (see {@link Shaped#needed}). */
    static boolean needsShaping(String text) {
        return Shaped.needed(text);
    }

    /**
     * The same font as a separate PDF font, for the invisible letters written over shaped glyphs. A PDF font maps each
     * glyph to one text in its character map, fixed by the first use: in a font that builds letters from parts, the
     * dotless final yeh that a shaped "الذي" draws is also the alef maksura "ى", and would be copied as the
     * presentation form the shaped use gave it. The letters' own font is only ever used character by character, so
     * every glyph in it copies as the letter it was written for.
     */
    org.openpdf.text.pdf.BaseFont letters() {
        return letters;
    }

    /** The shaped glyphs of {@code text}, in visual order. */
    Shaped shape(String text) {
        Shaped s = cache.get(text);
        if (s != null) return s;
        s = layout(text);
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(text, s);
        return s;
    }

    private Shaped layout(String text) {
        Font f = awtFont();
        char[] chars = text.toCharArray();
        List<Shaped.Glyph> out = new ArrayList<>();
        float pen = 0;
        Bidi bidi = new Bidi(text, Bidi.LEVEL_DEFAULT_LTR);
        int runs = bidi.countRuns();
        for (int r = 0; r < runs; r++) {
            BidiRun run = bidi.getVisualRun(r);
            int flags = run.isOddRun() ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
            // The whole text is passed as context, so a letter at a run's edge still joins as it should.
            GlyphVector gv = f.layoutGlyphVector(FRC, chars, run.getStart(), run.getLimit(), flags);
            int n = gv.getNumGlyphs();
            for (int i = 0; i < n; i++) {
                int id = gv.getGlyphCode(i);
                if (id >= 0xFFFE) continue; // invisible (joiners, controls): Java's marker, not a glyph of the font
                Point2D p = gv.getGlyphPosition(i);
                int at = gv.getGlyphCharIndex(i);
                if (run.getStart() + at < run.getLimit()) at += run.getStart(); // relative to the run, or absolute
                int character = at >= 0 && at < text.length() ? text.codePointAt(at) : -1;
                // Java's y grows downwards; a PDF's upwards.
                out.add(new Shaped.Glyph(id, pen + (float) p.getX(), (float) -p.getY(), fontAdvance(id), character));
            }
            pen += (float) gv.getGlyphPosition(n).getX();
        }
        return new Shaped(out, pen);
    }

    /** The glyph's advance as a PDF font's widths give it: hmtx in thousandths of an em, rounded down. */
    int fontAdvance(int glyph) {
        if (advances.length == 0) return 0;
        int a = glyph < advances.length ? advances[glyph] : advances[advances.length - 1];
        return a * 1000 / unitsPerEm;
    }

    private Font awtFont() {
        Font f = font;
        if (f == null) {
            try {
                f = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(1000f);
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("font " + name + " cannot be laid out: " + e.getMessage(), e);
            }
            font = f;
        }
        return f;
    }

    /** Offset of a table in the font, or -1. */
    private static int table(byte[] b, String tag) {
        if (b.length < 12) return -1;
        int n = u16(b, 4);
        for (int i = 0; i < n && 12 + 16 * i + 16 <= b.length; i++) {
            int rec = 12 + 16 * i;
            if (b[rec] == tag.charAt(0) && b[rec + 1] == tag.charAt(1) && b[rec + 2] == tag.charAt(2)
                    && b[rec + 3] == tag.charAt(3)) {
                return ((b[rec + 8] & 0xff) << 24) | ((b[rec + 9] & 0xff) << 16) | ((b[rec + 10] & 0xff) << 8)
                        | (b[rec + 11] & 0xff);
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
