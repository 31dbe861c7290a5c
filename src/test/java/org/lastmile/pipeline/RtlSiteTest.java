package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Arabic and Japanese web pages, built from the fixture sites/rtl-site (en, ar with Arabic-Indic digits, ja) as a
 * reader sees them: right to left with the page's language, Latin isolated inside Arabic, Arabic UI strings with the
 * plural form and digits the site chose, Japanese UI strings; and a site whose default language has no UI strings of
 * its own, which must fall back to English with one warning per language and never print a message key.
 */
class RtlSiteTest {
    @TempDir
    static Path tmp;
    static BuildResult result;
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() {
        Path out = tmp.resolve("public");
        result = TestSites.buildFixture("rtl-site", out);
        files = TestSites.tree(out);
    }

    static String page(Map<String, byte[]> files, String rel) {
        return TestSites.page(files, rel);
    }

    static String page(String rel) {
        return page(files, rel);
    }

    /** The element with class {@code cls} (its first occurrence), tags and all, up to its closing tag. */
    static String element(String html, String tag, String cls) {
        Matcher m = Pattern.compile("(?s)<" + tag + " class=\"" + cls + "\"[^>]*>.*?</" + tag + ">").matcher(html);
        if (!m.find()) fail("no <" + tag + " class=\"" + cls + "\"> in the page");
        return m.group();
    }

    @Test
    void arabicPagesAreRightToLeftAndOthersAreNot() {
        for (String rel : List.of("ar/index.html", "ar/papers/clinic/index.html", "ar/papers/index.html", "ar/about/index.html", "ar/404.html")) {
            assertTrue(page(rel).contains("<html lang=\"ar\" dir=\"rtl\">"), rel);
        }
        assertTrue(page("en/papers/clinic/index.html").contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(page("ja/papers/clinic/index.html").contains("<html lang=\"ja\" dir=\"ltr\">"));
    }

    @Test
    void latinNamesUrlsAndLicencesInArabicTextAreIsolated() {
        String prose = element(page("ar/papers/clinic/index.html"), "div", "prose");
        assertTrue(prose.contains("(<bdi>WHO</bdi>)"), prose);
        assertTrue(prose.contains("<a href=\"https://example.test/data\"><bdi>https://example.test/data</bdi></a>"), prose);
        // The trailing full stop belongs to the Arabic sentence, not to the Latin run.
        assertTrue(prose.contains("<bdi>CC BY 4.0</bdi>."), prose);
        assertTrue(prose.contains("<code>x = 1</code>"), "code is left as it is: " + prose);
        // Left-to-right pages are not touched.
        assertFalse(page("en/papers/clinic/index.html").contains("<bdi>WHO"), "no isolation on English pages");
        assertFalse(page("ja/papers/clinic/index.html").contains("<bdi>WHO"), "no isolation on Japanese pages");
    }

    @Test
    void userSuppliedStringsInListsTakeTheirOwnDirection() {
        String list = page("ar/papers/index.html");
        assertTrue(list.matches("(?s).*<h2 class=\"paper-card__title\" dir=\"auto\"><a href=\"/ar/papers/clinic/\">الميل الأخير إلى العيادة</a>.*"), list);
        assertTrue(list.contains("rel=\"tag\" dir=\"auto\">الصحة</a>"), list);
        // Language names in the switcher carry their own language and direction.
        String paper = page("en/papers/clinic/index.html");
        assertTrue(paper.contains("lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"), paper);
        // An author's Latin name inside an Arabic sentence is isolated too (FSI … PDI in the UI string).
        String authors = element(page("ar/papers/clinic/index.html"), "span", "doc-meta__authors");
        assertTrue(authors.contains("\u2068Ana Pérez\u2069"), authors);
    }

    @Test
    void arabicCountsDatesAndPagesUseTheChosenDigitsAndPluralForms() {
        String list = page("ar/papers/index.html");
        // Two papers: the dual form, then the page count in Arabic-Indic digits.
        assertTrue(list.contains("<p class=\"section-head__count\">ورقتان · الصفحة ١ من ٢</p>"), list);
        assertTrue(list.contains("<span class=\"pager__where\" aria-current=\"page\">الصفحة ١ من ٢</span>"), list);
        assertTrue(page("ar/papers/clinic/index.html").contains("نُشرت في ١٢ مارس ٢٠٢٦"), "the date in Arabic-Indic digits");
        assertTrue(page("ar/index.html").contains("© ٢٠٢٦") || page("ar/index.html").matches("(?s).*© [٠-٩]{4}.*"), "the year too");
        assertTrue(page("ar/index.html").contains("class=\"kind-home digits-arab\""), "lists are numbered in the same digits");
        // The other languages keep their own digits.
        assertTrue(page("en/papers/index.html").contains("Page 1 of 2"));
        assertTrue(page("ja/papers/clinic/index.html").contains("2026年3月12日"), page("ja/papers/clinic/index.html"));
    }

    @Test
    void japaneseAndArabicPagesShowTheirOwnUiStrings() {
        String ja = page("ja/papers/clinic/index.html");
        assertTrue(ja.contains(">本文へ移動</a>"), "skip link in Japanese");
        assertTrue(ja.contains(">ホーム</a>"), "menu in Japanese");
        String ar = page("ar/papers/clinic/index.html");
        assertTrue(ar.contains(">انتقل إلى المحتوى</a>"), "skip link in Arabic");
        assertTrue(ar.contains(">الرئيسية</a>"), "menu in Arabic");
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList(), "both have complete bundles: no warnings");
    }

    @Test
    void aSiteWithoutEnglishAndWithoutBundlesFallsBackToEnglishWithOneWarningPerLanguage() throws Exception {
        Path site = tmp.resolve("de-site");
        TestSites.write(site, "site.yaml", """
                title: "Netz"
                base_url: "https://example.test"
                default_language: de
                languages:
                  - code: de
                  - code: sw
                  - code: ar
                pdf:
                  guides: false
                """);
        for (String suffix : List.of("", ".sw", ".ar")) {
            TestSites.write(site, "content/papers/wasser/index" + suffix + ".md",
                    "---\ntitle: \"Wasser\"\ndate: 2026-03-12\ntags: [wasser]\n---\n\n## Eins\n\nText.\n");
            TestSites.write(site, "content/papers/wasser/guide" + suffix + ".md", "---\ntitle: \"Leitfaden\"\n---\n\nText.\n");
        }
        BuildResult r = Build.run(new BuildOptions(site, tmp.resolve("de-out"), List.of(), Optional.empty(), false, 0));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        assertEquals(List.of(
                        "warning: no UI strings for language 'de', so its menus and labels are shown in English (en) — add templates/i18n/de.yaml to your site: a copy of the theme's en.yaml with its texts translated",
                        "warning: no UI strings for language 'sw', so its menus and labels are shown in English (en) — add templates/i18n/sw.yaml to your site: a copy of the theme's en.yaml with its texts translated"),
                r.diagnostics().stream().map(Diagnostic::format).sorted().toList(), "one warning per language, nothing per key or page");
        Map<String, byte[]> out = TestSites.tree(tmp.resolve("de-out"));
        List<String> keys = Files.readAllLines(Path.of("templates/i18n/en.yaml")).stream()
                .filter(l -> l.matches("[a-z_]+_[a-z_]+:.*")).map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertTrue(keys.contains("read_full_paper") && keys.size() > 40, keys.toString());
        List<String> raw = new ArrayList<>();
        out.forEach((rel, bytes) -> {
            if (!rel.endsWith(".html") && !rel.endsWith(".xml")) return;
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String k : keys) if (text.contains(">" + k) || text.contains("\"" + k + "\"") || text.contains(" " + k + " ")) raw.add(rel + ": " + k);
        });
        assertEquals(List.of(), raw, "no page shows a message key");
        assertTrue(page(out, "de/papers/wasser/index.html").contains(">Skip to content</a>"), "German pages show English labels");
        assertTrue(page(out, "sw/papers/wasser/guide/index.html").contains("Back to the briefing paper"), "so do Swahili pages");
        assertTrue(page(out, "ar/papers/wasser/index.html").contains(">انتقل إلى المحتوى</a>"), "Arabic has its own bundle");
    }
}
