package org.lastmile.pdf;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Manual check, not part of the normal suite: renders every content/papers/*&#47;guide*.md to /tmp/guide-*.pdf
 * (and booklets). Run with
 * {@code mvn test -Dtest=RenderSamplesManual -Dmanual=true} (optionally {@code -Dguide=drugs}).
 */
@Tag("manual")
@EnabledIfSystemProperty(named = "manual", matches = "true")
class RenderSamplesManual {

    /** PainterTest's hand-made document (Latin, Cyrillic and Chinese text, band, rule, image), to /tmp/painter-sample.pdf. */
    @Test
    void renderPainterSample() throws Exception {
        Files.write(Path.of("/tmp/painter-sample.pdf"), PainterTest.paint(PainterTest.sample()));
    }

    /** The test fixtures of several lengths, to /tmp/fixture-LANG-SECTIONS.pdf: short ones grow and balance. */
    @Test
    void renderFixtures() throws Exception {
        for (String lang : List.of("en", "ru", "zh")) {
            for (int sections : new int[]{0, 1, 2, 4}) {
                RenderResult r = GuideRenderer.render(Fixtures.spec(lang, sections, 1), Samples.style(),
                        Samples.fonts());
                if (r.ok()) Files.write(Path.of("/tmp/fixture-" + lang + "-" + sections + ".pdf"), r.pdf().get());
                System.out.printf("fixture %s %d: %s%n", lang, sections,
                        r.ok() ? r.bodySize() + " pt" : r.diagnostics().toString());
            }
        }
        GuideSpec ltr = Fixtures.spec("en", 1, 1);
        GuideSpec rtl = ltr.toBuilder().direction(Direction.RTL).coverImage(null).build();
        Files.write(Path.of("/tmp/fixture-rtl.pdf"), GuideRenderer.render(rtl, Samples.style(), Samples.fonts())
                .orThrow());
    }

    /** The long guides of the layout tests, to /tmp/long-LANG.pdf: justification, hyphenation and columns. */
    @Test
    void renderLong() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ru", "zh")) {
            RenderResult r = GuideRenderer.render(LongGuides.spec(lang, 1), Samples.style(), Samples.fonts());
            if (r.ok()) Files.write(Path.of("/tmp/long-" + lang + ".pdf"), r.pdf().get());
            System.out.printf("long %s: %s%n", lang, r.ok() ? r.bodySize() + " pt" : r.diagnostics().toString());
        }
    }

    @Test
    void renderAll() throws Exception {
        Fonts fonts = Samples.fonts();
        PdfStyle style = Samples.style();
        String only = System.getProperty("guide", "");
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("content/papers"))) {
            files = s.filter(p -> p.getFileName().toString().matches("guide(\\.[a-z-]+)?\\.md"))
                    .filter(p -> p.toString().contains(only)).sorted().toList();
        }
        for (Path f : files) {
            long t0 = System.nanoTime();
            RenderResult r = GuideRenderer.render(Samples.spec(f), style, fonts);
            String name = f.getParent().getFileName() + "-" + Samples.lang(f);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.ok()) {
                Files.write(Path.of("/tmp/guide-" + name + ".pdf"), r.pdf().get());
                System.out.printf("%s: %.2f pt, %d bytes, %d ms%n", f, r.bodySize(), r.pdf().get().length, ms);
            } else {
                System.out.println(f + ": FAILED");
            }
            r.diagnostics().forEach(d -> System.out.println("  " + d.format()));
            if (r.ok()) Files.write(Path.of("/tmp/booklet-" + name + ".pdf"), Booklet.impose(r.pdf().get()));
        }
        List<Path> papers;
        try (Stream<Path> s = Files.walk(Path.of("content/papers"))) {
            papers = s.filter(p -> p.getFileName().toString().matches("index(\\.[a-z-]+)?\\.md"))
                    .filter(p -> p.toString().contains(only)).sorted().toList();
        }
        for (Path f : papers) {
            long t0 = System.nanoTime();
            RenderResult r = PaperPdfRenderer.render(Samples.paper(f), style, fonts);
            String name = f.getParent().getFileName() + "-" + Samples.lang(f);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.ok()) {
                Files.write(Path.of("/tmp/paper-" + name + ".pdf"), r.pdf().get());
                System.out.printf("%s: %d bytes, %d ms%n", f, r.pdf().get().length, ms);
            } else {
                System.out.println(f + ": FAILED");
            }
            r.diagnostics().forEach(d -> System.out.println("  " + d.format()));
        }
    }
}
