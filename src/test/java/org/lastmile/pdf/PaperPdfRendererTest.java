package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.SimpleBookmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperPdfRendererTest {

    private static PaperSpec paper(String lang, int sections) {
        String text = Fixtures.guide(Fixtures.lang(lang), sections, 3).replace("short_title:", "tags: [\"a\"]\nx:");
        return Samples.paper(Path.of("content/papers/x/" + (lang.equals("en") ? "index.md" : "index." + lang + ".md")),
                text);
    }

    @Test
    void longPaperHasContentsWithTheRightPageNumbers() throws Exception {
        RenderResult r = PaperPdfRenderer.render(paper("en", 14), Samples.style(), Samples.fonts());
        assertTrue(r.ok(), r.diagnostics()::toString);
        byte[] pdf = r.pdf().get();
        int pages = PdfChecks.pages(pdf);
        assertTrue(pages >= 5, "pages " + pages);
        // each contents line "Key points 7 ........ 4" points at the page whose text has that heading (the
        // extractor drops the dot leader and, in a tagged PDF, reads each entry as one marked run: "Key points 7 4")
        String contents = PdfChecks.text(pdf, 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Key points (\\d+) (\\d+)").matcher(contents);
        List<String> lines = new java.util.ArrayList<>();
        while (m.find()) lines.add(m.group(1) + " " + m.group(2));
        assertEquals(14, lines.size(), contents);
        for (int s = 1; s <= 14; s++) {
            String heading = "Key points " + s;
            String line = lines.get(s - 1);
            assertTrue(line.startsWith(s + " "), line);
            int page = Integer.parseInt(line.substring(line.indexOf(' ') + 1));
            assertTrue(page >= 2 && page <= pages, line);
            assertTrue(PdfChecks.text(pdf, page).contains(heading), heading + " not on page " + page);
        }
        try (PdfReader reader = new PdfReader(pdf)) {
            List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
            assertTrue(bookmarks.size() >= 16, "bookmarks " + bookmarks.size());
        }
        assertArrayEquals(pdf, PaperPdfRenderer.render(paper("en", 14), Samples.style(), Samples.fonts()).orThrow());
    }

    @Test
    void chinesePaperRendersWithEmbeddedFonts() throws Exception {
        byte[] pdf = PaperPdfRenderer.render(paper("zh", 3), Samples.style(), Samples.fonts()).orThrow();
        assertTrue(PdfChecks.squeeze(PdfChecks.allText(pdf)).contains(PdfChecks.squeeze(Fixtures.ZH_PARA)));
        assertEquals(0, PdfChecks.fonts(pdf).stream()
                .filter(f -> !f.getAsName(org.openpdf.text.pdf.PdfName.BASEFONT).toString().contains("+")).count());
    }
}
