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

    /**
     * Imposes a guide.
     *
     * @throws IllegalArgumentException if {@code guidePdf} is not a readable PDF of exactly four pages
     */
    public static byte[] impose(byte[] guidePdf, Direction direction) {
        try {
            PdfReader reader = new PdfReader(guidePdf);
            if (reader.getNumberOfPages() != GuideRenderer.PAGES) {
                throw new IllegalArgumentException("a booklet needs exactly " + GuideRenderer.PAGES + " pages, not "
                        + reader.getNumberOfPages());
            }
            Rectangle page = reader.getPageSizeWithRotation(1);
            float pw = page.getWidth();
            float ph = page.getHeight();
            Rectangle sheet = new Rectangle(pw * 2, ph);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(sheet, 0, 0, 0, 0);
            PdfWriter w = PdfWriter.getInstance(doc, out);
            PdfFiles.configure(w);
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
                cb.addTemplate(left, 0, 0);
                cb.addTemplate(right, pw, 0);
            }
            doc.close();
            reader.close();
            return PdfFiles.fixId(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("cannot impose the guide: " + e.getMessage(), e);
        }
    }
}
