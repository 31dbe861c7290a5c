package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lastmile.diag.Diagnostic;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuideRendererTest {
    private static final Fonts FONTS = Samples.fonts();
    private static final PdfStyle STYLE = Samples.style();

    private static byte[] render(GuideSpec spec) {
        RenderResult r = GuideRenderer.render(spec, STYLE, FONTS);
        assertTrue(r.ok(), () -> "render failed: " + r.diagnostics());
        return r.pdf().orElseThrow();
    }

    @Test
    void everyFontIsEmbeddedAndSubset() throws Exception {
        for (String lang : List.of("en", "zh")) {
            byte[] pdf = render(Fixtures.spec(lang, 2, 1));
            List<PdfDictionary> fonts = PdfChecks.fonts(pdf);
            assertFalse(fonts.isEmpty());
            for (PdfDictionary f : fonts) {
                String name = f.getAsName(PdfName.BASEFONT).toString();
                assertTrue(name.matches("/[A-Z]{6}\\+.+"), "not subset: " + name);
                PdfDictionary d = PdfChecks.descriptor(f);
                assertNotNull(d, "no descriptor: " + name);
                assertNotNull(d.get(PdfName.FONTFILE2), "not embedded: " + name);
            }
        }
    }

    @Test
    void chineseTextExtractsInOrder() throws Exception {
        byte[] pdf = render(Fixtures.spec("zh", 1, 1));
        String body = PdfChecks.squeeze(PdfChecks.text(pdf, 2));
        // every sentence of the paragraph comes back whole, in order
        int at = 0;
        for (String sentence : Fixtures.ZH_PARA.split("(?<=。)")) {
            int i = body.indexOf(PdfChecks.squeeze(sentence), at);
            assertTrue(i >= 0, "missing or out of order: " + sentence + "\n---\n" + body);
            at = i;
        }
        String cover = PdfChecks.squeeze(PdfChecks.text(pdf, 1));
        assertTrue(cover.contains("无惧就医：社区指南"), cover);
        assertTrue(cover.contains("社区指南"), cover);
    }

    /** What a reader of {@code pdftotext -layout} gets: every paragraph whole and in order (skipped without poppler). */
    @ParameterizedTest
    @ValueSource(strings = {"zh", "ru"})
    void pdftotextLayoutGivesParagraphsInReadingOrder(String lang) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/pdftotext").canExecute(),
                "poppler-utils not installed");
        byte[] pdf = render(Fixtures.spec(lang, 1, 1));
        Path file = java.nio.file.Files.createTempFile("guide", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "3",
                    file.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            String text = PdfChecks.squeeze(out);
            Fixtures.Lang l = Fixtures.lang(lang);
            int intro = text.indexOf(PdfChecks.squeeze(l.para()));
            int keyPoints = text.indexOf(PdfChecks.squeeze(l.keyPoints()));
            int quote = text.indexOf(PdfChecks.squeeze(l.quote()));
            assertTrue(intro >= 0, "intro paragraph not whole:\n" + out);
            assertTrue(keyPoints > intro && quote > keyPoints, "out of order:\n" + out);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void russianTextExtractsWordForWord() throws Exception {
        byte[] pdf = render(Fixtures.spec("ru", 1, 1));
        // words hyphenated at the end of a line are read whole
        String body = PdfChecks.text(pdf, 2).replaceAll("(?<=\\p{L})-\\s+(?=\\p{Ll})", "").replaceAll("\\s+", " ");
        List<String> words = List.of(Fixtures.RU_PARA.split("[\\s,.:]+"));
        int at = 0;
        for (String w : words) {
            int i = body.indexOf(w, at);
            assertTrue(i >= 0, "missing or out of order: " + w + "\n---\n" + body);
            at = i;
        }
        assertTrue(PdfChecks.text(pdf, 1).contains("Руководство для сообществ"));
    }

    @Test
    void overflowIsReportedWithFileSizeAndWordsToCut() {
        RenderResult r = GuideRenderer.render(Fixtures.spec("ru", 22, 2), STYLE, FONTS);
        assertFalse(r.ok());
        assertEquals(1, r.errors().size(), r.diagnostics()::toString);
        Diagnostic d = r.errors().get(0);
        assertEquals("content/papers/x/guide.ru.md: 1.4 pages too long at the smallest size (9 pt) — "
                + "shorten by about 690 words", d.pos() + ": " + d.text());
    }

    @Test
    void chineseOverflowCountsCharacters() {
        RenderResult r = GuideRenderer.render(Fixtures.spec("zh", 24, 2), STYLE, FONTS);
        assertFalse(r.ok());
        Diagnostic d = r.errors().get(0);
        assertTrue(d.text().matches("\\d\\.\\d pages? too long at the smallest size \\(9 pt\\) — "
                + "shorten by about \\d+ characters"), d.text());
    }

    @Test
    void missingGlyphNamesLineCharacterAndFont() {
        String text = String.join("\n",
                "---",                                  // 1
                "title: \"泰国指南\"",                    // 2
                "summary: \"测试\"",                      // 3
                "---",                                  // 4
                "",                                     // 5
                "全民健康覆盖意味着人人都能获得所需的卫生服务。", // 6
                "",                                     // 7
                "## 要点",                               // 8
                "",                                     // 9
                "- 第一点",                               // 10
                "",                                     // 11
                "- 泰文：ก",                              // 12
                "- 泰文：**ข** 和 ก",                     // 13
                "");
        GuideSpec spec = Samples.spec(Path.of("content/papers/x/guide.zh.md"), text);
        RenderResult r = GuideRenderer.render(spec, STYLE, FONTS);
        assertFalse(r.ok());
        List<String> got = r.errors().stream().map(d -> d.pos() + ": " + d.text()).toList();
        assertEquals(List.of(
                "content/papers/x/guide.zh.md:12: no glyph for U+0E01 THAI CHARACTER KO KAI in NotoSans-Regular — "
                        + "add a font for this script to the theme's font mapping",
                "content/papers/x/guide.zh.md:13: no glyph for U+0E02 THAI CHARACTER KHO KHAI in NotoSans-Bold; "
                        + "U+0E01 THAI CHARACTER KO KAI in NotoSans-Regular — "
                        + "add a font for this script to the theme's font mapping"), got);
    }

    @Test
    void twoRendersAreByteIdentical() {
        GuideSpec spec = Fixtures.spec("zh", 2, 1);
        byte[] a = render(spec);
        byte[] b = render(Fixtures.spec("zh", 2, 1));
        assertArrayEquals(a, b);
    }

    @Test
    void parallelRendersShareFontsAndStayIdentical() throws Exception {
        byte[] en = render(Fixtures.spec("en", 2, 1));
        byte[] zh = render(Fixtures.spec("zh", 2, 1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> fs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                fs.add(pool.submit(() -> render(Fixtures.spec("en", 2, 1))));
                fs.add(pool.submit(() -> render(Fixtures.spec("zh", 2, 1))));
            }
            for (int i = 0; i < fs.size(); i++) assertArrayEquals(i % 2 == 0 ? en : zh, fs.get(i).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void metadataLanguageBookmarksAndLinks() throws Exception {
        byte[] pdf = render(Fixtures.spec("ru", 1, 1));
        try (PdfReader r = new PdfReader(pdf)) {
            Map<String, String> info = r.getInfo();
            assertEquals(Fixtures.RU.title(), info.get("Title"));
            assertEquals("Last Mile Collective", info.get("Author"));
            assertEquals(Fixtures.RU.summary(), info.get("Subject"));
            assertEquals("lastmile", info.get("Creator"));
            assertEquals("D:20260312000000Z", info.get("CreationDate").replace("'", "").replace("Z00", "Z"));
            PdfObject lang = PdfReader.getPdfObject(r.getCatalog().get(PdfName.LANG));
            assertEquals("ru", ((PdfString) lang).toUnicodeString());
            assertNotNull(r.getCatalog().get(PdfName.OUTLINES), "bookmarks");
            // external links: the body link and the back cover URL/QR code
            int uriLinks = 0;
            int localLinks = 0;
            for (int p = 1; p <= r.getNumberOfPages(); p++) {
                var annots = r.getPageN(p).getAsArray(PdfName.ANNOTS);
                if (annots == null) continue;
                for (int i = 0; i < annots.size(); i++) {
                    PdfDictionary a = (PdfDictionary) PdfReader.getPdfObject(annots.getPdfObject(i));
                    PdfDictionary action = (PdfDictionary) PdfReader.getPdfObject(a.get(PdfName.A));
                    if (action != null && PdfName.URI.equals(action.getAsName(PdfName.S))) uriLinks++;
                    if (action != null && PdfName.GOTO.equals(action.getAsName(PdfName.S))) localLinks++;
                    if (a.get(PdfName.DEST) != null) localLinks++;
                }
            }
            assertTrue(uriLinks >= 3, "uri links " + uriLinks);
            assertTrue(localLinks >= 1, "footnote link " + localLinks);
        }
    }

    @Test
    void rightToLeftLayoutRendersFourPages() throws Exception {
        GuideSpec ltr = Fixtures.spec("en", 2, 1);
        GuideSpec rtl = ltr.toBuilder().direction(Direction.RTL).coverImage(null).build();
        byte[] pdf = render(rtl);
        assertEquals(4, PdfChecks.pages(pdf));
        assertTrue(PdfChecks.squeeze(PdfChecks.text(pdf, 2)).contains(PdfChecks.squeeze("Key points 1")));
        assertEquals(4, PdfChecks.pages(Booklet.impose(pdf, Direction.RTL)) * 2);
    }

    @Test
    void letterGuidesUseLetterPages() throws Exception {
        RenderResult r = GuideRenderer.render(Fixtures.spec("en", 1, 1), STYLE.withPaperSize(PaperSize.LETTER),
                FONTS);
        try (PdfReader reader = new PdfReader(r.orThrow())) {
            assertEquals(4, reader.getNumberOfPages());
            assertEquals(612f, reader.getPageSize(1).getWidth(), 0.5f);
            assertEquals(792f, reader.getPageSize(1).getHeight(), 0.5f);
        }
    }
}
