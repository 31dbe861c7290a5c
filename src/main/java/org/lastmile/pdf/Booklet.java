package org.lastmile.pdf;

import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.RandomAccessFileOrArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Imposes a four-page guide for double-sided printing and folding: sheet 1 carries pages 4 | 1 (the outside), sheet
 * 2 pages 2 | 3 (the inside), side by side on a landscape sheet twice the page width: A3 for A4 guides, Tabloid
 * (11 × 17 in) for Letter guides. Print double-sided, flip on the short edge, fold in the middle. For right-to-left
 * guides the spine is on the right: 1 | 4 and 3 | 2. Deterministic: the same guide gives the same booklet bytes.
 */
public final class Booklet {
    private Booklet() {
    }

    /** Imposes a left-to-right guide. */
    public static byte[] impose(byte[] guidePdf) {
        return impose(guidePdf, Direction.LTR);
    }

    /** Imposes a guide, without crop marks. */
    public static byte[] impose(byte[] guidePdf, Direction direction) {
        return impose(guidePdf, direction, false);
    }

    /**
     * Imposes a guide. A guide with a bleed (a TrimBox inside its MediaBox) keeps it on the sheet's outer edges; at
     * the fold each page is cut at its trim, so neither spills onto the other. With {@code cropMarks}, a slug of
     * {@value #SLUG_MM} mm more around the sheet carries marks at the trim corners and at the fold.
     *
     * @throws IllegalArgumentException if {@code guidePdf} is not a readable PDF of exactly four pages
     */
    public static byte[] impose(byte[] guidePdf, Direction direction, boolean cropMarks) {
        try {
            // Read lazily: the guide's structure tree, outlines and metadata are never imported, and reading every
            // object up front cost a booklet as much as imposing it.
            PdfReader reader = new PdfReader(new RandomAccessFileOrArray(guidePdf), null);
            if (reader.getNumberOfPages() != GuideRenderer.PAGES) {
                throw new IllegalArgumentException("a booklet needs exactly " + GuideRenderer.PAGES + " pages, not "
                        + reader.getNumberOfPages());
            }
            Rectangle media = reader.getPageSize(1);
            Rectangle trim = reader.getBoxSize(1, "trim");
            if (trim == null) trim = media;
            float pw = trim.getWidth();
            float ph = trim.getHeight();
            float bleed = Math.max(0, trim.getLeft() - media.getLeft());
            float slug = cropMarks ? bleed + SLUG_MM * MM : bleed;
            // sheet coordinates: the trimmed sheet from (0, 0) to (2 pw, ph), bleed and slug around it
            Rectangle sheet = new Rectangle(-slug, -slug, 2 * pw + slug, ph + slug);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(sheet, 0, 0, 0, 0);
            PdfWriter w = PdfWriter.getInstance(doc, out);
            PdfFiles.configure(w);
            if (slug > 0) {
                w.setBoxSize("trim", new Rectangle(0, 0, 2 * pw, ph));
                w.setBoxSize("bleed", new Rectangle(-bleed, -bleed, 2 * pw + bleed, ph + bleed));
            }
            Map<String, String> info = reader.getInfo();
            PdfFiles.metadata(doc, info.getOrDefault("Title", ""), info.getOrDefault("Author", ""),
                    info.getOrDefault("Subject", ""), info.containsKey("Keywords")
                            ? java.util.List.of(info.get("Keywords")) : java.util.List.of());
            doc.open();
            PdfDictionary srcInfo = reader.getTrailer().getAsDict(PdfName.INFO);
            if (srcInfo != null) {
                for (PdfName key : new PdfName[]{PdfName.CREATIONDATE, PdfName.MODDATE}) {
                    PdfObject v = PdfReader.getPdfObject(srcInfo.get(key));
                    if (v instanceof PdfString s) w.getInfo().put(key, new PdfString(s.toString()));
                }
            }
            PdfObject lang = PdfReader.getPdfObject(reader.getCatalog().get(PdfName.LANG));
            if (lang instanceof PdfString s) w.getExtraCatalog().put(PdfName.LANG, new PdfString(s.toUnicodeString()));
            int[][] sheets = direction == Direction.RTL ? new int[][]{{1, 4}, {3, 2}} : new int[][]{{4, 1}, {2, 3}};
            boolean first = true;
            for (int[] pair : sheets) {
                if (!first) doc.newPage();
                first = false;
                PdfContentByte cb = w.getDirectContent();
                PdfImportedPage left = w.getImportedPage(reader, pair[0]);
                PdfImportedPage right = w.getImportedPage(reader, pair[1]);
                // each page keeps its bleed on the outer sides and is cut at the fold
                place(cb, left, trim, -bleed, -bleed, pw + bleed, ph + 2 * bleed, 0);
                place(cb, right, trim, pw, -bleed, pw + bleed, ph + 2 * bleed, pw);
                if (cropMarks) cropMarks(cb, pw, ph, bleed);
            }
            doc.close();
            reader.close();
            return PdfFiles.fixId(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("cannot impose the guide: " + e.getMessage(), e);
        }
    }

    /** Length of the slug beyond the bleed that carries the crop marks, in millimetres. */
    static final int SLUG_MM = 9;
    private static final float MM = 72f / 25.4f;

    /** Places an imported page with its trim corner at ({@code x}, 0), clipped to the given rectangle. */
    private static void place(PdfContentByte cb, PdfImportedPage page, Rectangle trim, float clipX, float clipY,
                              float clipW, float clipH, float x) {
        cb.saveState();
        cb.rectangle(clipX, clipY, clipW, clipH);
        cb.clip();
        cb.newPath();
        cb.addTemplate(page, x - trim.getLeft(), -trim.getBottom());
        cb.restoreState();
    }

    /**
     * Crop marks: hairlines in the slug continuing each trim edge at the four corners, beginning outside the bleed so
     * that no mark prints on the trimmed sheet, and a fold mark at the middle of the top and bottom edges.
     */
    private static void cropMarks(PdfContentByte cb, float pw, float ph, float bleed) {
        float gap = bleed + 2 * MM;
        float len = 5 * MM;
        float w = 2 * pw;
        cb.saveState();
        cb.setLineWidth(0.25f);
        cb.setColorStroke(java.awt.Color.BLACK);
        float[][] corners = {{0, 0, -1, -1}, {w, 0, 1, -1}, {0, ph, -1, 1}, {w, ph, 1, 1}};
        for (float[] c : corners) {
            cb.moveTo(c[0] + c[2] * gap, c[1]);
            cb.lineTo(c[0] + c[2] * (gap + len), c[1]);
            cb.moveTo(c[0], c[1] + c[3] * gap);
            cb.lineTo(c[0], c[1] + c[3] * (gap + len));
        }
        cb.moveTo(pw, -gap);
        cb.lineTo(pw, -gap - len);
        cb.moveTo(pw, ph + gap);
        cb.lineTo(pw, ph + gap + len);
        cb.stroke();
        cb.restoreState();
    }
}
