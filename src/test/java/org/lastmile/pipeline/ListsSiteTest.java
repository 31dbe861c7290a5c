package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture sites/lists-site (en, fr): news items, declared publication types and tags, two embedded lists, two
 * items to a list page. Checked as a reader sees it: what each list shows, in which order, where "All →" goes.
 */
class ListsSiteTest {
    @TempDir
    static Path tmp;
    static BuildResult result;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() {
        Path out = tmp.resolve("public");
        result = TestSites.buildFixture("lists-site", out);
        files = TestSites.tree(out);
    }

    static String page(String rel) {
        return TestSites.page(files, rel);
    }

    static String text(String html) {
        return SiteOutput.unescape(html.replaceAll("(?s)<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    }

    static String main(String rel) {
        return SiteOutput.block(page(rel), "<main", "main");
    }

    @Test
    void newsItemsArePublishedPerLanguageAndListedNewestFirst() {
        assertTrue(text(main("en/news/n1/index.html")).contains("News One"));
        assertEquals(List.of("en", "fr"), SiteOutput.switcher(page("fr/news/n1/index.html")));
        assertTrue(text(main("fr/news/n1/index.html")).contains("1 mars 2026"), "the French item inherits the date, shown in French");
        String list = main("en/news/index.html");
        assertTrue(list.indexOf("/en/news/n1/") > 0 && list.indexOf("/en/news/n1/") < list.indexOf("/en/news/n2/"));
        assertFalse(main("fr/news/index.html").contains("/n2/"), "n2 has no French version");
        // The papers a news item is about are linked from it.
        assertTrue(main("en/news/n1/index.html").contains("href=\"/en/papers/a/\""));
    }

    @Test
    void publicationTypesLabelPapersAndHaveListPages() {
        assertTrue(text(main("en/papers/b/index.html")).contains("/papers/b/ Statement Paper B"), text(main("en/papers/b/index.html")));
        assertTrue(main("fr/papers/a/index.html").contains("<a href=\"/fr/types/policy-brief/\">Note de politique</a>"),
                "the default type, labelled in French and linked to its list");
        String briefs = main("en/types/policy-brief/index.html");
        assertTrue(text(briefs).contains("/types/policy-brief/ Policy briefs"), text(briefs));
        assertTrue(briefs.contains("/en/papers/c/") && briefs.contains("/en/papers/a/") && !briefs.contains("/en/papers/b/"));
        assertTrue(files.containsKey("fr/types/statement/index.html"), "a declared type has its page in every language");
    }

    @Test
    void tagsAreKeysWithOnePagePerLanguageAndTranslatedLabels() {
        // "harm-reduction" (a key), "harm reduction" (an English label) and "réduction des risques" (the French one)
        // are one tag.
        String en = main("en/tags/harm-reduction/index.html") + main("en/tags/harm-reduction/page/2/index.html");
        assertTrue(en.contains("/en/papers/a/") && en.contains("/en/papers/b/") && en.contains("/en/news/n1/"), en);
        String fr = page("fr/tags/harm-reduction/index.html");
        assertTrue(text(SiteOutput.block(fr, "<main", "main")).contains("Mot-clé «\u202fréduction des risques\u202f»"),
                "French label with French spacing: " + text(fr));
        assertEquals(List.of("en", "fr"), SiteOutput.switcher(fr));
        assertTrue(main("fr/papers/a/index.html").contains("href=\"/fr/tags/harm-reduction/\" rel=\"tag\" dir=\"auto\">réduction des risques</a>"));
        assertFalse(files.keySet().stream().anyMatch(k -> k.contains("réduction")), "one URL per tag key");
    }

    @Test
    void embeddedListsShowTheNewestItemsOfTheirFilterAndLinkToTheFullList() {
        String topic = main("en/topic/index.html");
        assertFalse(topic.contains("{{"), "the shortcode is replaced");
        String news = topic.substring(topic.indexOf("id=\"news\""), topic.indexOf("id=\"policy-briefs\""));
        assertTrue(news.contains("/en/news/n1/") && !news.contains("/en/news/n2/"), "tag filter and limit=1: " + news);
        assertTrue(news.contains("href=\"/en/tags/harm-reduction/news/\""), "All → goes to the same filter's list");
        assertTrue(files.containsKey("fr/tags/harm-reduction/news/index.html"), "and that list exists in every language");
        String briefs = topic.substring(topic.indexOf("id=\"policy-briefs\""));
        assertTrue(briefs.indexOf("/en/papers/c/") < briefs.indexOf("/en/papers/a/") && !briefs.contains("/en/papers/b/"), briefs);
    }

    @Test
    void fallbackListsShowDefaultLanguageItemsMarkedWithTheirLanguage() {
        String fr = main("fr/topic/index.html");
        assertTrue(fr.contains("href=\"/fr/papers/a/\""), "the French version where there is one");
        assertTrue(fr.contains("lang=\"en\"") && fr.contains("href=\"/en/papers/c/\" hreflang=\"en\""), fr);
        assertTrue(text(fr).contains("en anglais"), "marked with its language, in French");
    }

    @Test
    void aPartialBuildWithoutTheDefaultLanguageFallsBackToNothing() {
        Path out = tmp.resolve("fr-only");
        BuildResult r = Build.run(new BuildOptions(TestSites.fixture("lists-site"), out, List.of("fr"), Optional.empty(), false, 0));
        assertTrue(r.ok(), r.diagnostics().toString());
        String fr = TestSites.read(out.resolve("fr/topic/index.html"));
        assertTrue(fr.contains("href=\"/fr/papers/a/\"") && !fr.contains("/en/"), "no link to a page this build does not have");
    }

    @Test
    void listsArePaginatedWithPrevNextAndPageNumbers() {
        String first = page("en/papers/index.html");
        assertTrue(first.contains("/en/papers/c/") && first.contains("/en/papers/b/") && !first.contains("href=\"/en/papers/a/\""));
        assertTrue(first.contains("<link rel=\"next\" href=\"/en/papers/page/2/\">"));
        String second = page("en/papers/page/2/index.html");
        assertTrue(second.contains("href=\"/en/papers/a/\""));
        assertTrue(second.contains("<link rel=\"prev\" href=\"/en/papers/\">"));
        assertTrue(text(second).contains("Page 2 of 2"));
        assertFalse(files.containsKey("en/papers/page/3/index.html"));
        // The home page shows the newest item of each kind, with the way to all of them.
        String home = main("en/index.html");
        assertTrue(home.contains("/en/papers/c/") && !home.contains("/en/papers/b/") && home.contains("href=\"/en/papers/\""));
        assertTrue(home.contains("/en/news/n1/") && home.contains("href=\"/en/news/\""));
    }

    @Test
    void relatedContentSharesTagsThenType() {
        String a = page("en/papers/a/index.html");
        String related = SiteOutput.block(a, "<section class=\"related", "section");
        assertTrue(related.indexOf("/en/news/n1/") > 0 && related.contains("/en/papers/b/"), related);
        assertFalse(related.contains("/en/papers/a/\""), "not itself");
    }

    @Test
    void feedsCarryNewsPapersAndGuides() {
        String atom = page("en/atom.xml");
        for (String p : List.of("/en/news/n1/", "/en/news/n2/", "/en/papers/a/", "/en/papers/a/guide/")) {
            assertTrue(atom.contains("https://example.test" + p), p + " in the feed");
        }
        assertTrue(atom.indexOf("/en/papers/c/") < atom.indexOf("/en/news/n1/"), "newest first");
    }

    @Test
    void everyPageHasItsOwnDescription() {
        Map<String, String> seen = new java.util.HashMap<>();
        files.forEach((rel, bytes) -> {
            if (!rel.endsWith(".html") || rel.endsWith("404.html") || rel.startsWith("status/")) return; // not indexed
            String html = new String(bytes, StandardCharsets.UTF_8);
            var d = SiteOutput.tags(SiteOutput.block(html, "<head>", "head"), "meta").stream()
                    .filter(t -> "description".equals(t.attr("name"))).map(t -> t.attr("content")).toList();
            assertEquals(1, d.size(), rel + " has one description");
            String other = seen.put(d.get(0), rel);
            assertTrue(other == null, rel + " and " + other + " share the description '" + d.get(0) + "'");
        });
    }

    @Test
    void headsCarryWhatSearchEnginesAndReferenceManagersRead() {
        String fr = page("fr/papers/a/index.html");
        String head = SiteOutput.block(fr, "<head>", "head");
        assertTrue(head.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Report\""), head);
        assertTrue(head.contains("\"inLanguage\":\"fr\"") && head.contains("\"translationOfWork\":{\"@id\":\"https://example.test/en/papers/a/\"}")
                && head.contains("\"datePublished\":\"2026-01-10\"") && head.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"Fixture Org\""), head);
        assertTrue(page("en/papers/a/index.html").contains("\"workTranslation\":[{\"@id\":\"https://example.test/fr/papers/a/\"}]"));
        assertTrue(head.contains("<meta name=\"citation_title\" content=\"Note A\">") && head.contains("<meta name=\"citation_date\" content=\"2026/01/10\">")
                && head.contains("<meta name=\"citation_language\" content=\"fr\">"), head);
        assertTrue(head.contains("<meta property=\"og:locale:alternate\" content=\"en_US\">"), head);
        assertTrue(head.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">") && files.containsKey("favicon.svg"));
        assertTrue(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=") && !head.contains("hreflang=\"fr\" title="),
                "the feed link carries no (relative) hreflang");
        assertTrue(head.contains("@page { size: A4; }"), "printing uses the site's page size");
        // The translation matrix is for the team, not for search engines.
        assertTrue(page("status/index.html").contains("<meta name=\"robots\" content=\"noindex\">"));
        assertTrue(page("robots.txt").contains("Disallow: /status/"));
        assertFalse(page("sitemap.xml").contains("/status/"));
    }

    @Test
    void frenchThemeStringsUseNoBreakSpaces() {
        String fr = text(main("fr/tags/index.html"));
        assertFalse(fr.matches("(?s).*(« | »| :| ;| \\?| !).*"), "no breaking space inside « » or before : ; ? ! in " + fr);
    }

    @Test
    void cleanFixtureBuildsWithoutWarnings() {
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
