package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest {

    private static void png(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x0E4D64));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xE4572E));
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static String guide(String image) {
        return "---\ntitle: \"Pictures\"\nsummary: \"A guide with pictures.\"\n---\n\n"   // lines 1-5
                + Fixtures.EN_PARA + "\n\n"                                             // 6-7
                + "![A chart](" + image + " \"Figure 1. A chart\")\n\n"                   // 8-9
                + Fixtures.EN_PARA + "\n";
    }

    @Test
    void imagesInTheBodyAndOnTheCover(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("content/papers/pics");
        Files.createDirectories(paper.resolve("img"));
        png(paper.resolve("img/chart.png"), 800, 450);
        png(paper.resolve("cover.png"), 1200, 800);
        Path file = paper.resolve("guide.md");
        Files.writeString(file, guide("img/chart.png"));
        GuideSpec s = Samples.spec(file);
        GuideSpec spec = s.toBuilder().coverImage(paper.resolve("cover.png")).build();
        RenderResult r = GuideRenderer.render(spec, Samples.style(), Samples.fonts());
        assertTrue(r.ok(), r.diagnostics()::toString);
        byte[] pdf = r.pdf().get();
        assertEquals(4, PdfChecks.pages(pdf));
        assertTrue(PdfChecks.allText(pdf).contains("Figure 1. A chart"), PdfChecks.allText(pdf));
        assertArrayEquals(pdf, GuideRenderer.render(spec, Samples.style(), Samples.fonts()).orThrow());
        if (Boolean.getBoolean("manual")) Files.write(Path.of("/tmp/guide-images.pdf"), pdf);
    }

    @Test
    void missingAndUnsupportedImagesAreReportedWithTheirLine(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("p");
        Files.createDirectories(paper);
        for (String img : List.of("nope.png", "logo.svg", "https://example.org/x.png")) {
            Path file = paper.resolve("guide.md");
            Files.writeString(file, guide(img));
            RenderResult r = GuideRenderer.render(Samples.spec(file), Samples.style(), Samples.fonts());
            assertFalse(r.ok());
            assertEquals(1, r.errors().size(), r.diagnostics()::toString);
            assertEquals(8, r.errors().get(0).pos().line());
            assertTrue(r.errors().get(0).message().contains(img), r.errors().get(0).message());
        }
    }
}
