package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PRStream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookletTest {

    private static byte[] guide(PdfStyle style) {
        return GuideRenderer.render(Fixtures.spec("en", 1, 1), style, Samples.fonts()).orThrow();
    }

    /** Page numbers of the guide placed on one sheet, left to right, found by comparing content streams. */
    private static List<Integer> placed(PdfReader booklet, int sheet, PdfReader guide) throws Exception {
        PdfDictionary page = booklet.getPageN(sheet);
        String content = new String(booklet.getPageContent(sheet), java.nio.charset.StandardCharsets.ISO_8859_1);
        PdfDictionary xobjects = page.getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
        // "1 0 0 1 x y cm /Xf1 Do" in drawing order
        Matcher m = Pattern.compile("([-\\d.]+) ([-\\d.]+) cm\\s*/(\\w+) Do").matcher(content);
        List<float[]> byX = new ArrayList<>();
        while (m.find()) {
            PRStream xs = (PRStream) PdfReader.getPdfObject(xobjects.get(new PdfName(m.group(3))));
            byte[] bytes = PdfReader.getStreamBytes(xs);
            int match = -1;
            for (int p = 1; p <= guide.getNumberOfPages(); p++) {
                if (java.util.Arrays.equals(bytes, guide.getPageContent(p))) match = p;
            }
            byX.add(new float[]{Float.parseFloat(m.group(1)), match});
        }
        byX.sort((a, b) -> Float.compare(a[0], b[0]));
        return byX.stream().map(a -> (int) a[1]).toList();
    }

    @Test
    void a4GuideImposesOnA3InFoldingOrder() throws Exception {
        byte[] g = guide(Samples.style());
        byte[] b = Booklet.impose(g);
        try (PdfReader r = new PdfReader(b); PdfReader gr = new PdfReader(g)) {
            assertEquals(2, r.getNumberOfPages());
            for (int s = 1; s <= 2; s++) {
                assertEquals(1190.55f, r.getPageSize(s).getWidth(), 1f);   // A3 landscape
                assertEquals(841.89f, r.getPageSize(s).getHeight(), 1f);
            }
            assertEquals(List.of(4, 1), placed(r, 1, gr));
            assertEquals(List.of(2, 3), placed(r, 2, gr));
        }
        // text order on sheet 1: back cover (page 4) then cover (page 1)
        String sheet1 = PdfChecks.text(b, 1);
        int back = sheet1.indexOf("Read the full briefing paper");
        int cover = sheet1.indexOf("Community Guide", Math.max(back, 0));  // the cover's series label
        assertTrue(back >= 0 && cover > back, sheet1);
        // sheet 2 carries page 2 then page 3: the body's first words come before its last ones
        String sheet2 = PdfChecks.squeeze(PdfChecks.text(b, 2));
        String p2 = PdfChecks.squeeze(PdfChecks.text(g, 2));
        String p3 = PdfChecks.squeeze(PdfChecks.text(g, 3));
        assertTrue(sheet2.indexOf(p2.substring(0, 40)) < sheet2.indexOf(p3.substring(0, 40)), sheet2);
        assertArrayEquals(b, Booklet.impose(g), "deterministic");
    }

    /** A right-to-left guide folds the other way: its spine is on the right, so sheet 1 is 1 | 4 and sheet 2 is 3 | 2. */
    @Test
    void rightToLeftGuideImposesInMirroredOrder() throws Exception {
        GuideSpec spec = Fixtures.spec("en", 1, 1).toBuilder().direction(Direction.RTL).build();
        byte[] g = GuideRenderer.render(spec, Samples.style(), Samples.fonts()).orThrow();
        byte[] b = Booklet.impose(g, Direction.RTL);
        try (PdfReader r = new PdfReader(b); PdfReader gr = new PdfReader(g)) {
            assertEquals(List.of(1, 4), placed(r, 1, gr));
            assertEquals(List.of(3, 2), placed(r, 2, gr));
        }
    }

    @Test
    void letterGuideImposesOnTabloid() throws Exception {
        byte[] b = Booklet.impose(guide(Samples.style().withPaperSize(PaperSize.LETTER)));
        try (PdfReader r = new PdfReader(b)) {
            assertEquals(2, r.getNumberOfPages());
            assertEquals(1224f, r.getPageSize(1).getWidth(), 0.5f);
            assertEquals(792f, r.getPageSize(1).getHeight(), 0.5f);
        }
    }

    @Test
    void rejectsWhatIsNotAFourPageGuide() {
        assertThrows(IllegalArgumentException.class, () -> Booklet.impose(new byte[]{1, 2, 3}));
    }
}
