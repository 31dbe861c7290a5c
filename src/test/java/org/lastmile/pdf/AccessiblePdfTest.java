package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample guide and briefing paper, in every language, as veraPDF sees it: zero failed PDF/UA-1 checks and
 * PDF/A-2a met, the two standards each PDF claims in its XMP metadata.
 */
class AccessiblePdfTest {
    static List<Path> sources(String pattern) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("content/papers"))) {
            return s.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    static byte[] guide(Path p) throws IOException {
        RenderResult r = GuideRenderer.render(Samples.spec(p), Samples.style(), Samples.fonts());
        assertTrue(r.pdf().isPresent(), p + ": " + r.diagnostics());
        return r.pdf().get();
    }

    static byte[] paper(Path p) throws IOException {
        RenderResult r = PaperPdfRenderer.render(Samples.paper(p), Samples.style(), Samples.fonts());
        assertTrue(r.pdf().isPresent(), p + ": " + r.diagnostics());
        return r.pdf().get();
    }

    @Test
    void everySampleGuideAndPaperPassesVeraPdf() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> guides = sources("guide(\\.[a-z-]+)?\\.md");
        List<Path> papers = sources("index(\\.[a-z-]+)?\\.md");
        assertTrue(guides.size() >= 15 && papers.size() >= 15, "five languages of guides and papers");
        for (Path g : guides) check(g, guide(g), failures);
        for (Path p : papers) check(p, paper(p), failures);
        assertEquals(List.of(), failures);
    }

    private static void check(Path source, byte[] pdf, List<String> failures) {
        for (String f : VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)) failures.add(source + ": " + f);
        for (String f : VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A)) failures.add(source + ": " + f);
    }
}
