package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A few pages of sites/i18n-site compared byte for byte with src/test/resources/golden/i18n-site/: the English home
 * page, a Russian paper, a Chinese page, the sitemap and the French feed. Any change to the theme, the page models or
 * the Markdown output shows up here as a diff a reviewer can read.
 *
 * <p>After an intended change, regenerate the golden files and read the diff before committing:
 * <pre>
 *   mvn test -Dtest=GoldenOutputTest -Dlastmile.updateGolden=true
 *   git diff src/test/resources/golden
 * </pre>
 * With {@code lastmile.updateGolden=true} the test rewrites the golden files instead of comparing (and passes).
 */
class GoldenOutputTest {
    static final List<String> GOLDEN = List.of("en/index.html", "ru/papers/clinic-access/index.html", "zh/about/index.html",
            "sitemap.xml", "fr/atom.xml");
    static final boolean UPDATE = Boolean.getBoolean("lastmile.updateGolden");

    @TempDir
    static Path tmp;
    static Map<String, byte[]> built;

    @BeforeAll
    static void build() {
        Path out = tmp.resolve("public");
        BuildResult r = Build.run(BuildOptions.of(TestSites.fixture("i18n-site"), out));
        assertTrue(r.ok(), () -> "the fixture site must build: " + r.diagnostics());
        built = TestSites.tree(out);
    }

    static Path goldenDir() {
        return TestSites.resources().resolve("golden").resolve("i18n-site");
    }

    @TestFactory
    Stream<DynamicTest> renderedPagesMatchTheirGoldenFiles() {
        return GOLDEN.stream().map(rel -> DynamicTest.dynamicTest(rel, () -> {
            byte[] raw = built.get(rel);
            if (raw == null) fail("the build wrote no " + rel);
            // A PDF's size changes with every change to the PDF typesetting; the page shows it, but it is checked in
            // I18nSiteTest, not here, so that the golden pages change only with the site.
            byte[] actual = new String(raw, StandardCharsets.UTF_8).replaceAll("(class=\"pdf-facts\">)[^·<]*", "$1(size) ")
                    .getBytes(StandardCharsets.UTF_8);
            Path golden = goldenDir().resolve(rel);
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.write(golden, actual);
                return;
            }
            if (!Files.isRegularFile(golden)) {
                fail("no golden file " + golden + ": run mvn test -Dtest=GoldenOutputTest -Dlastmile.updateGolden=true and read it");
            }
            // Compared as text so that a failure shows the differing lines; equal text here means equal bytes (UTF-8).
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                    rel + " differs from " + golden + " (if the change is intended, regenerate with -Dlastmile.updateGolden=true)");
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(golden), actual), rel + ": bytes differ");
        }));
    }

    @org.junit.jupiter.api.Test
    void noStrayGoldenFiles() throws IOException {
        if (!Files.isDirectory(goldenDir())) return;
        try (Stream<Path> s = Files.walk(goldenDir())) {
            List<String> present = s.filter(Files::isRegularFile).map(p -> goldenDir().relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertEquals(GOLDEN.stream().sorted().toList(), present, "golden files nobody compares");
        }
    }
}
