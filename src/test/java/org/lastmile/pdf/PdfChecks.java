package org.lastmile.pdf;

import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reading PDFs back in tests. */
final class PdfChecks {
    private PdfChecks() {
    }

    static int pages(byte[] pdf) throws IOException {
        try (PdfReader r = new PdfReader(pdf)) {
            return r.getNumberOfPages();
        }
    }

    static String text(byte[] pdf, int page) throws IOException {
        try (PdfReader r = new PdfReader(pdf)) {
            return new PdfTextExtractor(r).getTextFromPage(page);
        }
    }

    static String allText(byte[] pdf) throws IOException {
        StringBuilder b = new StringBuilder();
        try (PdfReader r = new PdfReader(pdf)) {
            PdfTextExtractor x = new PdfTextExtractor(r);
            for (int p = 1; p <= r.getNumberOfPages(); p++) b.append(x.getTextFromPage(p)).append('\n');
        }
        return b.toString();
    }

    /** Every font dictionary reachable from the pages' resources (including form XObjects). */
    static List<PdfDictionary> fonts(byte[] pdf) throws IOException {
        List<PdfDictionary> out = new ArrayList<>();
        try (PdfReader r = new PdfReader(pdf)) {
            Set<PdfDictionary> seen = new HashSet<>();
            for (int p = 1; p <= r.getNumberOfPages(); p++) {
                collect(r.getPageN(p).getAsDict(PdfName.RESOURCES), out, seen);
            }
        }
        return out;
    }

    private static void collect(PdfDictionary res, List<PdfDictionary> out, Set<PdfDictionary> seen) {
        if (res == null) return;
        PdfDictionary fonts = (PdfDictionary) PdfReader.getPdfObject(res.get(PdfName.FONT));
        if (fonts != null) {
            for (PdfName k : fonts.getKeys()) {
                PdfDictionary f = (PdfDictionary) PdfReader.getPdfObject(fonts.get(k));
                if (seen.add(f)) out.add(f);
            }
        }
        PdfDictionary xo = (PdfDictionary) PdfReader.getPdfObject(res.get(PdfName.XOBJECT));
        if (xo != null) {
            for (PdfName k : xo.getKeys()) {
                PdfObject o = PdfReader.getPdfObject(xo.get(k));
                if (o instanceof PdfDictionary d && seen.add(d)) {
                    collect((PdfDictionary) PdfReader.getPdfObject(d.get(PdfName.RESOURCES)), out, seen);
                }
            }
        }
    }

    /** The font descriptor of a font (of its descendant for Type0 fonts). */
    static PdfDictionary descriptor(PdfDictionary font) {
        PdfDictionary d = (PdfDictionary) PdfReader.getPdfObject(font.get(PdfName.FONTDESCRIPTOR));
        if (d != null) return d;
        PdfArray desc = (PdfArray) PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS));
        if (desc == null || desc.size() == 0) return null;
        PdfDictionary child = (PdfDictionary) PdfReader.getPdfObject(desc.getPdfObject(0));
        return (PdfDictionary) PdfReader.getPdfObject(child.get(PdfName.FONTDESCRIPTOR));
    }

    /** Text without any whitespace (extractors differ in where they put spaces and line ends). */
    /** The text without white space and hyphens, so that text broken and hyphenated at line ends compares whole. */
    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00A0\\u202F\\u200B\\-\\u2010]+", "");
    }
}
