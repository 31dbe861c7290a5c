package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.lastmile.pdf.layout.GuideLayout;
import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Shaped;
import org.lastmile.text.Hyphenation;
import org.openpdf.text.pdf.PdfReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arabic guides as a reader sees them: letters joined by the font's own tables, lines right to left with English and
 * numbers in their order, text that copies as the letters written, and a layout that mirrors the left-to-right one.
 */
class ArabicPdfTest {
    private static final Fonts FONTS = Samples.fonts();
    private static final PdfStyle STYLE = Samples.style();
    private static final String ARABIC = "NotoSansArabic-Regular.ttf";

    private static LaidOut lay(GuideSpec spec) {
        GuideLayout.Outcome o = GuideRenderer.layout(spec, STYLE, FONTS, Hyphenation.builtIn());
        assertTrue(o.laidOut().isPresent(), () -> "layout failed: " + o.diagnostics());
        return o.laidOut().get();
    }

    private static List<Integer> ids(Shaped s) {
        return s.glyphs().stream().map(Shaped.Glyph::id).toList();
    }

    /** The glyphs that advance the pen: letters, without the dots and marks the font places on them. */
    private static List<Integer> letters(Shaped s) {
        return s.glyphs().stream().filter(g -> g.fontAdvance() > 0).map(Shaped.Glyph::id).toList();
    }

    @Test
    void aLetterTakesTheFormOfItsPlaceInTheWordAndLamAlefIsTheRequiredLigature() {
        int isolated = letters(FONTS.shape(ARABIC, "ب")).get(0);
        // Glyphs come leftmost first: in a right-to-left word that is the last letter. (Noto Sans Arabic draws the
        // dot of beh as a mark of its own, placed by the font's GPOS table.)
        List<Integer> three = letters(FONTS.shape(ARABIC, "ببب"));
        assertEquals(3, three.size(), three.toString());
        int fin = three.get(0);
        int medial = three.get(1);
        int initial = three.get(2);
        assertEquals(4, Set.of(isolated, initial, medial, fin).size(),
                "isolated, initial, medial and final beh are four glyphs: " + List.of(isolated, initial, medial, fin));
        // Noto Sans Arabic draws lam-alef (its 'rlig' feature) as one ligature in two pieces, uni0644.init.rlig and
        // uni0627.fina.rlig, not as the initial lam and final alef that would otherwise join: those are the glyphs of
        // "لب" and "با".
        List<Integer> lamAlef = letters(FONTS.shape(ARABIC, "لا"));
        int lamInitial = letters(FONTS.shape(ARABIC, "لب")).get(1);
        int alefFinal = letters(FONTS.shape(ARABIC, "با")).get(0);
        assertEquals(2, lamAlef.size(), lamAlef.toString());
        assertTrue(!lamAlef.contains(lamInitial) && !lamAlef.contains(alefFinal),
                "lam-alef is the ligature, not lam and alef joined: " + lamAlef + " vs " + List.of(lamInitial, alefFinal));
        assertEquals(FONTS.width(ARABIC, "بيت", 10f), FONTS.shape(ARABIC, "بيت").advance() * 0.01f, 1e-5,
                "layout measures the shaped advance");
    }

    @Test
    void theGlyphsLayoutShapedAreTheGlyphsInThePdf() throws Exception {
        GuideSpec spec = Fixtures.spec("ar", 1, 1);
        LaidOut doc = lay(spec);
        byte[] pdf = GuideRenderer.render(spec, STYLE, FONTS, Hyphenation.builtIn()).pdf().orElseThrow();
        try (PdfReader r = new PdfReader(pdf)) {
            int checked = 0;
            for (int p = 1; p <= doc.pages().size(); p++) {
                String content = new String(r.getPageContent(p), StandardCharsets.ISO_8859_1);
                for (Box b : doc.pages().get(p - 1).boxes()) {
                    if (!(b instanceof Box.Glyphs g) || g.shaped() == null || g.shaped().glyphs().size() < 2) continue;
                    // The first glyph of the box starts a TJ string: its two-byte id is in the page's content.
                    Shaped.Glyph first = g.shaped().glyphs().get(0);
                    String escaped = "(" + escape(first.id() >> 8) + escape(first.id() & 0xff);
                    assertTrue(content.contains("[" + escaped),
                            "glyph " + first.id() + " of '" + g.text() + "' on page " + p);
                    checked++;
                }
            }
            assertTrue(checked > 100, "shaped words checked: " + checked);
        }
    }

    /** One byte as a PDF literal string writes it. */
    private static String escape(int b) {
        return switch (b) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '(', ')', '\\' -> "\\" + (char) b;
            default -> String.valueOf((char) b);
        };
    }

    @Test
    void copiedTextGivesTheLettersAsWritten() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/pdftotext").canExecute(),
                "poppler-utils not installed");
        byte[] pdf = GuideRenderer.render(Fixtures.spec("ar", 1, 1), STYLE, FONTS, Hyphenation.builtIn()).pdf()
                .orElseThrow();
        Path file = Files.createTempFile("guide-ar", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            String text = plain(out);
            for (String s : List.of(Fixtures.AR_PARA, Fixtures.AR.quote(), Fixtures.AR.title(), "وثائق الهوية")) {
                assertTrue(text.contains(plain(s)), "'" + s + "' not extracted as written:\n" + out);
            }
            assertTrue(out.chars().noneMatch(c -> c >= 0xFB50 && c <= 0xFEFF && c != 0xFEFF),
                    "no presentation forms:\n" + out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Text without spaces, line breaks and the bidi marks pdftotext adds around right-to-left lines. */
    private static String plain(String s) {
        return PdfChecks.squeeze(s).replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    @Test
    void anArabicGuideIsTheMirrorOfItsLeftToRightLayoutAndItsWordsRunFromTheRight() {
        // Without the footnote: its raised number stands on a baseline of its own, where bidi rightly orders it
        // differently in a left-to-right paragraph.
        GuideSpec rtl = Samples.spec(Fixtures.path("ar"), Fixtures.guide(Fixtures.AR, 2, 1).replace("[^1]", ""));
        LaidOut b = lay(rtl);
        LaidOut a = lay(rtl.toBuilder().direction(Direction.LTR).build());
        assertEquals(a.pages().size(), b.pages().size());
        int rightToLeft = 0;
        for (int p = 0; p < a.pages().size(); p++) {
            float w = a.pages().get(p).width();
            assertEquals(shapes(a.pages().get(p), w, true), shapes(b.pages().get(p), w, false),
                    "page " + (p + 1) + ": bands, rules and pictures mirrored");
            assertEquals(lines(a.pages().get(p), w, true), lines(b.pages().get(p), w, false),
                    "page " + (p + 1) + ": every line's extent mirrored, with the same words");
            // In the Arabic layout, the words of a line stand right to left in reading order.
            Map<String, List<Box.Glyphs>> byLine = new TreeMap<>();
            for (Box x : b.pages().get(p).boxes()) {
                if (x instanceof Box.Glyphs g && g.shaped() != null && !g.tag().isArtifact()) {
                    byLine.computeIfAbsent(String.format(Locale.ROOT, "%.2f %d", g.y(), g.tag().element()),
                            k -> new ArrayList<>()).add(g);
                }
            }
            for (List<Box.Glyphs> line : byLine.values()) {
                for (int k = 1; k < line.size(); k++) {
                    assertTrue(line.get(k).x() < line.get(k - 1).x(), "'" + line.get(k).text() + "' after '"
                            + line.get(k - 1).text() + "' stands to its left, page " + (p + 1));
                    rightToLeft++;
                }
            }
        }
        assertTrue(rightToLeft > 200, "word pairs checked: " + rightToLeft);
    }

    /**
     * Fills, rules and pictures as "kind x y w h" strings, mirrored when asked. A QR code moves as a whole but is
     * never mirrored itself (it would not scan): its modules count as one square.
     */
    private static Set<String> shapes(Page page, float w, boolean mirror) {
        Set<String> out = new HashSet<>();
        float[] qr = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (Box x : page.boxes()) {
            switch (x) {
                case Box.Fill f when f.tag().role() == org.lastmile.pdf.model.Role.FIGURE -> {
                    qr[0] = Math.min(qr[0], f.x());
                    qr[1] = Math.min(qr[1], f.y());
                    qr[2] = Math.max(qr[2], f.x() + f.width());
                    qr[3] = Math.max(qr[3], f.y() + f.height());
                }
                case Box.Fill f -> out.add(key("fill", mirror ? w - f.x() - f.width() : f.x(), f.y(), f.width(), f.height()));
                case Box.Picture f -> out.add(key("picture", mirror ? w - f.x() - f.width() : f.x(), f.y(), f.width(), f.height()));
                case Box.Rule r when !struck(page, r) -> out.add(key("rule", mirror ? w - Math.max(r.x1(), r.x2()) : Math.min(r.x1(), r.x2()), r.y1(),
                        Math.abs(r.x2() - r.x1()), r.y2() - r.y1()));
                default -> {
                }
            }
        }
        if (qr[2] > qr[0]) out.add(key("qr", mirror ? w - qr[2] : qr[0], qr[1], qr[2] - qr[0], qr[3] - qr[1]));
        return out;
    }

    /** Whether the rule strikes through a word (it goes with the word, wherever bidi puts it in its line). */
    private static boolean struck(Page page, Box.Rule r) {
        return page.boxes().stream().anyMatch(b -> b instanceof Box.Glyphs g && r.y1() > g.y() && r.y1() < g.y() + g.size()
                && Math.min(r.x1(), r.x2()) >= g.x() - 0.5f && Math.max(r.x1(), r.x2()) <= g.x() + g.width() + 0.5f);
    }

    /** Each line of text (by baseline): its extent, mirrored when asked, and its words in reading order. */
    private static Map<String, String> lines(Page page, float w, boolean mirror) {
        Map<String, float[]> extent = new TreeMap<>();
        Map<String, List<String>> words = new TreeMap<>();
        for (Box x : page.boxes()) {
            if (!(x instanceof Box.Glyphs g)) continue;
            String k = String.format(Locale.ROOT, "%.2f %s", g.y(), g.tag().isArtifact() ? "a" : g.tag().element());
            float[] e = extent.computeIfAbsent(k, q -> new float[]{Float.MAX_VALUE, -Float.MAX_VALUE});
            e[0] = Math.min(e[0], g.x());
            e[1] = Math.max(e[1], g.x() + g.width());
            words.computeIfAbsent(k, q -> new ArrayList<>()).add(g.text().strip());
        }
        // The words as read: bidi may cut a word from its punctuation and mark a mirrored bracket, not change a letter.
        Map<String, String> out = new TreeMap<>();
        extent.forEach((k, e) -> out.put(k, String.format(Locale.ROOT, "%.1f ", mirror ? w - e[1] : e[0])
                + String.join("", words.get(k)).replace("\u200F", "").replace(" ", "")));
        return out;
    }

    private static String key(String kind, float x, float y, float w, float h) {
        return String.format(Locale.ROOT, "%s %.2f %.2f %.2f %.2f", kind, x, y, w, h);
    }

    @Test
    void layoutAndPdfAreTheSameAtEveryRun() {
        GuideSpec spec = Fixtures.spec("ar", 1, 1);
        byte[] one = GuideRenderer.render(spec, STYLE, FONTS, Hyphenation.builtIn()).pdf().orElseThrow();
        byte[] two = GuideRenderer.render(spec, STYLE, FONTS, Hyphenation.builtIn()).pdf().orElseThrow();
        assertNotNull(one);
        assertTrue(java.util.Arrays.equals(one, two), "byte-identical Arabic PDFs");
    }
}
