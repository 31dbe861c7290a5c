package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images in a paper as the browser gets them: with their size (no layout jump), loaded lazily, a titled image as a
 * figure with its caption, and one file that every language's page shares.
 */
class ImagesOnPagesTest {
    @TempDir
    Path tmp;

    @Test
    void imagesHaveSizeLazyLoadingCaptionsAndOneSharedFile() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: fr\n");
        String body = "Text.\n\n![Map of clinics](map.png \"Clinics in 2026\")\n\n![Chart](chart.svg)\n\n[Data](data.csv)\n";
        TestSites.write(site, "content/papers/x/index.md", "---\ntitle: \"X\"\ndate: 2026-01-01\n---\n\n" + body);
        TestSites.write(site, "content/papers/x/index.fr.md", "---\ntitle: \"X fr\"\n---\n\n" + body);
        TestSites.write(site, "content/papers/x/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 150\"></svg>\n");
        TestSites.write(site, "content/papers/x/data.csv", "a,b\n1,2\n");
        javax.imageio.ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", site.resolve("content/papers/x/map.png").toFile());
        Path out = tmp.resolve("out");
        BuildResult r = Build.run(new BuildOptions(site, out, List.of(), Optional.empty(), false, 0));
        assertTrue(r.ok(), r.diagnostics().toString());
        Map<String, byte[]> files = TestSites.tree(out);

        for (String lang : List.of("en", "fr")) {
            String html = new String(files.get(lang + "/papers/x/index.html"), StandardCharsets.UTF_8);
            assertTrue(html.contains("<figure><img src=\"/en/papers/x/map.png\" alt=\"Map of clinics\" title=\"Clinics in 2026\" "
                    + "loading=\"lazy\" decoding=\"async\" width=\"40\" height=\"20\" /><figcaption>Clinics in 2026</figcaption></figure>"), html);
            assertTrue(html.contains("<img src=\"/en/papers/x/chart.svg\" alt=\"Chart\" loading=\"lazy\" decoding=\"async\" width=\"300\" height=\"150\" />"),
                    "an SVG takes its size from its viewBox; an untitled image is no figure: " + html);
            assertTrue(html.contains("href=\"/" + lang + "/papers/x/data.csv\""), "other files stay beside each language's paper");
        }
        assertTrue(files.containsKey("en/papers/x/map.png") && files.containsKey("en/papers/x/chart.svg"));
        assertFalse(files.containsKey("fr/papers/x/map.png") || files.containsKey("fr/papers/x/chart.svg"), "one copy of each image");
        assertEquals(List.of(true, true), List.of(files.containsKey("en/papers/x/data.csv"), files.containsKey("fr/papers/x/data.csv")));
        assertTrue(Files.isRegularFile(out.resolve("en/papers/x/map.png")));
    }
}
