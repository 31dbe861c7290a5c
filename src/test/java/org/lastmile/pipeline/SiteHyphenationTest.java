package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.SiteConfig;
import org.lastmile.diag.Diagnostic;
import org.lastmile.text.Hyphenation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml's hyphenation settings as a build sees them: the site's own patterns, and languages turned off. */
class SiteHyphenationTest {
    @TempDir
    Path root;

    SiteConfig site(String yaml, List<Diagnostic> problems) throws IOException {
        Files.writeString(root.resolve("site.yaml"), yaml);
        return ConfigLoader.load(root, problems);
    }

    @Test
    void theSitesPatternsAndItsChoiceNotToHyphenate() throws IOException {
        Files.createDirectories(root.resolve("hyphenation"));
        Files.writeString(root.resolve("hyphenation/sw.pat.txt"), "1b 1k 1l 1m 1t\n");
        List<Diagnostic> problems = new ArrayList<>();
        SiteConfig cfg = site("""
                languages:
                  - code: en
                  - code: fr
                    hyphenate: false
                  - code: sw
                pdf:
                  hyphenation:
                    sw: hyphenation/sw.pat.txt
                """, problems);
        Hyphenation h = SiteHyphenation.load(cfg, problems);
        assertEquals(List.of(), problems);
        assertArrayEquals(new int[] {2}, SiteHyphenation.forLanguage(h, cfg, "sw").orElseThrow().points("walimu"));
        assertTrue(SiteHyphenation.forLanguage(h, cfg, "fr").isEmpty(), "hyphenate: false");
        assertTrue(SiteHyphenation.forLanguage(h, cfg, "en").isPresent());
        assertTrue(SiteHyphenation.forLanguage(h, cfg, "zh").isEmpty());
    }

    @Test
    void aMistakeInTheSitesPatternFileNamesItsLine() throws IOException {
        Files.writeString(root.resolve("sw.pat.txt"), "1b\n1k 2/3\n");
        List<Diagnostic> problems = new ArrayList<>();
        SiteHyphenation.load(site("pdf: { hyphenation: { sw: sw.pat.txt } }\n", problems), problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).format().startsWith("sw.pat.txt:2: '2/3' contains '/', which is not a letter"),
                problems.get(0).format());
    }
}
