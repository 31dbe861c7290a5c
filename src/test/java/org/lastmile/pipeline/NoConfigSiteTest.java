package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sites/no-config-site has content/ only: no site.yaml, no templates. Its languages come from the file suffixes
 * (index.md is English, the default; .fr and .zh add French and Chinese), named in their own language by ICU.
 */
class NoConfigSiteTest {
    @TempDir
    static Path tmp;
    static BuildResult result;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() {
        result = Build.run(BuildOptions.of(TestSites.fixture("no-config-site"), tmp.resolve("public")));
        files = TestSites.tree(tmp.resolve("public"));
    }

    static String page(String rel) {
        assertTrue(files.containsKey(rel), rel + " was not built: " + files.keySet());
        return new String(files.get(rel), StandardCharsets.UTF_8);
    }

    @Test
    void buildsWithOnlyTheBaseUrlWarning() {
        assertTrue(result.ok());
        assertEquals(List.of("site.yaml: warning: no base_url, so feeds, sitemap, canonical links and PDF links can only use paths"
                + " — set base_url in site.yaml or pass --base-url"), result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void languagesComeFromFileSuffixesDefaultFirst() {
        for (String l : List.of("en", "fr", "zh")) assertTrue(files.containsKey(l + "/index.html"), l);
        assertEquals(List.of("en", "fr", "zh"), SiteOutput.switcher(page("fr/papers/water/index.html")));
        List<SiteOutput.Tag> root = SiteOutput.tags(SiteOutput.block(page("index.html"), "<nav", "nav"), "a");
        assertEquals(List.of("/en/", "/fr/", "/zh/"), root.stream().map(t -> t.attr("href")).toList());
    }

    @Test
    void languagesAreNamedInThemselvesByIcu() {
        String nav = SiteOutput.block(page("en/papers/water/index.html"), "<nav class=\"lang-switcher\"", "nav");
        assertTrue(nav.contains(">English<"), nav);
        assertTrue(nav.contains(">Français<"), nav);
        assertTrue(nav.contains(">中文<"), nav);
    }

    @Test
    void pagesExistOnlyWhereTranslated() {
        assertTrue(files.containsKey("zh/about/index.html"));
        assertFalse(files.containsKey("fr/about/index.html"));
        assertEquals(List.of("en", "zh"), SiteOutput.switcher(page("zh/about/index.html")));
        assertTrue(page("zh/papers/water/index.html").contains("<html lang=\"zh\" dir=\"ltr\">"));
    }

    @Test
    void withoutBaseUrlEveryLinkIsASitePathThatArrives() {
        // schema.org names the JSON-LD vocabulary; it is not a link.
        assertFalse(page("en/papers/water/index.html").replace("\"https://schema.org\"", "").contains("https://"), "no invented host");
        assertEquals(List.of(), SiteOutput.deadLinks(tmp.resolve("public"), "", files));
    }
}
