package org.lastmile.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;
import org.openpdf.text.pdf.PdfReader;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lastmile pdf} on one guide, and the PDF errors a whole build reports with file:line. */
class PdfCommandTest {
    private static void write(Path site, String rel, String text) throws Exception {
        Path f = site.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static Path site(Path dir, String guideBody) throws Exception {
        write(dir, "site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: ru\n");
        write(dir, "content/papers/p/index.md", "---\ntitle: \"Paper\"\ndate: 2026-02-01\n---\n\nText.\n");
        write(dir, "content/papers/p/guide.md", "---\ntitle: \"Guide\"\nsummary: \"A guide.\"\n---\n\nIntro.\n\n## Key points\n\n- One.\n");
        write(dir, "content/papers/p/index.ru.md", "---\ntitle: \"Записка\"\n---\n\nТекст.\n");
        write(dir, "content/papers/p/guide.ru.md", "---\ntitle: \"Руководство\"\nsummary: \"Кратко.\"\n---\n\n" + guideBody);
        return dir;
    }

    @Test
    void rendersOneGuideToFourPages(@TempDir Path tmp) throws Exception {
        Path site = site(tmp.resolve("s"), "Введение.\n\n## Главное\n\n- Первое.\n");
        Path out = tmp.resolve("g.pdf");
        Cli.Run r = Cli.run("pdf", site.resolve("content/papers/p/guide.ru.md").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        PdfReader reader = new PdfReader(Files.readAllBytes(out));
        assertEquals(4, reader.getNumberOfPages());
        reader.close();
    }

    @Test
    void missingGlyphFailsTheBuildWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path site = site(tmp.resolve("s"), "Введение.\n\nТайское слово: กขค.\n");
        Cli.Run r = Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("content/papers/p/guide.ru.md:8: no glyph for U+0E01 THAI CHARACTER KO KAI, "
                + "U+0E02 THAI CHARACTER KHO KHAI, U+0E04 THAI CHARACTER KHO KHWAI in NotoSans-Regular"), r.err());
        assertTrue(r.err().contains("— add a font for this script to the theme's font mapping"), r.err());
        assertTrue(Files.notExists(tmp.resolve("out")), "a failed build writes nothing");
    }

    @Test
    void guideTooLongForFourPagesFails(@TempDir Path tmp) throws Exception {
        String para = "Всеобщий охват услугами здравоохранения означает, что каждый человек получает нужную помощь без финансовых трудностей. ";
        Path site = site(tmp.resolve("s"), (para.repeat(12) + "\n\n").repeat(30));
        Cli.Run r = Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().matches("(?s)content/papers/p/guide\\.ru\\.md: \\d+\\.\\d pages? too long at the smallest size \\(9 pt\\) — shorten by about \\d+ words\\n.*"), r.err());
    }

    @Test
    void fileOutsideASiteIsAClearError(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("guide.md");
        Files.writeString(f, "---\ntitle: \"x\"\n---\n");
        Cli.Run r = Cli.run("pdf", f.toString());
        assertEquals(1, r.code());
        assertEquals(f + ": not inside a site's content/ folder — give a file under content/papers/<slug>/\n", r.err());
    }
}
