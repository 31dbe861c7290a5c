package org.lastmile.pdf;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.BuildResult;
import org.lastmile.pipeline.SiteOutput;
import org.lastmile.pipeline.TestSites;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's own sample publication, built as a user builds it: every guide in every language is exactly four
 * pages with embedded subset fonts, every booklet two sheets, Chinese and Russian text extracts in reading order, and
 * no link anywhere points at a page that does not exist.
 */
class SamplePublicationTest {
    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() {
        out = tmp.resolve("public");
        result = Build.run(BuildOptions.of(Path.of("").toAbsolutePath(), out));
        files = TestSites.tree(out);
    }

    static List<Path> guides() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("content/papers"))) {
            return s.filter(p -> p.getFileName().toString().matches("guide(\\.[a-z-]+)?\\.md")).sorted().toList();
        }
    }

    static String lang(Path guide) {
        String n = guide.getFileName().toString();
        return n.equals("guide.md") ? "en" : n.substring("guide.".length(), n.length() - 3);
    }

    @Test
    void buildsCleanly() {
        assertEquals(List.of(), result.diagnostics().stream().map(d -> d.format()).toList());
    }

    @Test
    void everyGuideIsFourPagesWithEmbeddedSubsetFontsAndABooklet() throws IOException {
        List<Path> guides = guides();
        assertTrue(guides.size() >= 15, "the sample has guides in five languages: " + guides);
        for (Path g : guides) {
            String slug = g.getParent().getFileName().toString();
            String l = lang(g);
            byte[] pdf = files.get(l + "/papers/" + slug + "/" + slug + "-guide-" + l + ".pdf");
            assertTrue(pdf != null, "PDF of " + g);
            assertEquals(4, PdfChecks.pages(pdf), g + " is four pages");
            for (PdfDictionary font : PdfChecks.fonts(pdf)) {
                String name = String.valueOf(font.get(PdfName.BASEFONT));
                assertTrue(name.matches("/[A-Z]{6}\\+.*"), g + ": font " + name + " is a subset");
                PdfDictionary d = PdfChecks.descriptor(font);
                assertTrue(d != null && (d.get(PdfName.FONTFILE2) != null || d.get(PdfName.FONTFILE3) != null), g + ": font " + name + " is embedded");
            }
            byte[] booklet = files.get(l + "/papers/" + slug + "/" + slug + "-guide-" + l + "-booklet.pdf");
            try (PdfReader r = new PdfReader(booklet)) {
                assertEquals(2, r.getNumberOfPages(), g + " booklet");
                Rectangle size = r.getPageSizeWithRotation(1);
                assertEquals(1190.55, Math.max(size.getWidth(), size.getHeight()), 1.0, "A3");
                assertTrue(size.getWidth() > size.getHeight(), "landscape");
            }
        }
    }

    /** The words of a guide's first paragraph, as pdftotext (or OpenPDF) reads them back. */
    @Test
    void chineseAndRussianExtractInReadingOrder() throws Exception {
        for (String l : List.of("zh", "ru")) {
            Path src = Path.of("content/papers/uhc-last-mile/guide." + l + ".md");
            String body = Files.readString(src).split("\n---\n", 2)[1];
            String firstParagraph = body.strip().split("\n\n")[0];
            byte[] pdf = files.get(l + "/papers/uhc-last-mile/uhc-last-mile-guide-" + l + ".pdf");
            String text = extract(pdf);
            assertTrue(squeeze(text).contains(squeeze(firstParagraph.replaceAll("[*_]", ""))),
                    l + ": the first paragraph reads back whole and in order:\n" + firstParagraph + "\n---\n" + text);
            assertFalse(text.contains("\uFFFD"), "no replacement characters");
        }
    }

    private static String extract(byte[] pdf) throws Exception {
        try {
            Path f = Files.createTempFile(tmp, "g", ".pdf");
            Files.write(f, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), "-").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) return s;
        } catch (IOException e) {
            // pdftotext is not installed (.ci/run installs it); OpenPDF's extractor reads the same content stream
        }
        return PdfChecks.allText(pdf);
    }

    /** Line breaks, spaces and soft hyphens do not count: only the characters and their order. */
    private static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00AD]+", "");
    }

    @Test
    void noLinkPointsAtAMissingPage() {
        List<String> dead = new ArrayList<>(SiteOutput.deadLinks(out, "https://lastmile.example.org", files));
        assertEquals(List.of(), dead);
    }
}
