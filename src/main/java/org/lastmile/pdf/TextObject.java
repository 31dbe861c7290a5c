package org.lastmile.pdf;

import com.ibm.icu.text.Bidi;
import org.lastmile.pdf.model.Box;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;

import java.awt.Color;

/**
 * One text object ({@code BT … ET}) of the {@link Painter}. A box that starts where the previous one's text ended
 * (the next piece of a word, the next Chinese character) continues without a new text matrix; one that starts one
 * space further on the same baseline (ragged text) gets a real space character before it, so that readers and text extraction see
 * the word boundary. Any other box (justified spacing, a new line) is placed with its own text matrix. The pen
 * position is followed with the font's own advances, so nothing drifts by more than {@link #SAME_PLACE}.
 * Expanded and letter-spaced glyphs get their horizontal scaling (Tz) and character spacing (Tc), and the text
 * object ends at 100 % and 0 again, as it began.
 */
final class TextObject {
    private static final float SAME_PLACE = 0.001f;
    private final PdfContentByte cb;
    private final Fonts fonts;
    /** For print (a PDF with a bleed): near-black text is set in pure black (see {@link Shapes#fillColor}). */
    private final boolean print;
    private BaseFont font;
    private float size = -1;
    private Color color;
    private boolean placed;
    private String lastFont;
    private String lastText = "";

    /**
     * Whether the line that ended before {@code next} (a box on another line) ended at a word boundary: not after
     * a hyphen, not between two characters of a script written without spaces, and the font has a space.
     */
    private boolean wordEndsLine(Box.Glyphs next) {
        if (lastText.isEmpty() || next.text().isEmpty() || !fonts.hasGlyph(lastFont, ' ')) return false;
        int last = lastText.codePointBefore(lastText.length());
        int first = next.text().codePointAt(0);
        if (last == '-' || last == 0x2010 || last == 0xAD || Character.isWhitespace(last)) return false;
        return !spaceless(last) && !spaceless(first);
    }
    private float penX;
    private float penY;
    private float expansion = 1;
    private float tracking = 0;

    TextObject(PdfContentByte cb, Fonts fonts, boolean print) {
        this.cb = cb;
        this.fonts = fonts;
        this.print = print;
        cb.beginText();
    }

    void show(Box.Glyphs g) {
        BaseFont f = fonts.font(g.font());
        if (f != font || g.size() != size) {
            cb.setFontAndSize(f, g.size());
            font = f;
            size = g.size();
        }
        Color c = g.color() == null ? Color.BLACK : g.color();
        if (!c.equals(color)) {
            Shapes.fillColor(cb, c, print);
            color = c;
        }
        if (g.shaped() != null) {
            // shaped words are never expanded or tracked (layout keeps expansion out of such paragraphs), and
            // ShapedText leaves the text state at 100 % scaling: spacing and scaling start again from neutral
            if (tracking != 0) cb.setCharacterSpacing(0);
            if (expansion != 1) cb.setHorizontalScaling(100);
            tracking = 0;
            expansion = 1;
            ShapedText.paint(cb, f, fonts.letters(g.font()), g, visual(g.text()));
            placed = false; // the next box sets its own text matrix
            return;
        }
        if (g.expansion() != expansion) {
            cb.setHorizontalScaling(g.expansion() * 100);
            expansion = g.expansion();
        }
        if (g.tracking() != tracking) {
            cb.setCharacterSpacing(g.tracking());
            tracking = g.tracking();
        }
        String text = visual(g.text());
        boolean onLine = placed && Math.abs(g.y() - penY) < SAME_PLACE;
        float start;
        if (onLine && Math.abs(g.x() - penX) < SAME_PLACE) {
            start = penX;
        } else if (onLine && fonts.hasGlyph(g.font(), ' ')
                && Math.abs(g.x() - penX - advance(g.font(), " ")) < SAME_PLACE) {
            start = penX + advance(g.font(), " ");
            text = " " + text;
        } else {
            if (placed && !onLine && wordEndsLine(g)) {
                // an invisible space after the last word of a line, so that text extraction and structure
                // views read "line end" + "next line" as two words (layout breaks lines at spaces it drops)
                cb.showText(" ");
            }
            cb.setTextMatrix(g.x(), g.y());
            start = g.x();
        }
        cb.showText(text);
        penX = start + advance(g.font(), g.text());
        penY = g.y();
        placed = true;
        lastFont = g.font();
        lastText = g.text();
    }

    /** How far the pen moves over {@code text} in the current font, size, spacing and scaling. */
    private float advance(String font, String text) {
        return (fonts.width(font, text, size) + text.codePointCount(0, text.length()) * tracking) * expansion;
    }

    void end() {
        if (expansion != 1) cb.setHorizontalScaling(100);
        if (tracking != 0) cb.setCharacterSpacing(0);
        cb.endText();
    }

/**
 * The text in the order its glyphs are drawn left to right. Boxes hold logical order; a right-to-left word is
 * reversed (and its brackets mirrored) here. Text that needs shaping (Arabic) comes shaped from layout instead
 * and is painted by {@link ShapedText}.
 */
static String visual(String logical) {
    if (!mayBeRightToLeft(logical) || !Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
        return logical;
    }
    Bidi bidi = new Bidi(logical, Bidi.LEVEL_DEFAULT_LTR);
    return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
}

/**
 * A cheap first look (painting calls this for every word): whether the text has a character of a right-to-left
 * block, a bidi control, or a surrogate (right-to-left scripts beyond the BMP). Only then is ICU asked.
 */
private static boolean mayBeRightToLeft(String s) {
    for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
                || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)) {
            return true;
        }
    }
    return false;
}

/** Characters of scripts written without spaces between words (Chinese, Japanese, Thai…), and their punctuation. */
private static boolean spaceless(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
            || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.THAI
            || sc == Character.UnicodeScript.LAO || sc == Character.UnicodeScript.KHMER
            || sc == Character.UnicodeScript.MYANMAR || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}
}
