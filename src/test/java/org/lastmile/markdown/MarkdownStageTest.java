package org.lastmile.markdown;

import org.junit.jupiter.api.Test;
import org.lastmile.content.ContentKind;
import org.lastmile.content.FrontMatter;
import org.lastmile.content.FrontMatterParser;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.site.ContentHtml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Markdown stage: heading ids, table of contents, warnings about what Markdown cannot carry. */
class MarkdownStageTest {
    final Markdown markdown = new Markdown();
    final MarkdownStage stage = new MarkdownStage(markdown);
    final List<Diagnostic> problems = new ArrayList<>();

    /** A source file as the loader makes it: front matter of {@code title} only, so the body starts on line 4. */
    SourceFile file(String body) {
        Path path = Path.of("content/pages/test.md");
        String text = "---\ntitle: \"Test\"\n---\n" + body;
        List<Diagnostic> p = new ArrayList<>();
        FrontMatterParser.Split split = FrontMatterParser.split(path, text, p).orElseThrow();
        FrontMatter fm = FrontMatterParser.parse(path, split, p);
        assertEquals(List.of(), p);
        return new SourceFile(ContentKind.PAGE, "test", "en", path, Path.of("/nowhere/content/pages/test.md"), fm,
                split.body(), split.bodyLine());
    }

    ParsedDoc parse(String body) {
        return stage.parse(file(body), problems);
    }

    List<String> ids(ParsedDoc d) {
        return d.toc().stream().map(TocEntry::id).toList();
    }

    List<String> messages() {
        return problems.stream().map(Diagnostic::format).toList();
    }

    @Test
    void repeatedHeadingsGetNumberedIds() {
        ParsedDoc d = parse("## Summary\n\n## Summary\n\n## Summary-2\n\n## Summary\n");
        assertEquals(List.of("summary", "summary-2", "summary-2-2", "summary-3"), ids(d));
        assertEquals(4, d.ids().values().stream().distinct().count(), "every heading its own id");
        assertEquals(List.of(), messages());
    }

    @Test
    void idsKeepEveryScript() {
        ParsedDoc d = parse("## Основные положения\n\n## 主要观点\n\n## Résumé *rapide*\n\n## `code` and **bold**\n\n## ???\n");
        assertEquals(List.of("основные-положения", "主要观点", "résumé-rapide", "code-and-bold", "section"), ids(d));
        assertEquals(List.of("Основные положения", "主要观点", "Résumé rapide", "code and bold", "???"),
                d.toc().stream().map(TocEntry::text).toList(), "toc text without markup");
    }

    @Test
    void tocHoldsLevelsTwoAndThreeOnly() {
        ParsedDoc d = parse("## One\n\n### One.a\n\n#### Deep\n\n## Two\n");
        assertEquals(List.of(2, 3, 2), d.toc().stream().map(TocEntry::level).toList());
        assertEquals(List.of("one", "one-a", "two"), ids(d));
        assertTrue(d.anchors().contains("deep"), "a level-4 heading still gets an id to link to");
    }

    @Test
    void levelOneHeadingWarnsAtItsLine() {
        ParsedDoc d = parse("\nIntro.\n\n# Title again\n");
        assertEquals(List.of("content/pages/test.md:7: warning: a level-1 heading ('# …') repeats the page title — start sections at "
                + "'## '; the title comes from front matter"), messages());
        assertEquals(List.of(), d.toc());
    }

    @Test
    void rawHtmlWarnsAtItsLineAndIsEscaped() {
        ParsedDoc d = parse("\nText with <span class=\"x\">inline</span> HTML.\n\n<div>block</div>\n\n<!-- a comment is fine -->\n");
        assertEquals(List.of(
                "content/pages/test.md:5: warning: raw HTML is shown as text, not interpreted — write it in Markdown; lastmile escapes HTML so every page and PDF stays safe and consistent",
                "content/pages/test.md:7: warning: raw HTML is shown as text, not interpreted — write it in Markdown; lastmile escapes HTML so every page and PDF stays safe and consistent"),
                problems.stream().sorted(Diagnostic.ORDER).map(Diagnostic::format).distinct().toList());
        String html = new ContentHtml(markdown).render(d, new org.lastmile.site.LinkResolver.Result(Map.of(), List.of(), List.of(), Map.of()), f -> "");
        assertTrue(html.contains("&lt;div&gt;block&lt;/div&gt;"), html);
        assertTrue(html.contains("&lt;span class=&quot;x&quot;&gt;inline&lt;/span&gt;") || html.contains("&lt;span class=\"x\"&gt;inline&lt;/span&gt;"), html);
        assertFalse(html.contains("<div>block"), "raw HTML never reaches the page");
        assertFalse(html.contains("a comment is fine"), "comments are dropped");
    }

    @Test
    void footnotesAreAnchors() {
        ParsedDoc d = parse("Text.[^src]\n\n[^src]: A source.\n");
        // The ids the HTML gives footnotes: numbered in order of first reference, not named by their labels.
        assertTrue(d.anchors().containsAll(List.of("fn-1", "fnref-1")), d.anchors().toString());
        assertFalse(d.anchors().contains("fn-src"), d.anchors().toString());
        String html = new ContentHtml(markdown).render(d, new org.lastmile.site.LinkResolver.Result(Map.of(), List.of(), List.of(), Map.of()), f -> "");
        assertTrue(html.contains("id=\"fn-1\"") && html.contains("id=\"fnref-1\""), html);
        assertEquals(List.of(), messages());
    }

    @Test
    void renderedHeadingsCarryTheIds() {
        ParsedDoc d = parse("## Основные положения\n\n## Основные положения\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.org\n");
        String html = new ContentHtml(markdown).render(d, new org.lastmile.site.LinkResolver.Result(Map.of(), List.of(), List.of(), Map.of()), f -> "");
        assertTrue(html.contains("<h2 id=\"основные-положения\">"), html);
        assertTrue(html.contains("<h2 id=\"основные-положения-2\">"), html);
        assertTrue(html.contains("<td>1</td>"), "GFM table");
        assertTrue(html.contains("<del>old</del>"), "strikethrough");
        assertTrue(html.contains("<a href=\"https://example.org\">https://example.org</a>"), "autolink");
    }
}
