package org.lastmile.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.diag.Diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content model: which papers, guides and pages exist in which languages, and what translations inherit. */
class ContentLoaderTest {
    @TempDir
    Path root;
    final List<Diagnostic> problems = new ArrayList<>();

    void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    ContentLoader.Loaded load(boolean drafts) throws IOException {
        if (!Files.exists(root.resolve("site.yaml"))) {
            write("site.yaml", "languages:\n  - code: en\n  - code: fr\n  - code: ru\n");
        }
        SiteConfig cfg = ConfigLoader.load(root, problems);
        return ContentLoader.load(cfg, drafts, problems);
    }

    List<String> messages() {
        return problems.stream().map(Diagnostic::format).toList();
    }

    static final String EN = """
            ---
            title: "Water"
            date: 2026-05-04
            summary: "Clean water"
            tags: ["water", "health"]
            authors: ["Ana", "Li"]
            cover_image: cover.png
            region: "Asia"
            ---

            Text.
            """;

    @Test
    void translationsInheritWhatTheyDoNotSet() throws IOException {
        write("content/papers/water/index.md", EN);
        write("content/papers/water/index.fr.md", "---\ntitle: \"L’eau\"\n---\n\nTexte.\n");
        write("content/papers/water/index.ru.md", "---\ntitle: \"Вода\"\ntags: [\"вода\"]\nauthors: []\nregion: \"Азия\"\n---\n\nТекст.\n");
        Content c = load(false).content();
        assertEquals(List.of(), messages());
        Bundle b = c.bundle("water").orElseThrow();
        assertEquals(List.of("en", "fr", "ru"), List.copyOf(b.papers().keySet()), "in site language order");

        FrontMatter fr = b.paper("fr").orElseThrow().fm();
        assertEquals("L’eau", fr.title());
        assertEquals(Optional.of(LocalDate.of(2026, 5, 4)), fr.date());
        assertEquals(List.of("water", "health"), fr.tags());
        assertEquals(List.of("Ana", "Li"), fr.authors());
        assertEquals(Optional.of("cover.png"), fr.coverImage());
        assertEquals("Asia", fr.params().get("region"), "template params are inherited too");

        FrontMatter ru = b.paper("ru").orElseThrow().fm();
        assertEquals(List.of("вода"), ru.tags(), "a translation's own tags replace the default ones");
        assertEquals(List.of(), ru.authors(), "an explicitly empty list is kept, not inherited");
        assertEquals("Азия", ru.params().get("region"));
        assertEquals(Optional.of(LocalDate.of(2026, 5, 4)), ru.date());
    }

    @Test
    void guidesTakeTheirPapersDate() throws IOException {
        write("content/papers/water/index.md", EN);
        write("content/papers/water/index.fr.md", "---\ntitle: \"L’eau\"\ndate: 2026-06-01\n---\n\nTexte.\n");
        write("content/papers/water/guide.md", "---\ntitle: \"Guide\"\n---\n\nText.\n");
        write("content/papers/water/guide.fr.md", "---\ntitle: \"Guide\"\n---\n\nTexte.\n");
        write("content/papers/water/guide.ru.md", "---\ntitle: \"Руководство\"\n---\n\nТекст.\n");
        Bundle b = load(false).content().bundle("water").orElseThrow();
        assertEquals(List.of(), messages());
        assertEquals(Optional.of(LocalDate.of(2026, 5, 4)), b.guide("en").orElseThrow().fm().date());
        assertEquals(Optional.of(LocalDate.of(2026, 6, 1)), b.guide("fr").orElseThrow().fm().date(), "its own language's paper");
        assertEquals(Optional.of(LocalDate.of(2026, 5, 4)), b.guide("ru").orElseThrow().fm().date(), "no ru paper: the default one");
        assertEquals(List.of("en", "fr", "ru"), List.copyOf(b.guides().keySet()));
    }

    @Test
    void draftsAreDroppedUnlessAskedFor() throws IOException {
        write("content/papers/water/index.md", EN);
        write("content/papers/water/index.fr.md", "---\ntitle: \"L’eau\"\ndraft: true\n---\n\nTexte.\n");
        write("content/papers/later/index.md", "---\ntitle: \"Later\"\ndate: 2026-09-09\ndraft: true\n---\n\nText.\n");
        write("content/papers/later/index.ru.md", "---\ntitle: \"Позже\"\n---\n\nТекст.\n");
        write("content/pages/about.md", "---\ntitle: \"About\"\ndraft: yes\n---\n\nText.\n");
        Content published = load(false).content();
        assertEquals(List.of(), messages());
        assertEquals(List.of("en"), List.copyOf(published.bundle("water").orElseThrow().papers().keySet()));
        assertTrue(published.bundle("later").isEmpty(), "a draft paper and its translations (which inherit draft) are left out");
        assertTrue(published.page("about").isEmpty());

        Content all = load(true).content();
        assertEquals(List.of("en", "fr"), List.copyOf(all.bundle("water").orElseThrow().papers().keySet()));
        assertEquals(List.of("en", "ru"), List.copyOf(all.bundle("later").orElseThrow().papers().keySet()));
        assertTrue(all.page("about").isPresent());
    }

    @Test
    void paperInTheDefaultLanguageNeedsADate() throws IOException {
        write("content/papers/water/index.md", "---\ntitle: \"Water\"\n---\n\nText.\n");
        load(false);
        assertEquals(List.of("content/papers/water/index.md:2: front matter: 'date' is missing — papers need date: YYYY-MM-DD "
                + "(translations take it from the en version)"), messages());
    }

    @Test
    void pagesAndPapersFromFileNames() throws IOException {
        write("content/papers/water/index.md", EN);
        write("content/pages/about.md", "---\ntitle: \"About\"\n---\n\nText.\n");
        write("content/pages/about.ru.md", "---\ntitle: \"О нас\"\n---\n\nТекст.\n");
        write("content/pages/health-coverage.fr.md", "---\ntitle: \"Couverture\"\n---\n\nTexte.\n");
        write("content/papers/water/photo.jpg", "not really a jpeg");
        Content c = load(false).content();
        assertEquals(List.of(), messages());
        assertEquals(List.of("about", "health-coverage"), c.pages().stream().map(PageGroup::slug).toList());
        assertEquals(List.of("en", "ru"), List.copyOf(c.page("about").orElseThrow().versions().keySet()));
        assertEquals(List.of("fr"), List.copyOf(c.page("health-coverage").orElseThrow().versions().keySet()));
        SourceFile ru = c.page("about").orElseThrow().version("ru").orElseThrow();
        assertEquals(ContentKind.PAGE, ru.kind());
        assertEquals(Path.of("content/pages/about.ru.md"), ru.path(), "paths are shown relative to the site");
        assertEquals(List.of("photo.jpg"), c.bundle("water").orElseThrow().resources().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void languagesAreInferredFromSuffixesWithoutSiteYaml() throws IOException {
        write("content/papers/water/index.md", EN);
        write("content/papers/water/index.zh.md", "---\ntitle: \"水\"\n---\n\n文本。\n");
        write("content/pages/about.pt-br.md", "---\ntitle: \"Sobre\"\n---\n\nTexto.\n");
        SiteConfig cfg = ConfigLoader.load(root, problems);
        ContentLoader.Loaded l = ContentLoader.load(cfg, false, problems);
        assertEquals(List.of(), messages());
        assertEquals(List.of("en", "pt-BR", "zh"), l.config().languages().stream().map(Language::code).toList());
        assertEquals(List.of("English", "Português (Brasil)", "中文"), l.config().languages().stream().map(Language::name).toList());
        assertTrue(l.content().page("about").orElseThrow().version("pt-BR").isPresent(), "the code is canonicalised");
    }

    @Test
    void slugsThatCannotBeUrlsAreErrors() throws IOException {
        write("content/papers/my paper/index.md", EN);
        write("content/notes.txt", "stray");
        load(false);
        assertEquals(List.of(
                "content/notes.txt: warning: file is outside any paper bundle or pages folder, so it is not published — papers go in "
                        + "content/papers/<slug>/, pages in content/pages/<slug>.<lang>.md, news in content/news/<slug>.<lang>.md",
                "content/papers/my paper/index.md: 'my paper' cannot be used in a URL — name it with letters, digits and hyphens, such as my-paper"),
                problems.stream().sorted(Diagnostic.ORDER).map(Diagnostic::format).toList());
    }

    @Test
    void unicodeSlugsAreAllowed() throws IOException {
        write("content/pages/о-нас.ru.md", "---\ntitle: \"О нас\"\n---\n\nТекст.\n");
        write("content/pages/关于.md", "---\ntitle: \"关于\"\n---\n\n文本。\n");
        Content c = load(false).content();
        assertEquals(List.of(), messages());
        assertTrue(c.page("о-нас").isPresent());
        assertTrue(c.page("关于").isPresent());
    }

    @Test
    void hashIsTheRecordedFormatForAnyText() throws Exception {
        // translation_of values already written into translations must keep matching their unchanged sources.
        assertEquals("21dd9081", ContentLoader.hash("## Title\n\nSome text.\n"));
        java.util.Random rnd = new java.util.Random(9);
        char[] alphabet = {'a', 'é', '中', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u001c', '\ud83d', '\ude00', '?'};
        for (int k = 0; k < 2000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(40); i > 0; i--) sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            String body = sb.toString();
            assertEquals(referenceHash(body), ContentLoader.hash(body), () -> "body " + body.chars().mapToObj(Integer::toHexString).toList());
        }
    }

    /** The definition of the body hash, written the plain way: split lines, strip, join, SHA-256, 4 bytes. */
    static String referenceHash(String body) throws Exception {
        StringBuilder norm = new StringBuilder();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) norm.append(line.stripTrailing()).append('\n');
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(norm.toString().strip().getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d, 0, 4);
    }

    @Test
    void aReleasedBodyIsReadAgainAndAnEditMeanwhileIsReportedNotMixedIn() throws IOException {
        write("content/papers/water/index.md", EN.replace("\n", "\r\n") + "\u0007More text.\n");
        SourceFile sf = load(false).content().bundle("water").orElseThrow().paper("en").orElseThrow();
        String body = sf.body();
        sf.releaseBody();
        sf.dropSoftCopy();
        assertEquals(body, sf.body(), "read again: same text, line ends and control characters cleaned as the first time");
        write("content/papers/water/index.md", EN + "Edited while building.\n");
        sf.releaseBody();
        SourceFile copy = load(false).content().bundle("water").orElseThrow().paper("en").orElseThrow();
        assertEquals(EN.substring(EN.indexOf("---", 3) + 4) + "Edited while building.\n", copy.body().replace("\r", ""));
        // The first load's file now differs on disk: a page made from it must not mix the two versions.
        sf.dropSoftCopy();
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.lastmile.diag.LastmileException.class, sf::body);
        assertTrue(e.diagnostics().get(0).text().contains("file changed while the site was being built"), e.diagnostics().toString());
    }

    @Test
    void hashIgnoresLineEndingsAndTrailingSpacesButNotText() {
        String h = ContentLoader.hash("## Title\n\nSome text.\n");
        assertEquals(h, ContentLoader.hash("## Title\r\n\r\nSome text.\r\n"), "CRLF");
        assertEquals(h, ContentLoader.hash("## Title   \n\nSome text.\t\n"), "trailing spaces and tabs");
        assertEquals(h, ContentLoader.hash("## Title\n\nSome text."), "final newline");
        assertEquals(h, ContentLoader.hash("\n## Title\n\nSome text.\n\n\n"), "blank lines around the text");
        assertNotEquals(h, ContentLoader.hash("## Title\n\nSome text!\n"), "a changed character");
        assertNotEquals(h, ContentLoader.hash("## Title\n\n  Some text.\n"), "indentation is meaning in Markdown");
        assertNotEquals(h, ContentLoader.hash("## Title\nSome text.\n"), "a removed blank line separates paragraphs");
        assertEquals(8, h.length());
        assertTrue(h.matches("[0-9a-f]{8}"));
    }

    @Test
    void sourceFileCarriesItsBodyHashAndBodyLine() throws IOException {
        write("content/pages/about.md", "---\ntitle: \"About\"\n---\n\nText.\n");
        write("content/pages/about.fr.md", "\uFEFF---\r\ntitle: \"À propos\"\r\nsummary: x\r\n---\r\n\r\nText.\r\n");
        Content c = load(false).content();
        assertEquals(List.of(), messages());
        SourceFile en = c.page("about").orElseThrow().version("en").orElseThrow();
        SourceFile fr = c.page("about").orElseThrow().version("fr").orElseThrow();
        assertEquals(4, en.bodyLine());
        assertEquals(5, fr.bodyLine(), "a BOM and CRLF line endings are read like any other file");
        assertEquals(en.bodyHash(), fr.bodyHash(), "same text, same hash, whatever the line endings");
        assertEquals("À propos", fr.fm().title());
    }

    @Test
    void slugOfDisplayText() {
        assertEquals("key-points", Slugs.slug("Key points"));
        assertEquals("основные-положения", Slugs.slug("Основные положения"));
        assertEquals("主要观点", Slugs.slug("主要观点"));
        assertEquals("hello-world", Slugs.slug("  Hello,   World!  "));
        assertEquals("c-java", Slugs.slug("C++ & Java"));
        assertEquals("café-1", Slugs.slug("Café (1)"));
        assertEquals("full-width", Slugs.slug("Ｆｕｌｌ　Ｗｉｄｔｈ"), "NFKC folds full-width forms");
        assertEquals("snake_case", Slugs.slug("snake_case"));
        assertEquals("", Slugs.slug("!!! ???"));
        assertEquals("हिन्दी", Slugs.slug("हिन्दी"), "combining marks stay");
    }
}
