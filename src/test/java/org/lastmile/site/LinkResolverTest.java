package org.lastmile.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.content.ContentLoader;
import org.lastmile.diag.Diagnostic;
import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.BuildResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links between papers resolved per language: to the same language when the target is translated, else to the
 * default language (or the first language the target exists in), marked as a fallback; dead links reported.
 */
class LinkResolverTest {
    @TempDir
    Path root;
    final List<Diagnostic> problems = new ArrayList<>();
    SiteIndex index;
    ContentLoader.Loaded loaded;

    void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static String paper(String title, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: 2026-01-01\n---\n\n" + body + "\n";
    }

    void site() throws IOException {
        write("site.yaml", "base_url: \"https://example.test\"\nlanguages:\n  - code: en\n  - code: fr\n  - code: ru\n  - code: zh\n");
        write("content/papers/a/index.md", paper("A", "[B](../b/)"));
        write("content/papers/a/index.fr.md", paper("A fr", """
                [B](../b/) [B par fichier](../b/index.md) [C](../c/) [C section](../c/#points) [D](../d/)
                [nulle part](../nope/) [ailleurs](https://example.org/x) [ici](#haut) [courriel](mailto:a@b.c)
                [à propos](../../about/)
                """));
        write("content/papers/b/index.md", paper("B", "B."));
        write("content/papers/b/index.fr.md", paper("B fr", "B."));
        write("content/papers/c/index.md", paper("C", "## Points\n\nC."));
        write("content/papers/d/index.ru.md", paper("D ru", "D."));
        write("content/papers/d/index.zh.md", paper("D zh", "D."));
        write("content/pages/about.fr.md", "---\ntitle: \"À propos\"\n---\n\nTexte.\n");
        loaded = ContentLoader.load(ConfigLoader.load(root, problems), false, problems);
        index = new SiteIndex(loaded.config(), loaded.content());
        assertEquals(List.of(), problems);
    }

    record Resolved(Map<String, String> hrefs, Map<String, String> fallbackLangs, List<String> problems) {
    }

    /**
     * Builds the site and reads the links of one paper's body as rendered: link text → href, and for links marked as
     * fallbacks, link text → hreflang. Problems: the build's findings about that paper's source file.
     */
    Resolved resolve(String slug, String lang) {
        Path out = root.resolve("out-" + lang);
        BuildResult r = Build.run(new BuildOptions(root, out, List.of(), Optional.empty(), false, 1));
        String src = "content/papers/" + slug + "/" + (lang.equals("en") ? "index.md" : "index." + lang + ".md");
        List<String> found = r.diagnostics().stream().map(Diagnostic::format).filter(f -> f.startsWith(src + ":")).toList();
        String html = read(out.resolve(lang + "/papers/" + slug + "/index.html"));
        String prose = html.substring(html.indexOf("<div class=\"prose\">"), html.indexOf("</article>"));
        Map<String, String> hrefs = new LinkedHashMap<>();
        Map<String, String> fallbacks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\"([^>]*)>([^<]*)</a>").matcher(prose);
        while (m.find()) {
            String text = m.group(3).replace("&amp;", "&");
            hrefs.put(text, m.group(1).replace("&amp;", "&"));
            Matcher fb = Pattern.compile("hreflang=\"([^\"]+)\" class=\"lm-fallback\"").matcher(m.group(2));
            if (fb.find()) fallbacks.put(text, fb.group(1));
        }
        return new Resolved(hrefs, fallbacks, found);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void linksStayInTheLanguageOrFallBackMarked() throws IOException {
        site();
        Resolved fr = resolve("a", "fr");
        assertEquals("/fr/papers/b/", fr.hrefs().get("B"));
        assertEquals("/fr/papers/b/", fr.hrefs().get("B par fichier"), "a link naming a file goes to that content in this language");
        assertEquals("/en/papers/c/", fr.hrefs().get("C"), "untranslated: the default language");
        assertEquals("/en/papers/c/#points", fr.hrefs().get("C section"), "the fragment is kept");
        assertEquals("/ru/papers/d/", fr.hrefs().get("D"), "no default version: the first language in site order");
        assertEquals("https://example.org/x", fr.hrefs().get("ailleurs"));
        assertEquals("#haut", fr.hrefs().get("ici"));
        assertEquals("mailto:a@b.c", fr.hrefs().get("courriel"));
        assertEquals("/fr/about/", fr.hrefs().get("à propos"), "papers link pages too");
        assertEquals(Map.of("C", "en", "C section", "en", "D", "ru"), fr.fallbackLangs());
    }

    @Test
    void deadLinksAndDeadAnchorsAreReportedAtTheirLines() throws IOException {
        site();
        Resolved fr = resolve("a", "fr");
        assertEquals("../nope/", fr.hrefs().get("nulle part"), "a dead link is left as written");
        assertEquals(List.of(
                "content/papers/a/index.fr.md:7: warning: link to '#haut': no heading with id 'haut' on this page — remove the #fragment",
                "content/papers/a/index.fr.md:7: warning: link to '../nope/' goes to /fr/papers/nope/, which does not exist — check the slug; the link is left as written"),
                fr.problems());
    }

    @Test
    void missingImageIsAnErrorAtItsLine() throws IOException {
        site();
        write("content/papers/b/index.fr.md", paper("B fr", "Texte.\n\n![manque](missing.png)"));
        BuildResult r = Build.run(BuildOptions.of(root, root.resolve("out")));
        assertEquals(List.of("content/papers/b/index.fr.md:8: image 'missing.png' not found — put the file beside the Markdown file or fix the path"),
                r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
    }

    @Test
    void englishLinkToATranslatedPaperNeedsNoFallback() throws IOException {
        site();
        Resolved en = resolve("a", "en");
        assertEquals(Map.of("B", "/en/papers/b/"), en.hrefs());
        assertEquals(Map.of(), en.fallbackLangs());
        assertEquals(List.of(), en.problems());
    }

    @Test
    void siteIndexKnowsWhereEachPageExists() throws IOException {
        site();
        assertEquals(List.of("/en/papers/b/", "/fr/papers/b/"), index.translations("/en/papers/b/").stream().map(Map.Entry::getValue).toList());
        assertEquals(List.of("ru", "zh"), index.translations("/zh/papers/d/").stream().map(e -> e.getKey().code()).toList());
        assertTrue(index.exists("/fr/about/"));
        assertTrue(!index.exists("/en/about/"));
        assertEquals(4, index.translations("/ru/tags/").size(), "tag indexes exist in every language");
    }
}
