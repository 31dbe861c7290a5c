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

    /** A short body grows above the base size (to 12 pt at most) and is spread over both body pages. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "zh"})
    void shortGuideGrowsAndUsesBothBodyPages(String lang) throws Exception {
        RenderResult r = GuideRenderer.render(Fixtures.spec(lang, 1, 1), STYLE, FONTS);
        assertTrue(r.ok(), r.diagnostics()::toString);
        byte[] pdf = r.pdf().get();
        assertEquals(4, PdfChecks.pages(pdf));
        assertTrue(r.bodySize() > STYLE.baseSize() && r.bodySize() <= 12f, "size " + r.bodySize());
        assertEquals(12f, GuideRenderer.growCeiling(STYLE));
        // page 3 carries more than its footer: the recommendations (a section of its own)
        String page3 = PdfChecks.squeeze(PdfChecks.text(pdf, 3));
        assertTrue(page3.contains(PdfChecks.squeeze(Fixtures.lang(lang).recs())), page3);
    }

    /** Running text is about 40 ems of the base size wide, beside a rail on the start side of the text block. */
    @Test
    void runningTextIsSetBesideARail() {
        GuideRenderer.Geometry a4 = new GuideRenderer.Geometry(STYLE, Direction.LTR);
        assertEquals(467f, a4.blockWidth(), 0.5f);
        assertEquals(467f - 40 * 10.5f, a4.rail(), 0.5f);
        assertEquals(0f, a4.withoutRail().rail());
        assertEquals(484f - 40 * 10.5f, new GuideRenderer.Geometry(STYLE.withPaperSize(PaperSize.LETTER),
                Direction.LTR).rail(), 0.5f);
        // a base size whose 40 ems fill the block needs no rail
        assertEquals(0f, new GuideRenderer.Geometry(STYLE.withSizes(12f, 8.5f), Direction.LTR).rail());
    }

    /** Latin and Cyrillic paragraphs at the base size: 70–85 characters a line; Chinese 35–40. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "zh"})
    void paragraphLinesHaveAComfortableLength(String lang) {
        GuideSpec spec = Fixtures.spec(lang, 1, 1);
        Typesetter ts = new Typesetter(FONTS, STYLE, lang, Direction.LTR, spec.source());
        GuideRenderer.Geometry g = new GuideRenderer.Geometry(STYLE, Direction.LTR);
        List<Block> blocks = GuideRenderer.body(spec, STYLE, ts, g, STYLE.baseSize(), new ArrayList<>(),
                BodyBuilder.newImageCache(), false).blocks();
        // the paragraph of section 1, in the column beside the rail
        Block.Text para = blocks.stream().filter(b -> b instanceof Block.Text t && t.indentStart() == g.rail()
                && t.marker() == null && t.lines(g.blockWidth(), 0) > 3).map(b -> (Block.Text) b).findFirst()
                .orElseThrow();
        List<LineComposer.Line> lines = para.composed(g.blockWidth());
        double mean = lines.subList(0, lines.size() - 1).stream()
                .mapToInt(l -> l.phrase().getContent().strip().length()).average().orElseThrow();
        if (lang.equals("zh")) assertTrue(mean >= 35 && mean <= 40, "characters a line: " + mean);
        else assertTrue(mean >= 70 && mean <= 85, "characters a line: " + mean);
    }

    /** A body too long for the column even at the floor size gets the whole width of the text block. */
    @Test
    void bodyTooLongForTheColumnUsesTheWholeBlock() throws Exception {
        GuideSpec spec = Fixtures.spec("zh", 6, 2);
        Typesetter ts = new Typesetter(FONTS, STYLE, "zh", Direction.LTR, spec.source());
        GuideRenderer.Geometry g = new GuideRenderer.Geometry(STYLE, Direction.LTR);
        List<Block> atFloor = GuideRenderer.body(spec, STYLE, ts, g, STYLE.floorSize(), new ArrayList<>(),
                BodyBuilder.newImageCache(), false).blocks();
        assertFalse(new Flow(g.bodySlots(), null, Direction.LTR).run(atFloor).fits(), "too long for the column");
        RenderResult r = GuideRenderer.render(spec, STYLE, FONTS);
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(4, PdfChecks.pages(r.pdf().get()));
    }

    /** A body that fits on page 2 even at the largest size starts page 3 at a section heading. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void veryShortGuideIsBalancedOverBothBodyPages(String lang) throws Exception {
        RenderResult r = GuideRenderer.render(Fixtures.spec(lang, 0, 1), STYLE, FONTS);
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(12f, r.bodySize());
        Fixtures.Lang l = Fixtures.lang(lang);
        String page2 = PdfChecks.squeeze(PdfChecks.text(r.pdf().get(), 2));
        String page3 = PdfChecks.squeeze(PdfChecks.text(r.pdf().get(), 3));
        assertTrue(page2.contains(PdfChecks.squeeze(l.keyPoints())) && !page2.contains(PdfChecks.squeeze(l.recs())),
                page2);
        assertTrue(page3.startsWith(PdfChecks.squeeze(l.recs())), page3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "zh"})
    void longGuideStepsDownAndStillHasFourPages(String lang) throws Exception {
        int sections = lang.equals("ru") ? 5 : 6;
        RenderResult r = GuideRenderer.render(Fixtures.spec(lang, sections, 2), STYLE, FONTS);
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(4, PdfChecks.pages(r.pdf().get()));
        assertTrue(r.bodySize() < STYLE.baseSize() && r.bodySize() >= STYLE.floorSize(), "size " + r.bodySize());
        // the whole body made it onto the pages: the last paragraph (the link) and the endnote are there
        String text = PdfChecks.squeeze(PdfChecks.allText(r.pdf().get()));
        assertTrue(text.contains(PdfChecks.squeeze(Fixtures.lang(lang).title())), "title");
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
        String body = PdfChecks.text(pdf, 2).replaceAll("\\s+", " ");
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
        RenderResult r = GuideRenderer.render(Fixtures.spec("ru", 10, 2), STYLE, FONTS);
        assertFalse(r.ok());
        assertEquals(1, r.errors().size(), r.diagnostics()::toString);
        Diagnostic d = r.errors().get(0);
        assertEquals("content/papers/x/guide.ru.md: 1.0 page too long at the smallest size (8.5 pt) — "
                + "shorten by about 560 words", d.pos() + ": " + d.text());
    }

    @Test
    void chineseOverflowCountsCharacters() {
        RenderResult r = GuideRenderer.render(Fixtures.spec("zh", 10, 2), STYLE, FONTS);
        assertFalse(r.ok());
        Diagnostic d = r.errors().get(0);
        assertTrue(d.text().matches("\\d\\.\\d pages? too long at the smallest size \\(8\\.5 pt\\) — "
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
        GuideSpec rtl = new GuideSpec(ltr.source(), ltr.bodyLineOffset(), "en", Direction.RTL, ltr.seriesLabel(),
                ltr.title(), ltr.summary(), ltr.shortTitle(), ltr.body(), ltr.bundleDir(), null, ltr.dateText(),
                ltr.date(), ltr.timestamp(), ltr.paperUrl(), ltr.readFullLabel(), ltr.availableLabel(),
                ltr.availableLanguages(), ltr.tags(), ltr.pageLabelFormat(), ltr.notesLabel());
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
