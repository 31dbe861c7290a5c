package org.lastmile.pdf;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What assistive technology finds in a guide: a tagged PDF whose structure lists headings, lists, tables, figures
 * with their alt text, links, block quotes and notes in reading order, and the declarations PDF/UA-1 asks for.
 */
class TaggedPdfTest {
    @TempDir
    Path dir;

    private static final String BODY = """
            ---
            title: "Tagged guide"
            summary: "What a screen reader reads."
            ---

            ## Alpha heading

            First paragraph with [a link](https://example.org/a) in it.

            - Item one
            - Item two

            | Barrier | Example |
            |---|---|
            | Cost | Fees |

            ![A map of the clinics](map.png)

            ![](decoration.png)

            > A quoted callout.

            A claim with a note.[^1]

            [^1]: The note itself.
            """;

    private byte[] guide() throws Exception {
        for (String name : List.of("map.png", "decoration.png")) {
            ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(name).toFile());
        }
        Path file = dir.resolve("guide.md");
        Files.writeString(file, BODY);
        RenderResult r = GuideRenderer.render(Samples.spec(file, BODY), Samples.style(), Samples.fonts());
        assertTrue(r.pdf().isPresent(), r.diagnostics().toString());
        return r.pdf().get();
    }

    @Test
    void structureListsHeadingsListsTablesFiguresAndNotesInReadingOrder() throws Exception {
        List<String> tree = structure(guide());
        String flat = String.join("\n", tree);
        int h = tree.indexOf("H1");
        int list = tree.indexOf("L");
        int table = tree.indexOf("Table");
        int figure = tree.indexOf("Figure alt='A map of the clinics'");
        int quote = tree.indexOf("BlockQuote");
        int note = tree.indexOf("Note id='note-" + noteId(tree) + "'");
        assertTrue(h >= 0 && list > h && table > list && figure > table && quote > figure && note > quote, flat);
        assertEquals(List.of("LI", "Lbl", "LBody", "LI", "Lbl", "LBody"), tree.subList(list + 1, list + 7), flat);
        assertEquals(List.of("TR", "TH scope=Column", "TH scope=Column", "TR", "TD", "TD"),
                tree.subList(table + 1, table + 7), flat);
        assertTrue(tree.contains("Link objr contents='a link'"), flat);
        // the QR code is a figure described by the address it encodes; its link is a Link with an annotation
        assertTrue(tree.contains("Figure alt='https://lastmile.example.org/en/papers/" + dir.getFileName() + "/'")
                || flat.contains("Figure alt='https://lastmile.example.org/"), flat);
        // a picture without alt text is decoration, not an empty figure
        assertEquals(2, tree.stream().filter(s -> s.startsWith("Figure")).count(), flat);
    }

    private static String noteId(List<String> tree) {
        for (String s : tree) if (s.startsWith("Note id='note-")) return s.substring(14, s.length() - 1);
        return "?";
    }

    @Test
    void languageNamesOnTheBackCoverCarryTheirOwnLanguage() throws Exception {
        Path file = dir.resolve("guide.md");
        GuideSpec spec = Samples.spec(file, "---\ntitle: T\n---\n\nText.\n").toBuilder()
                .availableLanguages(List.of("English", "Français", "中文")).availableCodes(List.of("en", "fr", "zh"))
                .build();
        List<String> tree = structure(GuideRenderer.render(spec, Samples.style(), Samples.fonts()).orThrow());
        assertEquals(List.of("Span lang=fr", "Span lang=zh"), tree.stream().filter(s -> s.startsWith("Span")).toList(),
                String.join("\n", tree));
    }

    @Test
    void anImageWithoutAltTextIsAWarningWithItsLine() throws Exception {
        for (String name : List.of("map.png", "decoration.png")) {
            ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(name).toFile());
        }
        Path file = dir.resolve("guide.md");
        RenderResult r = GuideRenderer.render(Samples.spec(file, BODY), Samples.style(), Samples.fonts());
        List<String> warnings = r.diagnostics().stream().map(d -> d.format()).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("guide.md:19:") && w.contains("'decoration.png' has no alt text")),
                warnings.toString());
    }

    @Test
    void catalogDeclaresATaggedDocumentWithItsLanguageTitleAndConformance() throws Exception {
        byte[] pdf = guide();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfDictionary catalog = reader.getCatalog();
            assertEquals("true", String.valueOf(catalog.getAsDict(PdfName.MARKINFO).get(PdfName.MARKED)));
            assertTrue(catalog.get(PdfName.STRUCTTREEROOT) != null);
            assertEquals("en", String.valueOf(catalog.get(PdfName.LANG)));
            assertEquals("true", String.valueOf(catalog.getAsDict(PdfName.VIEWERPREFERENCES).get(PdfName.DISPLAYDOCTITLE)));
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                assertEquals(PdfName.S, reader.getPageN(i).get(PdfName.TABS), "page " + i + " tab order");
            }
            String xmp = new String(reader.getMetadata(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("<pdfaid:part>2</pdfaid:part>")
                    && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>") && xmp.contains(">Tagged guide<"), xmp);
            PdfDictionary intent = catalog.getAsArray(PdfName.OUTPUTINTENTS).getAsDict(0);
            assertEquals(PdfName.GTS_PDFA1, intent.get(PdfName.S));
        }
        assertEquals(List.of(), PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), PdfValidation.failures(pdf, PDFAFlavour.PDFA_2_A));
    }

    /** A title with markup characters still gives well-formed XMP metadata, in which readers find the title as typed. */
    @Test
    void titleWithMarkupCharactersReadsBackFromTheXmpMetadata() throws Exception {
        String title = "Q&A: \"<Rights>\" & remedies";
        String body = "---\ntitle: '" + title + "'\n---\n\nText.\n";
        Path file = dir.resolve("guide.md");
        Files.writeString(file, body);
        byte[] pdf = GuideRenderer.render(Samples.spec(file, body), Samples.style(), Samples.fonts()).orThrow();
        try (PdfReader reader = new PdfReader(pdf)) {
            byte[] xmp = reader.getMetadata();
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            org.w3c.dom.Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xmp));
            org.w3c.dom.NodeList titles = d.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title");
            assertEquals(1, titles.getLength(), new String(xmp, StandardCharsets.UTF_8));
            assertEquals(title, titles.item(0).getTextContent().strip());
        }
    }

    /** What a screen reader's structure view shows (poppler's {@code pdfinfo -struct-text}), when poppler is there. */
    @Test
    void pdfinfoSeesATaggedDocumentInReadingOrder() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/pdfinfo").canExecute(), "poppler-utils not installed");
        Path file = dir.resolve("guide.pdf");
        Files.write(file, guide());
        String info = run("/usr/bin/pdfinfo", file.toString());
        assertTrue(info.contains("Tagged:          yes"), info);
        String s = run("/usr/bin/pdfinfo", "-struct-text", file.toString());
        int title = s.indexOf("\"Tagged guide\"");
        int alpha = s.indexOf("\"Alpha heading\"");
        int item = s.indexOf("\"Item two\"");
        int cell = s.indexOf("\"Fees\"");
        int quote = s.indexOf("\"A quoted callout.\"");
        int note = s.indexOf("\"The note itself.\"");
        assertTrue(title >= 0 && alpha > title && item > alpha && cell > item && quote > cell && note > quote, s);
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** The structure tree, one line per element in document order: type and what a reader announces with it. */
    static List<String> structure(byte[] pdf) throws Exception {
        List<String> out = new ArrayList<>();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
            assertFalse(root == null, "no structure tree");
            walk(root.getDirectObject(PdfName.K), out);
        }
        return out;
    }

    private static void walk(PdfObject k, List<String> out) {
        if (k == null) return;
        if (k.isArray()) {
            PdfArray a = (PdfArray) k;
            for (int i = 0; i < a.size(); i++) walk(a.getDirectObject(i), out);
            return;
        }
        if (!k.isDictionary()) return;
        PdfDictionary d = (PdfDictionary) k;
        PdfName s = d.getAsName(PdfName.S);
        if (s == null) return;  // a marked-content or object reference
        String type = PdfName.decodeName(s.toString());
        StringBuilder line = new StringBuilder(type);
        if (d.get(PdfName.ALT) instanceof PdfString alt) line.append(" alt='").append(alt.toUnicodeString()).append("'");
        if (d.get(PdfName.LANG) instanceof PdfString lang) line.append(" lang=").append(lang.toUnicodeString());
        if (d.get(PdfName.ID) instanceof PdfString id) line.append(" id='").append(id.toUnicodeString()).append("'");
        PdfDictionary attrs = d.getAsDict(PdfName.A);
        if (attrs != null && attrs.get(new PdfName("Scope")) != null) {
            line.append(" scope=").append(PdfName.decodeName(attrs.get(new PdfName("Scope")).toString()));
        }
        if (type.equals("Link")) {
            PdfArray kids = d.getAsArray(PdfName.K);
            for (int i = 0; kids != null && i < kids.size(); i++) {
                PdfDictionary kid = kids.getAsDict(i);
                if (kid != null && PdfName.OBJR.equals(kid.get(PdfName.TYPE))) {
                    PdfDictionary annot = kid.getAsDict(new PdfName("Obj"));
                    line.append(" objr");
                    if (annot != null && annot.get(PdfName.CONTENTS) instanceof PdfString c) {
                        line.append(" contents='").append(c.toUnicodeString()).append("'");
                    }
                    break;
                }
            }
        }
        out.add(line.toString());
        walk(d.getDirectObject(PdfName.K), out);
    }
}
