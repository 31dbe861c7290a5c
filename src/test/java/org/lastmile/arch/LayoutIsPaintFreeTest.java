package org.lastmile.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layout produces plain values and one painter writes them: nothing under pdf/model or pdf/layout may import or name
 * OpenPDF ({@code org.openpdf}, or the old {@code com.lowagie} packages), so what is measured is what is printed and
 * layout can be tested without writing a PDF.
 */
class LayoutIsPaintFreeTest {
    static final Path PDF = Path.of("src/main/java/org/lastmile/pdf");
    static final Pattern PAINT = Pattern.compile("\\b(org\\s*\\.\\s*openpdf|com\\s*\\.\\s*lowagie)\\b");

    @Test
    void modelAndLayoutNeverNameOpenPdf() throws IOException {
        assertTrue(Files.isDirectory(PDF.resolve("model")), "the layout model is where it is expected");
        List<String> found = new ArrayList<>();
        for (String dir : List.of("model", "layout")) found.addAll(offences(PDF.resolve(dir)));
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsOpenPdfWhereverItIsNamed() {
        assertEquals(2, count("import org.openpdf.text.pdf.BaseFont;\nclass A { org . openpdf.text.Image i; }"));
        assertEquals(1, count("import static com.lowagie.text.Element.ALIGN_LEFT;"));
        assertEquals(0, count("import org.lastmile.pdf.model.Box; // openpdf-free"));
    }

    /** Every file under {@code dir} (sub-packages too) that names OpenPDF, with the line. */
    static List<String> offences(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (count(lines.get(i)) > 0) out.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return out;
    }

    static int count(String text) {
        Matcher m = PAINT.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
