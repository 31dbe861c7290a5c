package org.lastmile.pdf;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Outline;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.SimpleBookmark;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The painter writes what layout placed: where it placed it, readable, clickable, and the same bytes every time. */
class PainterTest {
    static final Fonts FONTS = Samples.fonts();
    static final String SANS = "NotoSans-Regular.ttf";
    static final String BOLD = "NotoSans-Bold.ttf";
    static final String SC = "NotoSansSC-Regular.ttf";
    static final float A4W = 595.28f;
    static final float A4H = 841.89f;
    static final Tag P1 = Tag.of(Role.P, 1, 0);
    static final DocumentInfo INFO = new DocumentInfo("Health Care Without Fear", "Last Mile Collective",
            "A community guide", List.of("health", "rights"), "en", Instant.parse("2026-11-22T00:00:00Z"), "x/guide.md");

    /** Sets {@code text} word by word from (x, y), as layout does: one box per word, natural spaces between. */
    static List<Box> words(String font, float size, float x, float y, String text, Tag tag) {
        List<Box> out = new ArrayList<>();
        float space = FONTS.width(font, " ", size);
        for (String w : text.split(" ")) {
            float width = FONTS.width(font, w, size);
            out.add(new Box.Glyphs(x, y, width, font, size, Color.BLACK, w, tag));
            x += width + space;
        }
        return out;
    }

    /** Sets a paragraph in lines of at most {@code measure} points, from the top baseline down. */
    static List<Box> paragraph(String font, float size, float x, float top, float measure, String text, Tag tag) {
        List<Box> out = new ArrayList<>();
        boolean spaced = text.contains(" ");
        List<String> pieces = spaced ? List.of(text.split(" "))
                : text.codePoints().mapToObj(Character::toString).toList();
        float space = spaced ? FONTS.width(font, " ", size) : 0;
        float cx = x;
        float y = top;
        for (String w : pieces) {
            float width = FONTS.width(font, w, size);
            if (cx > x && cx + width > x + measure) {
                cx = x;
                y -= size * 1.4f;
            }
            out.add(new Box.Glyphs(cx, y, width, font, size, null, w, tag));
            cx += width + space;
        }
        return out;
    }

    static LaidOut doc(Page... pages) {
        return new LaidOut(List.of(pages), List.of(), Map.of());
    }

    static Page a4(List<Box> boxes) {
        return new Page(A4W, A4H, boxes);
    }

    static byte[] paint(LaidOut doc) {
        return Painter.paint(doc, INFO, FONTS);
    }

    // ---- pages and metadata ----

    @Test
    void everyPageHasItsOwnSizeAndEmptyPagesCount() throws IOException {
        byte[] pdf = paint(doc(a4(words(SANS, 10, 72, 700, "one", P1)), new Page(612, 792, List.of()),
                a4(words(SANS, 10, 72, 700, "three", P1))));
        try (PdfReader r = new PdfReader(pdf)) {
            assertEquals(3, r.getNumberOfPages());
            assertSize(A4W, A4H, r.getPageSize(1));
            assertSize(612, 792, r.getPageSize(2));
            assertSize(A4W, A4H, r.getPageSize(3));
        }
    }

    private static void assertSize(float w, float h, Rectangle r) {
        assertEquals(w, r.getWidth(), 0.01f);
        assertEquals(h, r.getHeight(), 0.01f);
    }

    @Test
    void metadataLanguageAndDatesComeFromTheInfo() throws IOException {
        byte[] pdf = paint(doc(a4(words(SANS, 10, 72, 700, "Hello", P1))));
        try (PdfReader r = new PdfReader(pdf)) {
            Map<String, String> info = r.getInfo();
            assertEquals("Health Care Without Fear", info.get("Title"));
            assertEquals("Last Mile Collective", info.get("Author"));
            assertEquals("A community guide", info.get("Subject"));
            assertEquals("health, rights", info.get("Keywords"));
            assertTrue(info.get("CreationDate").startsWith("D:20261122000000"), info.get("CreationDate"));
            assertEquals("en", r.getCatalog().getAsString(PdfName.LANG).toUnicodeString());
        }
    }

    @Test
    void noPagesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> paint(new LaidOut(List.of(), List.of(), Map.of())));
    }

    @Test
    void sameModelGivesTheSameBytes() throws IOException {
        LaidOut d = sample();
        byte[] a = paint(d);
        byte[] b = paint(d);
        assertArrayEquals(a, b);
        String s = new String(a, StandardCharsets.ISO_8859_1);
        // the subset prefix and the file ID are derived, not random: a different seed changes them
        byte[] c = Painter.paint(d, new DocumentInfo(INFO.title(), INFO.author(), INFO.subject(), INFO.keywords(),
                INFO.language(), INFO.timestamp(), "another seed"), FONTS);
        assertTrue(!java.util.Arrays.equals(a, c), "the seed must reach the subset prefixes");
        assertTrue(s.contains("+NotoSans-Regular"), "fonts are embedded as subsets");
    }

    @Test
    void paintingOnManyThreadsAtOnceGivesTheSameBytes() throws Exception {
        LaidOut d = sample();
        byte[] alone = paint(d);
        List<java.util.concurrent.Future<byte[]>> futures = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 8; i++) futures.add(pool.submit(() -> paint(d)));
            for (var f : futures) assertArrayEquals(alone, f.get(), "subset prefixes and IDs do not leak between threads");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- text ----

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "zh"})
    void pdftotextReadsTheTextBackInOrder(String lang) throws Exception {
        Fixtures.Lang l = Fixtures.lang(lang);
        String font = lang.equals("zh") ? SC : SANS;
        List<Box> boxes = new ArrayList<>(paragraph(BOLD.equals(font) ? BOLD : lang.equals("zh") ? SC : BOLD, 18,
                72, 760, 450, l.title(), Tag.of(Role.H1, 1, 0)));
        boxes.addAll(paragraph(font, 10, 72, 700, 450, l.para(), Tag.of(Role.P, 2, 0)));
        boxes.addAll(paragraph(font, 10, 72, 560, 450, l.quote(), Tag.of(Role.P, 3, 0)));
        byte[] pdf = paint(doc(a4(boxes), a4(paragraph(font, 10, 72, 760, 450, l.bullet2(), P1))));
        String text = squeeze(pdftotext(pdf));
        int title = text.indexOf(squeeze(l.title()));
        int para = text.indexOf(squeeze(l.para()));
        int quote = text.indexOf(squeeze(l.quote()));
        int page2 = text.indexOf(squeeze(l.bullet2()));
        assertTrue(title >= 0 && para > title && quote > para && page2 > quote, "missing or out of order:\n" + text);
    }

    @Test
    void aWordPlacedAtXLandsAtX() throws Exception {
        List<Box> boxes = new ArrayList<>();
        boxes.addAll(words(SANS, 12, 100, 600, "Alpha", P1));
        boxes.addAll(words(SANS, 9, 333.5f, 420.25f, "Омега", P1));
        boxes.addAll(words(SC, 11, 250, 200, "社区", P1));
        byte[] pdf = paint(doc(a4(boxes)));
        Map<String, float[]> bbox = bboxes(pdf);
        assertAt(bbox.get("Alpha"), 100, 600, FONTS.width(SANS, "Alpha", 12));
        assertAt(bbox.get("Омега"), 333.5f, 420.25f, FONTS.width(SANS, "Омега", 9));
        assertAt(bbox.get("社区"), 250, 200, FONTS.width(SC, "社区", 11));
    }

    /** A justified line's expansion and letter-spacing are printed exactly, and do not leak into later text. */
    @Test
    void expandedAndLetterSpacedWordsAreAsWideAsLayoutMeasured() throws Exception {
        float wide = (FONTS.width(SANS, "Alpha", 12) + 5 * 0.12f) * 1.02f;
        float narrow = (FONTS.width(SANS, "Omega", 12) - 5 * 0.05f) * 0.98f;
        List<Box> boxes = List.of(new Box.Glyphs(100, 600, wide, SANS, 12, null, "Alpha ", P1, 1.02f, 0.12f),
                new Box.Glyphs(200, 600, narrow, SANS, 12, null, "Omega", P1, 0.98f, -0.05f),
                new Box.Fill(0, 0, 10, 10, Color.GRAY, Tag.ARTIFACT),
                new Box.Glyphs(100, 500, FONTS.width(SANS, "Plain", 12), SANS, 12, null, "Plain", P1));
        byte[] pdf = paint(doc(a4(boxes)));
        Map<String, float[]> bbox = bboxes(pdf);
        // the width holds the spacing after every glyph; the last glyph's own box ends before its share
        assertAt(bbox.get("Alpha"), 100, 600, wide - 0.12f * 1.02f);
        assertAt(bbox.get("Omega"), 200, 600, narrow + 0.05f * 0.98f);
        assertAt(bbox.get("Plain"), 100, 500, FONTS.width(SANS, "Plain", 12));
        String content = content(pdf, 1);
        assertTrue(content.contains("102 Tz") && content.contains("0.12 Tc") && content.contains("98 Tz"), content);
    }

    private static void assertAt(float[] b, float x, float baseline, float width) {
        assertNotNull(b, "word not found");
        assertEquals(x, b[0], 0.05f, "left edge");
        assertEquals(x + width, b[2], 0.05f, "right edge = x + the width layout measured");
        float top = A4H - baseline;  // pdftotext measures from the top of the page
        assertTrue(b[1] < top && b[3] > top, "baseline " + top + " not within " + b[1] + ".." + b[3]);
    }

    @Test
    void textThatContinuesWhereTheLastBoxEndedNeedsNoNewPosition() throws Exception {
        List<Box> boxes = new ArrayList<>(paragraph(SC, 10, 72, 700, 1000, "社区一再证明", P1));    // one box a character
        boxes.addAll(words(SANS, 10, 72, 650, "ragged words with natural spaces", P1));
        float x = 72;
        for (String w : "justified words spread out".split(" ")) {                      // wider gaps
            boxes.add(new Box.Glyphs(x, 600, FONTS.width(SANS, w, 10), SANS, 10, null, w, P1));
            x += FONTS.width(SANS, w, 10) + 7.5f;
        }
        byte[] pdf = paint(doc(a4(boxes)));
        String content = content(pdf, 1);
        assertEquals(1 + 1 + 4, count(content, " Tm"), "one position per line, one per justified word: " + content);
        String text = pdftotext(pdf, "-raw");
        assertTrue(text.contains("社区一再证明\nragged words with natural spaces\njustified words spread out"), text);
        Map<String, float[]> bbox = bboxes(pdf);
        float natural = 72 + FONTS.width(SANS, "ragged words with ", 10);
        assertAt(bbox.get("natural"), natural, 650, FONTS.width(SANS, "natural", 10));
        assertAt(bbox.get("out"), x - 7.5f - FONTS.width(SANS, "out", 10), 600, FONTS.width(SANS, "out", 10));
    }

    @Test
    void coloursAndFontsAreSetAsTheBoxesSay() throws IOException {
        Color red = new Color(0xC0, 0x10, 0x20);
        List<Box> boxes = List.of(new Box.Glyphs(72, 700, 30, BOLD, 14, red, "Bold", P1),
                new Box.Glyphs(110, 700, 30, SANS, 9, null, "plain", P1));
        String content = content(paint(doc(a4(boxes))), 1);
        assertTrue(content.contains("0.75294 0.06275 0.12549 rg"), content);
        assertTrue(content.matches("(?s).*/F\\d+ 14 Tf.*/F\\d+ 9 Tf.*"), content);
        assertTrue(content.contains("0 g") || content.contains("0 0 0 rg"), "null colour is black: " + content);
    }

    @Test
    void rightToLeftWordsAreDrawnInVisualOrderAndLeftToRightOnesUntouched() {
        assertEquals("םולש", TextObject.visual("שלום"));
        assertEquals("(םולש)", TextObject.visual("(שלום)"), "reversed, brackets mirrored so they still face the word");
        assertEquals("health", TextObject.visual("health"));
        assertEquals("社区（WHO）", TextObject.visual("社区（WHO）"));
        assertEquals("Здоровье", TextObject.visual("Здоровье"));
    }

    // ---- rules, fills, images ----

    @Test
    void rulesAreStrokedAndFillsAreFilledWithoutStroke() throws IOException {
        List<Box> boxes = List.of(new Box.Fill(0, 834.89f, A4W, 7, new Color(0, 0x55, 0xAA), Tag.ARTIFACT),
                new Box.Rule(72, 60, 523.28f, 60, 0.5f, Color.GRAY, Tag.ARTIFACT));
        String content = content(paint(doc(a4(boxes))), 1);
        assertTrue(content.contains("0 834.89 595.28 7 re"), content);
        assertTrue(content.contains("re\nf"), "a fill is filled, not stroked: " + content);
        assertTrue(content.contains("0.5 w"), content);
        assertTrue(content.contains("72 60 m\n523.28 60 l\nS"), content);
        assertTrue(!content.contains("B\n") && !content.contains("b\n"), "never fill-and-stroke: " + content);
    }

    @Test
    void touchingFillsOfOneColourAreOnePathSoNoSeamShows() throws IOException {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 4; i++) boxes.add(new Box.Fill(400 + 3 * i, 100, 3, 3, Color.BLACK, Tag.ARTIFACT));
        boxes.add(new Box.Fill(400, 110, 3, 3, Color.RED, Tag.ARTIFACT));
        String content = content(paint(doc(a4(boxes))), 1);
        assertTrue(content.contains("400 100 3 3 re\n403 100 3 3 re\n406 100 3 3 re\n409 100 3 3 re\nf"), content);
        assertEquals(2, count(content, "\nf\n"), "one fill per colour: " + content);
    }

    @Test
    void linksBetweenWordsDoNotBreakTheLineOfText() throws IOException {
        List<Box> boxes = new ArrayList<>(words(SANS, 10, 72, 700, "see", P1));
        boxes.add(new Box.Link(95, 698, 40, 12, "https://example.org/", null, P1));
        boxes.addAll(words(SANS, 10, 95, 700, "this page", P1));
        List<Box> withoutLink = boxes.stream().filter(b -> !(b instanceof Box.Link)).toList();
        assertEquals(content(paint(doc(a4(withoutLink))), 1), content(paint(doc(a4(boxes))), 1),
                "a link paints nothing and leaves the text object open");
        assertEquals(1, annotations(paint(doc(a4(boxes))), 1).size());
    }

    @Test
    void artifactsAreMarkedAsArtifactsAndContentIsNot() throws IOException {
        List<Box> boxes = new ArrayList<>(words(SANS, 10, 72, 700, "Body", P1));
        boxes.addAll(words(SANS, 8, 72, 40, "Footer", Tag.ARTIFACT));
        boxes.add(new Box.Rule(72, 50, 523, 50, 0.5f, Color.GRAY, Tag.ARTIFACT));
        String content = content(paint(doc(a4(boxes))), 1);
        int mark = content.indexOf("/Artifact BMC");
        assertTrue(mark > content.indexOf("(Body)") || mark > 0, content);
        assertEquals(1, count(content, "/Artifact BMC"), "consecutive artifacts share one sequence: " + content);
        assertEquals(2, count(content, "EMC"), "the paragraph and the artifacts: " + content);
        String before = content.substring(0, mark);
        assertTrue(before.contains("BT") && before.contains("ET"), "body text is outside the artifact: " + content);
        assertTrue(before.contains("/P <</MCID 0>> BDC\nBT"), "body text is tagged content of its paragraph: " + content);
    }

    @Test
    void eachRunOfBoxesWithOneTagIsOpenedAndClosedOnceInReadingOrder() throws IOException {
        Tag h = Tag.of(Role.H2, 1, 0);
        Tag p = Tag.of(Role.P, 2, 0);
        List<Box> boxes = new ArrayList<>(words(SANS, 14, 72, 700, "Key points", h));
        boxes.addAll(words(SANS, 10, 72, 680, "First words", p));
        boxes.add(new Box.Link(72, 678, 40, 12, "https://example.org/", null, Tag.of(Role.LINK, 3, 2)));
        boxes.addAll(words(SANS, 10, 130, 680, "and more", p));
        boxes.addAll(words(SANS, 8, 72, 40, "2 / 4", Tag.ARTIFACT));
        List<String> events = new ArrayList<>();
        Painter.MarkedContent recorder = new Painter.MarkedContent() {
            @Override
            public void open(org.openpdf.text.pdf.PdfContentByte cb, Tag tag) {
                events.add("open " + tag.role() + tag.element());
            }

            @Override
            public void close(org.openpdf.text.pdf.PdfContentByte cb, Tag tag) {
                events.add("close " + tag.role() + tag.element());
            }
        };
        Painter.paint(doc(a4(boxes)), INFO, FONTS, recorder);
        assertEquals(List.of("open H21", "close H21", "open P2", "close P2", "open LINK3", "close LINK3", "open P2",
                "close P2", "open ARTIFACT0", "close ARTIFACT0"), events);
    }

    @Test
    void imagesAreEmbeddedOnceAndScaledIntoTheirBox() throws IOException {
        byte[] png = png(40, 20);
        List<Box> p1 = List.of(new Box.Picture(72, 600, 200, 100, "map", "A map", Tag.of(Role.FIGURE, 1, 0)),
                new Box.Picture(300, 600, 100, 50, "map", "A map", Tag.of(Role.FIGURE, 2, 0)));
        List<Box> p2 = List.of(new Box.Picture(72, 300, 400, 200, "map", "A map", Tag.of(Role.FIGURE, 3, 0)));
        LaidOut d = new LaidOut(List.of(a4(p1), a4(p2)), List.of(), Map.of("map", new ImageData(png, 40, 20)));
        byte[] pdf = paint(d);
        String c1 = content(pdf, 1);
        assertTrue(c1.contains("200 0 0 100 72 600 cm"), c1);
        assertTrue(c1.contains("100 0 0 50 300 600 cm"), c1);
        assertTrue(content(pdf, 2).contains("400 0 0 200 72 300 cm"));
        try (PdfReader r = new PdfReader(pdf)) {
            List<PdfObject> refs = new ArrayList<>();
            for (int p = 1; p <= 2; p++) {
                PdfDictionary xo = r.getPageN(p).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
                for (PdfName k : xo.getKeys()) refs.add(xo.get(k));
            }
            assertEquals(2, refs.size(), "one image per page's resources");
            assertEquals(refs.get(0).toString(), refs.get(1).toString(), "the same image object on both pages");
            PdfDictionary img = (PdfDictionary) PdfReader.getPdfObject(refs.get(0));
            assertEquals(PdfName.IMAGE, img.getAsName(PdfName.SUBTYPE));
            assertEquals(40, img.getAsNumber(PdfName.WIDTH).intValue());
        }
    }

    @Test
    void aMissingImageIsALayoutBug() {
        LaidOut d = doc(a4(List.of(new Box.Picture(72, 600, 200, 100, "nope", "", Tag.of(Role.FIGURE, 1, 0)))));
        assertThrows(IllegalArgumentException.class, () -> paint(d));
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 6) << 16 | (y * 12) << 8 | 0x80);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // ---- links, anchors, bookmarks ----

    @Test
    void externalLinksBecomeUriAnnotationsOverTheirRectangle() throws IOException {
        Tag link = Tag.of(Role.LINK, 2, 1);
        List<Box> boxes = List.of(
                new Box.Link(72, 698, 120, 12, "https://lastmile.example.org/en/papers/x/", null, link),
                new Box.Link(72, 680, 80, 12, "mailto:info@example.org", null, link),
                new Box.Link(72, 662, 80, 12, "tel:+41221234567", null, link),
                new Box.Link(72, 644, 80, 12, "../other/", null, link));
        List<PdfDictionary> annots = annotations(paint(doc(a4(boxes))), 1);
        assertEquals(4, annots.size());
        assertEquals(List.of("https://lastmile.example.org/en/papers/x/", "mailto:info@example.org",
                "tel:+41221234567", "../other/"), annots.stream().map(PainterTest::uri).toList());
        PdfArray rect = annots.get(0).getAsArray(PdfName.RECT);
        assertEquals(List.of(72f, 698f, 192f, 710f), numbers(rect));
        assertEquals(PdfName.LINK, annots.get(0).getAsName(PdfName.SUBTYPE));
        assertEquals(List.of(0f, 0f, 0f), numbers(annots.get(0).getAsArray(PdfName.BORDER)), "no box drawn around");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "java\tscript:alert(1)", " javascript:alert(1)", "java\nscript:x", "java script:alert(1)",
            "javascript\u0000:x", "\u00a0javascript:x", "https://x.org/\u2028", "file:///etc/passwd", "vbscript:x", "ftp://x/", ""})
    void dangerousLinksAreNeverLive(String uri) throws IOException {
        List<Box> boxes = List.of(new Box.Link(72, 698, 120, 12, uri, null, Tag.of(Role.LINK, 1, 0)));
        assertEquals(List.of(), annotations(paint(doc(a4(boxes))), 1));
        assertTrue(!Painter.isLiveUri(uri));
    }

    @Test
    void uriAreWrittenAsAsciiWithNonAsciiAndSpacesPercentEncoded() throws IOException {
        List<Box> boxes = List.of(
                new Box.Link(72, 698, 120, 12, "https://example.org/ru/#основные-положения", null, P1),
                new Box.Link(72, 680, 120, 12, "https://example.org/a b/%41", null, P1));
        List<PdfDictionary> annots = annotations(paint(doc(a4(boxes))), 1);
        assertEquals(List.of("https://example.org/ru/#%D0%BE%D1%81%D0%BD%D0%BE%D0%B2%D0%BD%D1%8B%D0%B5-%D0%BF%D0%BE"
                        + "%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D1%8F", "https://example.org/a%20b/%41"),
                annots.stream().map(PainterTest::uri).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "mailto:a@b.org", "tel:+1-555",
            "guide/", "../x/index.md", "#notes", "a/b:c", "//example.org/x"})
    void safeLinksAreLive(String uri) {
        assertTrue(Painter.isLiveUri(uri), uri);
    }

    @Test
    void localLinksJumpToTheirAnchorOnAnotherPage() throws IOException {
        List<Box> p1 = List.of(new Box.Link(300, 698, 6, 8, null, "note-1", Tag.of(Role.LINK, 1, 0)),
                new Box.Link(300, 600, 6, 8, null, "nowhere", Tag.of(Role.LINK, 2, 0)));
        List<Box> p2 = new ArrayList<>(List.of(new Box.Anchor("note-1", 72, 512.5f, Tag.of(Role.NOTE, 3, 0))));
        p2.addAll(words(SANS, 9, 72, 505, "1. The note.", Tag.of(Role.NOTE, 3, 0)));
        byte[] pdf = paint(doc(a4(p1), a4(p2)));
        List<PdfDictionary> annots = annotations(pdf, 1);
        assertEquals(1, annots.size(), "a link to a destination that does not exist is not made");
        PdfDictionary action = annots.get(0).getAsDict(PdfName.A);
        assertEquals(PdfName.GOTO, action.getAsName(PdfName.S));
        assertEquals("note-1", ((PdfString) action.get(PdfName.D)).toUnicodeString());
        try (PdfReader r = new PdfReader(pdf)) {
            PdfArray dest = (PdfArray) PdfReader.getPdfObject((PdfObject) r.getNamedDestination().get("note-1"));
            assertNotNull(dest, "named destination note-1");
            assertEquals(r.getPageOrigRef(2).getNumber(),
                    ((org.openpdf.text.pdf.PdfIndirectReference) dest.getPdfObject(0)).getNumber(), "on page 2");
            assertEquals(PdfName.XYZ, dest.getAsName(1));
            assertEquals(72f, dest.getAsNumber(2).floatValue(), 0.01f);
            assertEquals(512.5f, dest.getAsNumber(3).floatValue(), 0.01f);
        }
    }

    @Test
    void bookmarksNestLevelTwoUnderTheLevelOneBeforeIt() throws IOException {
        List<Outline> outlines = List.of(new Outline(1, "Health Care Without Fear", 1, A4H),
                new Outline(1, "Key points", 2, 700), new Outline(2, "Services", 2, 500),
                new Outline(2, "Funding", 3, 780.5f), new Outline(1, "Рекомендации", 3, 400));
        LaidOut d = new LaidOut(List.of(a4(List.of()), a4(List.of()), a4(List.of())), outlines, Map.of());
        try (PdfReader r = new PdfReader(paint(d))) {
            List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(r);
            assertEquals(List.of("Health Care Without Fear", "Key points", "Рекомендации"), titles(marks));
            assertEquals(List.of("Services", "Funding"), titles(kids(marks.get(1))));
            assertEquals(List.of(), titles(kids(marks.get(0))));
            assertEquals("2 FitH 700", marks.get(1).get("Page"));
            assertEquals("2 FitH 500", kids(marks.get(1)).get(0).get("Page"));
            assertEquals("3 FitH 780.5", kids(marks.get(1)).get(1).get("Page"));
            assertEquals("3 FitH 400", marks.get(2).get("Page"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kids(Map<String, Object> m) {
        Object k = m.get("Kids");
        return k == null ? List.of() : (List<Map<String, Object>>) k;
    }

    private static List<String> titles(List<Map<String, Object>> marks) {
        return marks.stream().map(m -> (String) m.get("Title")).toList();
    }

    // ---- helpers ----

    /** A small document with something of everything. */
    static LaidOut sample() throws IOException {
        List<Box> p1 = new ArrayList<>();
        p1.add(new Box.Fill(0, A4H - 200, A4W, 200, new Color(0x0B, 0x4F, 0x6C), Tag.ARTIFACT));
        p1.addAll(paragraph(BOLD, 22, 56, A4H - 90, 480, Fixtures.EN.title(), Tag.of(Role.H1, 1, 0)));
        p1.add(new Box.Anchor("top", 56, A4H - 70, Tag.of(Role.H1, 1, 0)));
        p1.addAll(paragraph(SANS, 10, 56, 600, 480, Fixtures.EN_PARA, Tag.of(Role.P, 2, 0)));
        p1.addAll(paragraph(SANS, 10, 56, 480, 480, Fixtures.RU_PARA, Tag.of(Role.P, 3, 0).withLang("ru")));
        p1.addAll(paragraph(SC, 10, 56, 360, 480, Fixtures.ZH_PARA, Tag.of(Role.P, 4, 0).withLang("zh")));
        p1.add(new Box.Link(56, 590, 100, 12, "https://lastmile.example.org/", null, Tag.of(Role.LINK, 5, 2)));
        p1.add(new Box.Rule(56, 50, A4W - 56, 50, 0.5f, Color.GRAY, Tag.ARTIFACT));
        p1.addAll(words(SANS, 8, 56, 38, "1 / 2", Tag.ARTIFACT));
        p1.add(new Box.Picture(56, 80, 160, 80, "figure", "A gradient", Tag.of(Role.FIGURE, 6, 0)));
        return new LaidOut(List.of(a4(p1), a4(words(SANS, 10, 56, 700, "Page two", P1))),
                List.of(new Outline(1, "Title", 1, A4H)), Map.of("figure", new ImageData(png(40, 20), 40, 20)));
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    static String content(byte[] pdf, int page) throws IOException {
        try (PdfReader r = new PdfReader(pdf)) {
            return new String(r.getPageContent(page), StandardCharsets.ISO_8859_1);
        }
    }

    static List<PdfDictionary> annotations(byte[] pdf, int page) throws IOException {
        List<PdfDictionary> out = new ArrayList<>();
        try (PdfReader r = new PdfReader(pdf)) {
            PdfArray a = r.getPageN(page).getAsArray(PdfName.ANNOTS);
            if (a != null) for (int i = 0; i < a.size(); i++) out.add(a.getAsDict(i));
        }
        return out;
    }

    static String uri(PdfDictionary annot) {
        PdfDictionary a = annot.getAsDict(PdfName.A);
        return a == null ? null : ((PdfString) a.get(PdfName.URI)).toUnicodeString();
    }

    static List<Float> numbers(PdfArray a) {
        List<Float> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) out.add(((PdfNumber) a.getPdfObject(i)).floatValue());
        return out;
    }

    static String pdftotext(byte[] pdf, String... args) throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/pdftotext").canExecute(), "poppler-utils not installed");
        Path file = Files.createTempFile("painter", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/pdftotext", "-enc", "UTF-8"));
            cmd.addAll(List.of(args));
            cmd.addAll(List.of(file.toString(), "-"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    /** Each word's box from {@code pdftotext -bbox}: xMin, yMin, xMax, yMax, from the page's top-left corner. */
    static Map<String, float[]> bboxes(byte[] pdf) throws Exception {
        Map<String, float[]> out = new HashMap<>();
        Matcher m = WORD.matcher(pdftotext(pdf, "-bbox"));
        while (m.find()) {
            out.put(m.group(5), new float[]{Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)),
                    Float.parseFloat(m.group(3)), Float.parseFloat(m.group(4))});
        }
        return out;
    }
}
