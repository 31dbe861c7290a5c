package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page level of the build cache: after each kind of change, a build with the cache re-renders exactly the pages
 * that depend on the change (and takes every other page from the cache), and its output is byte for byte the output
 * of a build of the same site without the cache.
 */
class PageCacheTest {
    private Path tmp;
    private Path site;
    private Path cache;
    private int builds;

    /** Builds with the cache and without, compares the outputs, and gives the pages the cached build rendered. */
    private Set<String> rebuild() {
        builds++;
        Path out = tmp.resolve("cached" + builds);
        Path plain = tmp.resolve("plain" + builds);
        BuildResult cached = Build.run(BuildOptions.of(site, out).withCache(cache));
        BuildResult none = Build.run(BuildOptions.of(site, plain));
        assertTrue(cached.ok(), cached.diagnostics().toString());
        assertTrue(none.ok(), none.diagnostics().toString());
        Map<String, String> want = TestSites.digests(plain);
        Map<String, String> got = TestSites.digests(out);
        Set<String> differ = new TreeSet<>(want.keySet());
        differ.addAll(got.keySet());
        differ.removeIf(f -> java.util.Objects.equals(want.get(f), got.get(f)));
        assertEquals(Set.of(), differ, "build " + builds + ": files that differ from a build without the cache");
        assertEquals(none.diagnostics(), cached.diagnostics(), "build " + builds + ": findings with the cache differ");
        assertEquals(cached.pages() - cached.cachedPages(), cached.renderedPages().size());
        return new TreeSet<>(cached.renderedPages());
    }

    /** The pages of the last cached build's output that {@code which} accepts (by path and text). */
    private Set<String> pages(java.util.function.BiPredicate<String, String> which) {
        Map<String, byte[]> files = TestSites.tree(tmp.resolve("cached" + builds));
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".html"))
                .filter(e -> which.test(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8)))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> pagesNamed(Predicate<String> path) {
        return pages((p, text) -> path.test(p));
    }

    private void start(Path tmp, String fixture) {
        this.tmp = tmp;
        this.site = TestSites.copyWithoutCache(fixture, tmp.resolve("site"));
        this.cache = tmp.resolve("cache");
        Set<String> cold = rebuild();
        assertFalse(cold.isEmpty());
        assertEquals(Set.of(), rebuild(), "nothing changed, nothing rendered");
    }

    private void edit(String rel, java.util.function.UnaryOperator<String> change) {
        String before = TestSites.read(site.resolve(rel));
        String after = change.apply(before);
        assertFalse(before.equals(after), rel + " unchanged");
        TestSites.write(site, rel, after);
    }

    /** Site-wide files: the language picker, the 404 page and the status page read every document's body hash. */
    private static boolean siteWide(String path) {
        return !path.contains("/") || path.startsWith("status/");
    }

    @Test
    void editingOnePaperRendersItsPagesOnly(@TempDir Path tmp) {
        start(tmp, "lists-site");
        edit("content/papers/a/index.md", s -> s + "\nOne more sentence.\n");
        // Its page, and its translation's (which says whether it is outdated).
        Set<String> expected = pagesNamed(p -> p.matches("(en|fr)/papers/a/index.html") || siteWide(p));
        assertEquals(Set.of("en/papers/a/index.html", "fr/papers/a/index.html", "index.html", "404.html", "status/index.html"), expected);
        assertEquals(expected, rebuild());
        // What the summary line says.
        edit("content/papers/a/index.md", s -> s + "\nAnd another.\n");
        TestSites.Run run = TestSites.buildCli(site, tmp.resolve("cli"), "--cache-dir", cache.toString());
        int pages = pagesNamed(p -> true).size();
        assertTrue(run.out().contains("built " + pages + " pages (" + (pages - expected.size()) + " from the cache)"), run.out());
        // Its front matter is read by the lists: they are rendered again too.
        edit("content/papers/b/index.md", s -> s.replaceFirst("title: .*", "title: \"A new title\""));
        Set<String> again = rebuild();
        assertTrue(again.contains("en/index.html") && again.contains("en/papers/index.html"), again.toString());
    }

    @Test
    void aHeadingOtherPagesLinkToIsCheckedAgainAndItsListsFoundAgain(@TempDir Path tmp) {
        this.tmp = tmp;
        this.site = TestSites.copyWithoutCache("lists-site", tmp.resolve("site"));
        this.cache = tmp.resolve("cache");
        edit("content/papers/b/index.md", s -> s + "\nSee [the text of A](../a/index.md#text).\n");
        edit("content/papers/c/index.md", s -> s + "\n{{ list(kind=\"news\") }}\n");
        assertTrue(rebuild().size() > 30);
        // Only A changes, and its heading B links to is gone: B's link is reported (from A's new parse), and the
        // other documents' headings and lists come from the cache (the output and findings are compared above).
        edit("content/papers/a/index.md", s -> s.replace("## Text", "## Words"));
        rebuild();
        Build.run(BuildOptions.of(site, tmp.resolve("check")).withCache(cache)).diagnostics().stream()
                .filter(d -> d.message().contains("#text")).findFirst().orElseThrow(() -> new AssertionError("no warning for #text"));
        // Back as it was: the stored site (the first build's) is published, without the warning.
        edit("content/papers/a/index.md", s -> s.replace("## Words", "## Text"));
        rebuild();
        assertTrue(TestSites.read(tmp.resolve("cached" + builds).resolve("en/papers/c/index.html")).contains("/en/news/n1/"));
    }

    @Test
    void aTemplateChangeRendersThePagesMadeWithIt(@TempDir Path tmp) throws IOException {
        start(tmp, "i18n-site");
        Path templates = Path.of("templates");
        // A template only guides use: the site's own copy of guide.ftlh, one comment added.
        TestSites.write(site, "templates/guide.ftlh", Files.readString(templates.resolve("guide.ftlh")) + "<#-- ours -->\n");
        assertEquals(pagesNamed(p -> p.endsWith("/guide/index.html")), rebuild());
        TestSites.write(site, "templates/guide.ftlh", Files.readString(templates.resolve("guide.ftlh")) + "<!-- ours -->\n");
        Set<String> guides = rebuild();
        assertEquals(pagesNamed(p -> p.endsWith("/guide/index.html")), guides);
        assertTrue(pages((p, text) -> text.contains("<!-- ours -->")).equals(guides));
        // The partial every page but the language picker imports.
        TestSites.write(site, "templates/layout.ftlh", Files.readString(templates.resolve("layout.ftlh")).replace("</body>", "<!-- x --></body>"));
        assertEquals(pagesNamed(p -> !p.equals("index.html")), rebuild());
        // Removing the site's copy of guide.ftlh: the theme's is used again, by the guides.
        Files.delete(site.resolve("templates/guide.ftlh"));
        assertEquals(pagesNamed(p -> p.endsWith("/guide/index.html")), rebuild());
    }

    @Test
    void aUiStringOrSiteYamlChangeRendersThePagesThatShowIt(@TempDir Path tmp) throws IOException {
        start(tmp, "i18n-site");
        String fr = Files.readString(Path.of("templates/i18n/fr.yaml"));
        TestSites.write(site, "templates/i18n/fr.yaml", fr + "\nread_more: \"Lire la suite…\"\n");
        // French pages, and the site-wide ones (the language picker shows every language's words).
        assertEquals(pagesNamed(p -> p.startsWith("fr/") || siteWide(p)), rebuild());
        edit("site.yaml", s -> s.replace("Fixture Network\"\n  fr", "Fixture Network!\"\n  fr"));
        assertEquals(pagesNamed(p -> true), rebuild());
    }

    @Test
    void aFontChangeRendersOnlyThePagesThatShowItsPdfs(@TempDir Path tmp) throws IOException {
        start(tmp, "arabic-japanese");
        Path before = tmp.resolve("cached" + builds);
        // A Japanese font of other shapes (the bold one, under the regular one's name): the Japanese guide changes.
        Files.createDirectories(site.resolve("fonts"));
        Files.copy(Path.of("fonts/NotoSansJP-Bold.ttf"), site.resolve("fonts/NotoSansJP-Regular.ttf"));
        Set<String> rendered = rebuild();
        Path after = tmp.resolve("cached" + builds);
        Set<String> changedPdfs = new TreeSet<>();
        try (Stream<Path> s = Files.walk(after.toRealPath())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                String rel = after.toRealPath().relativize(p).toString();
                if (Files.size(p) != Files.size(before.resolve(rel))) changedPdfs.add(p.getFileName().toString());
            }
        }
        assertTrue(changedPdfs.stream().anyMatch(n -> n.contains("-ja")), changedPdfs.toString());
        assertFalse(changedPdfs.stream().anyMatch(n -> n.contains("-en")), changedPdfs.toString());
        // Exactly the pages that link one of the PDFs whose size changed (they show it).
        assertEquals(pages((p, text) -> changedPdfs.stream().anyMatch(text::contains)), rendered);
        assertFalse(rendered.isEmpty());
    }

    @Test
    void damagedOrForeignPageEntriesAreNeverServed(@TempDir Path tmp) throws IOException {
        start(tmp, "lists-site");
        List<Path> entries;
        try (Stream<Path> s = Files.walk(cache.resolve("page"))) {
            entries = s.filter(Files::isRegularFile).sorted().toList();
        }
        // Half the entries with a flipped byte, the other half replaced by another page's entry.
        for (int i = 0; i < entries.size(); i++) {
            if (i % 2 == 0) {
                byte[] b = Files.readAllBytes(entries.get(i));
                b[b.length - 10] ^= 0x20;
                Files.write(entries.get(i), b);
            } else {
                Files.copy(entries.get(i - 1), entries.get(i), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // A change that no page reads (the site has no PDFs), so that the whole-site level does not serve the site.
        TestSites.write(site, "fonts/unused.ttf", "not read\n");
        assertEquals(pagesNamed(p -> true), rebuild(), "every page rendered again");
        assertEquals(Set.of(), rebuild(), "and stored again");

        // The pages' bytes are stored once for both levels: damaged there, they are rendered (and stored) again too.
        try (Stream<Path> s = Files.walk(cache.resolve("out"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                b[b.length - 1] ^= 0x01;
                Files.write(f, b);
            }
        }
        TestSites.write(site, "fonts/unused.ttf", "still not read\n");
        Set<String> again = rebuild();
        // A page whose bytes another page has (en/404.html is /404.html) may find them stored again by that one.
        Map<String, String> digests = TestSites.digests(tmp.resolve("cached" + builds));
        Set<String> unique = pages((p, text) -> digests.values().stream().filter(digests.get(p)::equals).count() == 1);
        assertTrue(again.containsAll(unique) && unique.size() > 30, again.toString());
        assertEquals(Set.of(), rebuild(), "and stored again");
    }
}
