package org.lastmile.pdf;

import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.Shaped;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfGlyphArray;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;

import java.util.List;

/**
 * Paints a shaped box ({@link Box.Glyphs#shaped()}): the glyph ids layout measured, at the places the font's tables
 * gave them. Glyphs such as an Arabic initial form or a lam-alef ligature have no character of their own in the
 * font's character map, so the PDF's character map would give presentation forms, one letter for two, or nothing.
 * The visible glyphs are therefore wrapped in a span with an empty {@code /ActualText} (they say nothing to text
 * extraction), and the box's letters are written over them as invisible text (rendering mode 3, as OCR layers are),
 * one glyph per character straight from the character map, in visual order and scaled to the box's width, in a
 * second PDF font made from the same file so that no shaped use decides what its glyphs copy as. Readers and
 * {@code pdftotext} then give the letters exactly as they were written, lam-alef as lam and alef, in logical order
 * (they reorder right-to-left text themselves, as they do for any PDF); a non-empty ActualText in logical order
 * would be reversed by poppler, which spreads it over the span from the left.
 *
 * <p>Glyphs on one height go into one {@code TJ} array, with a displacement wherever a glyph does not sit where the
 * previous glyph's own advance leaves the pen (kerning, marks with no advance moved over their base); a glyph raised
 * or lowered (a mark above a tall letter) starts a new text position.
 */
final class ShapedText {
    /** Displacements smaller than this, in thousandths of an em, are the rounding of widths to whole units. */
    private static final float SAME = 0.01f;

    private ShapedText() {
    }

    /**
     * Paints {@code g} inside the current text object, whose font and size are already {@code g}'s; {@code visual} is
     * its text in visual order, as {@link Painter#visual} gives it (marks before their letter once reversed, which
     * is where readers that reverse right-to-left text expect them).
     */
    static void paint(PdfContentByte cb, BaseFont font, BaseFont letters, Box.Glyphs g, String visual) {
        // The letters in their own PDF font (see OpenTypeShaping.letters): its character map is theirs alone.
        float natural = letters.getWidthPoint(visual, g.size());
        if (natural > 0) {
            cb.setFontAndSize(letters, g.size());
            cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_INVISIBLE);
            cb.setHorizontalScaling(100f * g.width() / natural);
            cb.setTextMatrix(g.x(), g.y());
            cb.showText(visual);
            cb.setHorizontalScaling(100f);
            cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
            cb.setFontAndSize(font, g.size());
        }
        claim(cb, font, g.shaped().glyphs());
        PdfDictionary span = new PdfDictionary();
        span.put(PdfName.ACTUALTEXT, new PdfString(""));
        cb.beginMarkedContentSequence(PdfName.SPAN, span, true);
        List<Shaped.Glyph> glyphs = g.shaped().glyphs();
        float scale = g.size() / 1000f;
        int i = 0;
        while (i < glyphs.size()) {
            Shaped.Glyph first = glyphs.get(i);
            cb.setTextMatrix(g.x() + first.x() * scale, g.y() + first.y() * scale);
            PdfGlyphArray tj = new PdfGlyphArray();
            float pen = first.x();
            int j = i;
            for (; j < glyphs.size() && glyphs.get(j).y() == first.y(); j++) {
                Shaped.Glyph gl = glyphs.get(j);
                float off = gl.x() - pen;
                if (Math.abs(off) > SAME) tj.add(-off); // TJ numbers move the pen left: a negative one moves it right
                tj.add(gl.id());
                pen = gl.x() + gl.fontAdvance();
            }
            cb.showText(tj);
            i = j;
        }
        cb.endMarkedContentSequence();
    }

    /**
     * Gives every shaped glyph the character it was shaped from in the PDF font's character map (PDF/UA-1 7.21.7
     * asks that every glyph used map to Unicode). OpenPDF fills that map only for glyphs it reaches from characters,
     * and keeps the first entry a glyph gets, so the shaped glyphs are entered before they are shown. OpenPDF has no
     * public way to do this: its per-document font record is reached by reflection (classpath, no module barrier);
     * if a later OpenPDF moves it, the glyphs go unmapped, which AccessiblePdfTest reports, and nothing else breaks.
     */
    @SuppressWarnings("unchecked")
    private static void claim(PdfContentByte cb, BaseFont font, List<Shaped.Glyph> glyphs) {
        try {
            java.lang.reflect.Method addSimple = org.openpdf.text.pdf.PdfWriter.class.getDeclaredMethod("addSimple",
                    BaseFont.class);
            addSimple.setAccessible(true);
            Object details = addSimple.invoke(cb.getPdfWriter(), font);
            java.lang.reflect.Field f = details.getClass().getDeclaredField("longTag");
            f.setAccessible(true);
            java.util.Map<Integer, int[]> used = (java.util.Map<Integer, int[]>) f.get(details);
            for (Shaped.Glyph g : glyphs) {
                if (g.character() >= 0) used.putIfAbsent(g.id(), new int[]{g.id(), g.fontAdvance(), g.character()});
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // see above: the PDF stays correct to look at and to copy from; only the map lacks these glyphs
        }
    }
}
