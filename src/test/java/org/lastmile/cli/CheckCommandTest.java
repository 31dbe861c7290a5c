package org.lastmile.cli;

import org.junit.jupiter.api.Test;
import org.lastmile.testutil.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code lastmile check}: broken links and anchors as exact lines, and --strict. */
class CheckCommandTest {
    private static final String SITE = "src/test/resources/sites/translations";

    @Test
    void reportsBrokenLinksAndAnchors() {
        Cli.Run r = Cli.run("check", "--source", SITE);
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("""
                content/papers/beta/index.md:6: warning: link to '../alpha/#nowhere': no heading with id 'nowhere' on /en/papers/alpha/ — ids there: barriers, recommendations
                content/papers/beta/index.md:6: warning: link to '../gamma/' goes to /en/papers/gamma/, which does not exist — check the slug; the link is left as written
                check passed: 0 errors, 2 warnings (30 pages, 0 PDFs checked)
                """, r.out());
    }

    @Test
    void reportsTextThePdfFontsCannotPrint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path site = Cli.copySite("translations", tmp);
        java.nio.file.Files.writeString(site.resolve("content/pages/thai.md"), "---\ntitle: \"Thai\"\n---\n\nHello ไทย here.\n");
        Cli.Run r = Cli.run("check", "--source", site.toString());
        assertEquals("content/pages/thai.md:5: warning: no glyph for U+0E17 THAI CHARACTER THO THAHAN, U+0E22 THAI CHARACTER YO YAK, "
                + "U+0E44 THAI CHARACTER SARA AI MAIMALAI in NotoSans-Regular, so this text cannot be printed in a PDF — "
                + "add a font for this script to the theme's font mapping", r.out().lines().findFirst().orElse(""));
    }

    @Test
    void strictFailsOnWarnings() {
        Cli.Run r = Cli.run("check", "--source", SITE, "--strict");
        assertEquals(1, r.code());
        assertEquals("check failed: 0 errors, 2 warnings (30 pages, 0 PDFs checked) — --strict makes warnings fail",
                r.out().strip().lines().reduce((a, b) -> b).orElse(""));
    }
}
