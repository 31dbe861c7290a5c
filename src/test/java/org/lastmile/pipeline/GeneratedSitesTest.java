package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small sites written by the tests themselves, each for one behaviour the i18n fixture cannot show: Russian plural
 * forms for many counts, right-to-left languages, drafts, a site served below a folder, links and images in guides,
 * partial builds with --lang.
 */
class GeneratedSitesTest {
    @TempDir
    Path tmp;

    static String paper(String title, String date, String tags, String body) {
        return "---\ntitle: \"" + title + "\"\n" + (date == null ? "" : "date: " + date + "\n")
                + (tags == null ? "" : "tags: [" + tags + "]\n") + "---\n\n" + body + "\n";
    }

    BuildResult build(Path site, Path out, boolean drafts, String... langs) {
        return Build.run(new BuildOptions(site, out, List.of(langs), Optional.empty(), drafts, 0));
    }

    static String read(Path out, String rel) {
        Path p = out.resolve(rel);
        assertTrue(Files.isRegularFile(p), rel + " was not built");
        return TestSites.read(p);
    }

    static String text(String html) {
        return SiteOutput.unescape(html.replaceAll("(?s)<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    }

    @Test
    void russianPluralFormsAndCollationOnHomeAndTagPages() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: ru\n");
        for (int i = 1; i <= 21; i++) {
            String slug = String.format("p%02d", i);
            List<String> tags = new ArrayList<>(List.of("\"все\""));
            if (i <= 5) tags.add("\"пять\"");
            if (i <= 3) tags.add("\"три\"");
            if (i == 1) tags.add("\"один\"");
            if (i == 1) tags.add("\"ёж\"");
            if (i == 2) tags.add("\"жук\"");
            TestSites.write(site, "content/papers/" + slug + "/index.md", paper("Paper " + i, String.format("2026-01-%02d", i), null, "Text."));
            TestSites.write(site, "content/papers/" + slug + "/index.ru.md", paper("Записка " + i, null, String.join(", ", tags), "Текст."));
        }
        Path out = tmp.resolve("out");
        BuildResult r = build(site, out, false);
        assertTrue(r.ok(), r.diagnostics().toString());

        assertTrue(text(read(out, "ru/papers/index.html")).contains("21 записка"), "21 takes the 'one' form in Russian");
        assertTrue(text(read(out, "en/papers/index.html")).contains("21 papers"));
        String tags = text(read(out, "ru/tags/index.html"));
        for (String s : List.of("все 21 материал", "пять 5 материалов", "три 3 материала", "один 1 материал")) {
            assertTrue(tags.contains(s), "'" + s + "' on the tags page: " + tags);
        }
        // ICU collation: ё sorts with е, before ж (by code point it would come after я).
        List<String> order = List.of("все", "ёж", "жук", "один", "пять", "три");
        int last = -1;
        for (String t : order) {
            int at = tags.indexOf(t + " ");
            assertTrue(at > last, t + " in collation order: " + tags);
            last = at;
        }
        assertTrue(text(read(out, "ru/tags/пять/index.html")).contains("Тег «пять» 5 материалов"), text(read(out, "ru/tags/пять/index.html")));
        // Newest first, 20 to a page: p21 (21 January) leads page 1, p01 is alone on page 2.
        String first = read(out, "ru/papers/index.html");
        assertTrue(first.indexOf("/ru/papers/p21/") < first.indexOf("/ru/papers/p20/") && first.contains("/ru/papers/p02/"));
        assertFalse(first.contains("/ru/papers/p01/"));
        assertTrue(first.contains("<link rel=\"next\" href=\"/ru/papers/page/2/\">"));
        String second = read(out, "ru/papers/page/2/index.html");
        assertTrue(second.contains("/ru/papers/p01/") && !second.contains("/ru/papers/p02/"));
        assertTrue(second.contains("<link rel=\"prev\" href=\"/ru/papers/\">"));
        assertTrue(text(second).contains("Страница 2 из 2"), "the page says where it is, in Russian");
        // The home page shows the newest few, not all 21.
        String home = read(out, "ru/index.html");
        assertTrue(home.contains("/ru/papers/p21/") && !home.contains("/ru/papers/p10/") && home.contains("href=\"/ru/papers/\""));
    }

    @Test
    void rightToLeftLanguageGetsDirRtl() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: ar\n");
        TestSites.write(site, "content/papers/x/index.md", paper("Water", "2026-03-01", null, "Text."));
        TestSites.write(site, "content/papers/x/index.ar.md", paper("الماء", null, null, "نص."));
        Path out = tmp.resolve("out");
        BuildResult r = build(site, out, false);
        assertTrue(r.ok(), r.diagnostics().toString());
        for (String rel : List.of("ar/index.html", "ar/papers/x/index.html", "ar/404.html")) {
            assertTrue(read(out, rel).contains("<html lang=\"ar\" dir=\"rtl\">"), rel);
        }
        assertTrue(read(out, "en/papers/x/index.html").contains("<html lang=\"en\" dir=\"ltr\">"));
        // The switcher on the English page marks the Arabic link itself as right-to-left.
        assertTrue(read(out, "en/papers/x/index.html").contains("lang=\"ar\" hreflang=\"ar\" dir=\"rtl\""));
        assertTrue(text(read(out, "en/papers/x/index.html")).contains("العربية"), "Arabic named in Arabic");
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: fr\n");
        TestSites.write(site, "content/papers/public/index.md", paper("Public", "2026-03-01", null, "Text."));
        TestSites.write(site, "content/papers/public/index.fr.md", "---\ntitle: \"Brouillon\"\ndraft: true\n---\n\nTexte.\n");
        TestSites.write(site, "content/papers/secret/index.md", "---\ntitle: \"Secret\"\ndate: 2026-04-01\ndraft: true\n---\n\nText.\n");
        TestSites.write(site, "content/papers/secret/index.fr.md", paper("Secret fr", null, null, "Texte."));

        Path out = tmp.resolve("out");
        assertTrue(build(site, out, false).ok());
        Map<String, byte[]> files = TestSites.tree(out);
        assertFalse(files.containsKey("en/papers/secret/index.html"), "a draft is not published");
        assertFalse(files.containsKey("fr/papers/secret/index.html"), "its translation inherits draft: true");
        assertFalse(files.containsKey("fr/papers/public/index.html"), "a draft translation is not published");
        assertTrue(files.containsKey("en/papers/public/index.html"));
        String all = new String(files.get("sitemap.xml"), StandardCharsets.UTF_8) + new String(files.get("en/index.html"), StandardCharsets.UTF_8);
        assertFalse(all.contains("secret") || all.contains("/fr/papers/public/"), "drafts are in no list, sitemap or switcher");
        assertEquals(List.of(), SiteOutput.switcher(new String(files.get("en/papers/public/index.html"), StandardCharsets.UTF_8)));

        Path withDrafts = tmp.resolve("drafts");
        assertTrue(build(site, withDrafts, true).ok());
        assertTrue(Files.isRegularFile(withDrafts.resolve("en/papers/secret/index.html")));
        assertTrue(Files.isRegularFile(withDrafts.resolve("fr/papers/public/index.html")));
    }

    @Test
    void siteServedBelowAFolderHasNoDeadLinks() {
        Path site = TestSites.copy(TestSites.fixture("i18n-site"), tmp.resolve("site"));
        Path out = tmp.resolve("out");
        BuildResult r = Build.run(new BuildOptions(site, out, List.of(), Optional.of("https://example.test/docs/"), false, 0));
        assertTrue(r.ok(), r.diagnostics().toString());
        Map<String, byte[]> files = TestSites.tree(out);
        String en = new String(files.get("en/papers/clinic-access/index.html"), StandardCharsets.UTF_8);
        assertTrue(en.contains("href=\"/docs/en/papers/budget-tracking/\""), "content links carry the base path");
        assertTrue(en.contains("href=\"/docs/css/lastmile.css\""), "the stylesheet too");
        assertTrue(en.contains("<link rel=\"canonical\" href=\"https://example.test/docs/en/papers/clinic-access/\">"));
        List<String> dead = SiteOutput.deadLinks(out, "https://example.test/docs", files).stream()
                .filter(d -> !I18nSiteTest.isGuidePdf(d)).toList();
        assertEquals(List.of(), dead);
    }

    /** A paper with a guide; the guide links to another paper and shows an image, both written relative to its file. */
    Path guideSite() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\n");
        TestSites.write(site, "content/papers/a/index.md", paper("A", "2026-01-01", null, "See [B](../b/).\n\n![Map](map.png)"));
        try { // a 1×1 PNG: guides are typeset as PDF too, which takes PNG or JPEG (not SVG)
            Files.write(site.resolve("content/papers/a/map.png"), java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestSites.write(site, "content/papers/a/guide.md", "---\ntitle: \"Guide A\"\n---\n\n"
                + "See [B](../b/), [B by file](../b/index.md) and [the paper](index.md).\n\n![Map](map.png)\n");
        TestSites.write(site, "content/papers/b/index.md", paper("B", "2026-01-02", null, "Text."));
        return site;
    }

    @Test
    void guideLinksNamingFilesResolve() {
        Path out = tmp.resolve("out");
        BuildResult r = build(guideSite(), out, false);
        assertTrue(r.ok());
        String guide = read(out, "en/papers/a/guide/index.html");
        assertTrue(guide.contains("<a href=\"/en/papers/b/\">B by file</a>"), "../b/index.md from guide.md");
        assertTrue(guide.contains("<a href=\"/en/papers/a/\">the paper</a>"), "index.md from guide.md");
        assertTrue(read(out, "en/papers/a/index.html").contains("<a href=\"/en/papers/b/\">B</a>"), "../b/ from index.md");
    }

    @Test
    void guideLinksAndImagesWrittenRelativeToTheFileArrive() {
        Path out = tmp.resolve("out");
        BuildResult r = build(guideSite(), out, false);
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::format).toList());
        List<String> dead = SiteOutput.deadLinks(out, "https://example.test", TestSites.tree(out)).stream()
                .filter(d -> !I18nSiteTest.isGuidePdf(d)).toList();
        assertEquals(List.of(), dead);
    }

    @Test
    void partialBuildLinksOnlyToWhatItBuilt() {
        Path out = tmp.resolve("out");
        assertTrue(build(TestSites.fixture("i18n-site"), out, false, "fr").ok());
        List<String> dead = SiteOutput.deadLinks(out, I18nSiteTest.BASE, TestSites.tree(out)).stream()
                .filter(d -> !I18nSiteTest.isGuidePdf(d)).toList();
        assertEquals(List.of(), dead);
    }

    @Test
    void partialBuildWritesOnlyTheChosenLanguage() {
        Path out = tmp.resolve("out");
        assertTrue(build(TestSites.fixture("i18n-site"), out, false, "fr").ok());
        Map<String, byte[]> files = TestSites.tree(out);
        assertTrue(files.containsKey("fr/papers/clinic-access/index.html"));
        assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("en/") || f.startsWith("ru/") || f.startsWith("zh/")),
                "only fr/: " + files.keySet());
    }

    @Test
    void tagsDifferingOnlyInCaseShareOnePage() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\n");
        TestSites.write(site, "content/papers/a/index.md", paper("A", "2026-01-01", "\"Health\"", "A."));
        TestSites.write(site, "content/papers/b/index.md", paper("B", "2026-01-02", "\"health\"", "B."));
        Path out = tmp.resolve("out");
        BuildResult r = build(site, out, false);
        assertTrue(r.ok(), r.diagnostics().toString());
        String tag = read(out, "en/tags/health/index.html");
        assertTrue(tag.contains("/en/papers/a/") && tag.contains("/en/papers/b/"), "both papers on the one tag page");
    }

    @Test
    void pageSlugThatCollidesWithAGeneratedPageIsReported() {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "base_url: \"https://example.test\"\n");
        TestSites.write(site, "content/papers/a/index.md", paper("A", "2026-01-01", null, "A."));
        TestSites.write(site, "content/pages/tags.md", "---\ntitle: \"My tags page\"\n---\n\nMine.\n");
        BuildResult r = build(site, tmp.resolve("out"), false);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.format().startsWith("content/pages/tags.md")),
                "an error names content/pages/tags.md: " + r.diagnostics());
    }
}
