package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfReader;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a print shop checks: with a bleed, each page's TrimBox is the A4 page and its MediaBox and BleedBox 3 mm more
 * on every side, with the colour bands carried into the bleed; the booklet keeps the bleed on its outer edges and,
 * when asked, has crop marks in a slug beyond it. The PDFs stay PDF/UA-1 and PDF/A-2a.
 */
class PrintProductionTest {
    static final float BLEED = 3 * 72f / 25.4f;
    static final Path GUIDE = Path.of("content/papers/uhc-last-mile/guide.md");

    static byte[] guide(PdfStyle.Print print) throws IOException {
        return GuideRenderer.render(Samples.spec(GUIDE), Samples.style().withPrint(print), Samples.fonts()).orThrow();
    }

    @Test
    void aBleedGrowsEveryPageAroundItsTrimBoxAndBandsRunIntoIt() throws IOException {
        byte[] pdf = guide(new PdfStyle.Print(BLEED, false));
        try (PdfReader r = new PdfReader(pdf)) {
            for (int i = 1; i <= 4; i++) {
                box(r.getBoxSize(i, "trim"), 0, 0, 595.28f, 841.89f);
                box(r.getBoxSize(i, "media"), -BLEED, -BLEED, 595.28f + BLEED, 841.89f + BLEED);
                box(r.getBoxSize(i, "bleed"), -BLEED, -BLEED, 595.28f + BLEED, 841.89f + BLEED);
            }
            // the cover's band reaches the top edge of the bleed: a fill from x = -8.5 to the other side
            String cover = new String(r.getPageContent(1), StandardCharsets.ISO_8859_1);
            assertTrue(cover.contains("\n-8.5 336.76 612.28 "), "the band is not carried into the bleed");
            // body text prints on the black plate alone: pure DeviceGray black, not the screen's RGB near-black
            String body = new String(r.getPageContent(2), StandardCharsets.ISO_8859_1);
            assertTrue(body.contains("0 g\n") && !body.contains("0.12157 0.14118 0.16863 rg"), "body text is not K");
        }
        try (PdfReader r = new PdfReader(guide(PdfStyle.Print.NONE))) {
            String body = new String(r.getPageContent(2), StandardCharsets.ISO_8859_1);
            assertTrue(body.contains("0.12157 0.14118 0.16863 rg"), "on screen the text keeps the theme's ink");
        }
        try (PdfReader r = new PdfReader(guide(PdfStyle.Print.NONE))) {
            box(r.getBoxSize(1, "media"), 0, 0, 595.28f, 841.89f);
            assertEquals(null, r.getPageN(1).get(org.openpdf.text.pdf.PdfName.TRIMBOX));
        }
        assertEquals(java.util.List.of(), PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1));
        assertEquals(java.util.List.of(), PdfValidation.failures(pdf, PDFAFlavour.PDFA_2_A));
    }

    @Test
    void theBookletKeepsTheBleedOutsideAndCarriesCropMarksInASlug() throws IOException {
        byte[] booklet = Booklet.impose(guide(new PdfStyle.Print(BLEED, true)), Direction.LTR, true);
        float slug = BLEED + Booklet.SLUG_MM * 72f / 25.4f;
        try (PdfReader r = new PdfReader(booklet)) {
            box(r.getBoxSize(1, "trim"), 0, 0, 2 * 595.28f, 841.89f);
            box(r.getBoxSize(1, "bleed"), -BLEED, -BLEED, 2 * 595.28f + BLEED, 841.89f + BLEED);
            box(r.getBoxSize(1, "media"), -slug, -slug, 2 * 595.28f + slug, 841.89f + slug);
        }
        try (PdfReader r = new PdfReader(Booklet.impose(guide(PdfStyle.Print.NONE), Direction.LTR, false))) {
            box(r.getBoxSize(1, "media"), 0, 0, 2 * 595.28f, 841.89f);
        }
    }

    @Test
    void theBackCoverCarriesTheContactTheFunderAndTheDisclaimerInEveryLayout() throws IOException {
        GuideSpec.Imprint imprint = new GuideSpec.Imprint("contact@example.org",
                "Produced with the support of the Example Foundation.",
                "The views expressed are those of the authors and not necessarily those of the funder.");
        for (org.lastmile.pdf.layout.GuideLayout.Kind k : org.lastmile.pdf.layout.GuideLayout.Kind.values()) {
            GuideSpec spec = Samples.spec(GUIDE).toBuilder().imprint(imprint).layout(k).minSize(8).build();
            RenderResult r = GuideRenderer.render(spec, Samples.style(), Samples.fonts());
            if (!r.ok()) continue;  // the sample does not fit every layout: the others show it
            String back = PdfChecks.squeeze(PdfChecks.text(r.orThrow(), 4));
            for (String line : java.util.List.of(imprint.email(), imprint.funder(), imprint.disclaimer())) {
                assertTrue(back.contains(PdfChecks.squeeze(line)), k + ": " + line + " not on the back cover: " + back);
            }
            assertTrue(new String(r.orThrow(), StandardCharsets.ISO_8859_1).contains("(mailto:contact@example.org)"),
                    k + ": the e-mail is a link");
        }
    }

    private static void box(Rectangle b, float llx, float lly, float urx, float ury) {
        String got = b.getLeft() + " " + b.getBottom() + " " + b.getRight() + " " + b.getTop();
        assertTrue(Math.abs(b.getLeft() - llx) < 0.02 && Math.abs(b.getBottom() - lly) < 0.02
                && Math.abs(b.getRight() - urx) < 0.02 && Math.abs(b.getTop() - ury) < 0.02,
                got + " is not " + llx + " " + lly + " " + urx + " " + ury);
    }
}
