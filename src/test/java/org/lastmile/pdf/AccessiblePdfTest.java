package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.BuildResult;
import org.lastmile.pipeline.TestSites;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample publication built as a user builds it, with {@code papers: true}: every guide and briefing paper, in
 * every language, as veraPDF sees it — zero failed PDF/UA-1 checks and PDF/A-2a met, the two standards each PDF
 * claims in its XMP metadata.
 */
class AccessiblePdfTest {
    @TempDir
    Path tmp;

    @Test
    void everySampleGuideAndPaperPassesVeraPdf() {
        Path site = tmp.resolve("site");
        TestSites.copy(Path.of("content"), site.resolve("content"));
        String yaml = TestSites.read(Path.of("site.yaml"));
        assertTrue(yaml.contains("  papers: false"), "the sample's site.yaml changed: adapt this test");
        TestSites.write(site, "site.yaml", yaml.replace("  papers: false", "  papers: true"));
        BuildResult r = Build.run(BuildOptions.of(site, tmp.resolve("public")));
        assertEquals(List.of(), r.diagnostics().stream().map(d -> d.format()).toList());
        Map<String, byte[]> files = TestSites.tree(tmp.resolve("public"));
        List<String> failures = new ArrayList<>();
        int guides = 0;
        int papers = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            if (!name.endsWith(".pdf") || name.endsWith("-booklet.pdf")) continue;  // booklets claim nothing
            if (name.contains("-guide-")) guides++;
            else papers++;
            for (String x : PdfValidation.failures(f.getValue(), PDFAFlavour.PDFUA_1)) failures.add(name + ": " + x);
            for (String x : PdfValidation.failures(f.getValue(), PDFAFlavour.PDFA_2_A)) failures.add(name + ": " + x);
        }
        assertTrue(guides >= 15 && papers >= 15, "five languages of guides and papers: " + guides + ", " + papers);
        assertEquals(List.of(), failures);
    }
}
