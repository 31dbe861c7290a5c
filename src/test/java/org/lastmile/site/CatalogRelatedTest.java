package org.lastmile.site;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.ContentLoader;
import org.lastmile.diag.Diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The "Related" block of a paper or news page, as a reader sees it: papers and news sharing the most tags first, then
 * those of the same publication type, then the newest; never the item itself, its guide, or any guide.
 */
class CatalogRelatedTest {
    @TempDir
    Path root;
    Catalog catalog;

    void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    void paper(String slug, String date, String type, String tags) throws IOException {
        write("content/papers/" + slug + "/index.md", "---\ntitle: \"" + slug + "\"\ndate: " + date + "\ntype: " + type
                + "\ntags: [" + tags + "]\n---\n\nText.\n");
    }

    @BeforeEach
    void site() throws IOException {
        write("site.yaml", """
                title: "Related"
                languages:
                  - code: en
                types:
                  brief: { singular: { en: "Brief" }, plural: { en: "Briefs" } }
                  statement: { singular: { en: "Statement" }, plural: { en: "Statements" } }
                default_type: brief
                """);
        paper("a", "2026-01-10", "brief", "x, y");
        write("content/papers/a/guide.md", "---\ntitle: \"a guide\"\ntags: [x, y]\n---\n\nText.\n");
        paper("b", "2026-02-01", "brief", "x");
        paper("c", "2025-01-01", "statement", "x, y");
        paper("d", "2026-03-01", "statement", "x");
        paper("e", "2026-04-01", "brief", "");
        paper("f", "2026-05-01", "statement", "");
        paper("g", "2025-06-01", "brief", "");
        write("content/news/n1.md", "---\ntitle: \"n1\"\ndate: 2026-06-01\ntags: [y]\n---\n\nText.\n");
        List<Diagnostic> problems = new ArrayList<>();
        SiteConfig cfg = ConfigLoader.load(root, problems);
        ContentLoader.Loaded loaded = ContentLoader.load(cfg, false, problems);
        assertEquals(List.of(), problems.stream().filter(Diagnostic::isError).map(Diagnostic::text).toList());
        catalog = new Catalog(loaded.config(), loaded.content());
    }

    List<String> related(String path, int limit) {
        Catalog.Item item = catalog.items("en").stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
        return catalog.related(item, limit).stream().map(Catalog.Item::path).toList();
    }

    @Test
    void mostSharedTagsThenSameTypeThenNewest() {
        assertEquals(List.of("/en/papers/c/", "/en/papers/b/", "/en/news/n1/", "/en/papers/d/", "/en/papers/e/",
                "/en/papers/g/"), related("/en/papers/a/", 10), "f shares neither a tag nor the type; a's guide is a itself");
        assertEquals(List.of("/en/papers/c/", "/en/papers/b/", "/en/news/n1/"), related("/en/papers/a/", 3));
    }

    @Test
    void aGuideShowsPapersAndNewsButNotItsPaper() {
        assertEquals(List.of("/en/papers/c/", "/en/papers/b/"), related("/en/papers/a/guide/", 2));
    }

    @Test
    void newsHaveNoTypeSoOnlySharedTagsCount() {
        assertEquals(List.of("/en/papers/a/", "/en/papers/c/"), related("/en/news/n1/", 5));
    }
}
