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

    /** An editor sees each guide's layout, size and fullness before a guide grows past four pages. */
    @Test
    void reportsEachGuidesLayoutSizeAndFullness(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path site = Cli.copySite("i18n-site", tmp);
        Cli.Run r = Cli.run("check", "--source", site.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        java.util.List<String> guides = r.out().lines().filter(l -> l.contains("-guide-")).toList();
        org.junit.jupiter.api.Assertions.assertFalse(guides.isEmpty(), r.out());
        for (String l : guides) {
            org.junit.jupiter.api.Assertions.assertTrue(l.matches("/[a-z]+/papers/[a-z-]+/[a-z-]+-guide-[a-z]+\\.pdf: "
                    + "(cover|extended|compact|columns) layout, \\d+(\\.\\d+)? pt, \\d+ % full"), l);
        }
        Cli.Run b = Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("out").toString(), "--verbose");
        assertEquals(0, b.code(), b.err());
        assertEquals(guides, b.out().lines().filter(l -> l.contains("-guide-")).toList());
        // a rebuild takes the guides from the build cache and still reports them
        Cli.Run again = Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("out").toString(), "--verbose");
        assertEquals(0, again.code(), again.err());
        org.junit.jupiter.api.Assertions.assertTrue(again.out().contains("from the cache"), again.out());
        assertEquals(guides, again.out().lines().filter(l -> l.contains("-guide-")).toList());
    }

    /** CI reads the same as JSON: findings with file and line, and each guide's layout, size and fullness. */
    @Test
    @SuppressWarnings("unchecked")
    void jsonReportHasFindingsAndGuides() {
        Cli.Run r = Cli.run("check", "--source", "src/test/resources/sites/i18n-site", "--format", "json");
        assertEquals(0, r.code(), r.err());
        // JSON is YAML 1.2: read it back with the YAML parser lastmile already has
        var doc = (java.util.Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(r.out());
        assertEquals(Boolean.TRUE, doc.get("passed"));
        var guides = (java.util.List<java.util.Map<String, Object>>) doc.get("guides");
        org.junit.jupiter.api.Assertions.assertFalse(guides.isEmpty());
        for (var g : guides) {
            org.junit.jupiter.api.Assertions.assertTrue(java.util.List.of("cover", "extended", "compact", "columns")
                    .contains(g.get("layout")), g.toString());
            org.junit.jupiter.api.Assertions.assertTrue(((Number) g.get("size")).doubleValue() >= 9, g.toString());
            double full = ((Number) g.get("fullness")).doubleValue();
            org.junit.jupiter.api.Assertions.assertTrue(full > 0 && full <= 1, g.toString());
        }
        assertEquals(2, Cli.run("check", "--source", "src/test/resources/sites/i18n-site", "--format", "xml").code());
    }
}
