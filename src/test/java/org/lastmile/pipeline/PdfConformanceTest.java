package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.lastmile.diag.Diagnostic;
import org.lastmile.testutil.Cli;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check --pdf-ua}: veraPDF holds every guide and paper PDF to PDF/UA-1 and PDF/A-2a. */
class PdfConformanceTest {

    /** A PDF made without structure (as any plain PDF library makes one) fails, reported by file and clause. */
    @Test
    void anUntaggedPdfFailsByFileAndClause() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Document d = new Document();
        PdfWriter.getInstance(d, b);
        d.open();
        d.add(new Paragraph("Untagged text"));
        d.close();
        List<Diagnostic> found = PdfConformance.check(Map.of("en/papers/x/x-guide-en.pdf", b.toByteArray(),
                "en/papers/x/x-guide-en-booklet.pdf", b.toByteArray(), "en/index.html", new byte[0]));
        assertFalse(found.isEmpty());
        for (Diagnostic x : found) {
            assertTrue(x.isError());
            assertEquals("en/papers/x/x-guide-en.pdf", x.pos().path().toString(), "booklets claim nothing: " + x);
            assertTrue(x.message().startsWith("PDF/UA clause ") || x.message().startsWith("PDF/A clause "), x.message());
        }
        assertTrue(found.stream().anyMatch(x -> x.message().startsWith("PDF/UA clause ")), found.toString());
    }

    /** A site's own guides pass, and the command says it checked them. */
    @Test
    void aSitesGuidesPass(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path site = Cli.copySite("i18n-site", tmp);
        Cli.Run r = Cli.run("check", "--source", site.toString(), "--pdf-ua");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("PDF/UA clause"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("check passed") && !l.contains(" 0 PDFs")), r.out());
    }
}
