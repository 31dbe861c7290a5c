package org.lastmile.pdf;

import org.openpdf.text.Document;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/** What every PDF this package writes shares: metadata, fixed dates, content-derived ID and subset prefixes. */
final class PdfFiles {
    private PdfFiles() {
    }

    /** Metadata that must be added before {@code document.open()}. */
    static void metadata(Document doc, String title, String author, String subject, List<String> keywords) {
        if (!title.isBlank()) doc.addTitle(title);
        if (!author.isBlank()) doc.addAuthor(author);
        if (!subject.isBlank()) doc.addSubject(subject);
        if (!keywords.isEmpty()) doc.addKeywords(String.join(", ", keywords));
        doc.addCreator("lastmile");
    }

    /** Writer settings for every document: no letter-spacing in justified lines, viewer preferences. */
    static void configure(PdfWriter w) {
        w.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        w.setPdfVersion(PdfWriter.VERSION_1_7);
        w.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
    }

    /** After {@code document.open()}: fixed creation/modification dates and the document language. */
    static void afterOpen(PdfWriter w, Instant timestamp, String language) {
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        cal.setTimeInMillis(timestamp.toEpochMilli());
        PdfDate date = new PdfDate(cal);
        w.getInfo().put(PdfName.CREATIONDATE, date);
        w.getInfo().put(PdfName.MODDATE, date);
        if (language != null && !language.isBlank()) {
            w.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
        }
    }

    /** A 64-bit seed from the text that determines a document. */
    static long seed(String... parts) {
        byte[] h = sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        long s = 0;
        for (int i = 0; i < 8; i++) s = (s << 8) | (h[i] & 0xff);
        return s;
    }

    /**
     * Replaces the random file identifier OpenPDF writes in the trailer ({@code /ID [<…><…>]}) by one derived from the
     * document's content, keeping the byte length so the cross-reference offsets stay right. Same content, same bytes.
     * The identifier is the MD5 of the file's length, its CRC-32C and its first and last {@value #ENDS} bytes (the
     * header; the cross-reference table and trailer, which give every object's offset), all with the identifier
     * blanked: MD5 of whole files was 2 % of a build with PDFs, CRC-32C costs a hundredth of it, and a file
     * identifier needs to tell files apart, not to resist forgery.
     */
    static byte[] fixId(byte[] pdf) {
        byte[] marker = "/ID [<".getBytes(StandardCharsets.ISO_8859_1);
        int at = lastIndexOf(pdf, marker);
        if (at < 0) return pdf;
        int first = at + marker.length;
        int firstEnd = indexOf(pdf, (byte) '>', first);
        if (firstEnd < 0 || firstEnd + 1 >= pdf.length || pdf[firstEnd + 1] != '<') return pdf;
        int second = firstEnd + 2;
        int secondEnd = indexOf(pdf, (byte) '>', second);
        if (secondEnd < 0) return pdf;
        byte[] out = pdf.clone();
        for (int i = first; i < firstEnd; i++) out[i] = '0';
        for (int i = second; i < secondEnd; i++) out[i] = '0';
        byte[] digest;
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(out, 0, out.length);
            md5.update(java.nio.ByteBuffer.allocate(2 * Long.BYTES).putLong(out.length).putLong(crc.getValue()).array());
            int head = Math.min(ENDS, out.length);
            md5.update(out, 0, head);
            int tail = Math.max(head, out.length - ENDS);
            md5.update(out, tail, out.length - tail);
            digest = md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = HexFormat.of().withUpperCase().formatHex(digest);
        writeHex(out, first, firstEnd, hex);
        writeHex(out, second, secondEnd, hex);
        return out;
    }

    /** Bytes at each end of a file that go into its identifier whole (see {@link #fixId}). */
    private static final int ENDS = 8192;

    private static void writeHex(byte[] out, int from, int to, String hex) {
        for (int i = from, k = 0; i < to; i++, k++) out[i] = (byte) hex.charAt(k % hex.length());
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lastIndexOf(byte[] a, byte[] m) {
        outer:
        for (int i = a.length - m.length; i >= 0; i--) {
            for (int k = 0; k < m.length; k++) if (a[i + k] != m[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == b) return i;
        return -1;
    }
}
