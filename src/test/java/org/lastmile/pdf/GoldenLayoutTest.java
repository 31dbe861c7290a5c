package org.lastmile.pdf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lastmile.pdf.layout.GuideLayout;
import org.lastmile.pdf.model.Dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden layout dumps (one line per placed box) of a sample guide in each sample language and of a long guide: any
 * change of layout shows as a readable diff. After a deliberate change, regenerate with
 * {@code ./test.sh -Dtest=GoldenLayoutTest -Dgolden.update=true} and read the diff before committing it.
 */
class GoldenLayoutTest {
    static final Path DIR = Path.of("src/test/resources/golden/layout");

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es", "ru", "zh", "long-en", "long-ru", "long-zh"})
    void layoutMatchesItsGoldenDump(String name) throws IOException {
        GuideSpec spec;
        if (name.startsWith("long-")) {
            spec = LongGuides.spec(name.substring(5), 1);
        } else {
            Path file = Path.of("content/papers/migrants-health/" + (name.equals("en") ? "guide.md" : "guide." + name + ".md"));
            spec = Samples.spec(file);
        }
        GuideLayout.Outcome o = GuideRenderer.layout(spec, LayoutRulesTest.STYLE, Samples.fonts(),
                LayoutRulesTest.HYPHENATION);
        assertTrue(o.laidOut().isPresent(), () -> o.diagnostics().toString());
        GuideLayout.Report r = o.report().orElseThrow();
        String dump = "layout " + r.layout().label() + " " + GuideLayout.formatSize(r.size()) + " pt\n"
                + Dump.of(o.laidOut().get());
        Path golden = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(DIR);
            Files.writeString(golden, dump, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), dump, "layout of " + name + " changed");
    }
}
