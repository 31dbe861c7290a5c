package org.lastmile.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.content.ContentLoader;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.markdown.Markdown;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;
import org.lastmile.site.ContentHtml;
import org.lastmile.site.LinkResolver;
import org.lastmile.site.SiteIndex;

/**
 * Seeded fuzzing of what users write: Markdown bodies, front matter and site.yaml, generated from fragments that
 * real and hostile files contain (nesting, aliases, broken quotes, odd types, control characters, long runs) and
 * then mutated. Hundreds of sites go through the stages that read user input (config, content, Markdown, links,
 * HTML bodies), where only diagnostics may come out; a few go through the whole CLI, which must exit 0 or 1 with no
 * internal error or stack trace. Everything must end within a bound. Seeds are fixed, so a failure names the seed
 * that reproduces it.
 */
class FuzzSitesTest {
    private static final int CASES = 300;
    private static final int CLI_CASES = 5;
    private static final Duration EACH = Duration.ofSeconds(30);
    private static final Duration ALL = Duration.ofSeconds(120);

    @TempDir Path tmp;

    private static final List<String> BLOCKS = List.of(
            "## Heading\n", "# Title again\n", "Plain text with *emphasis* and **strong** and ~~gone~~.\n",
            "- a\n  - b\n    - c\n", "1. one\n2. two\n", "> quote\n> > nested\n", "```\ncode\n```\n", "    indented code\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n", "Footnote[^1].\n\n[^1]: The note.\n", "<div>raw</div>\n", "<!-- comment -->\n",
            "[link](../other/) [x](JaVaScRiPt:alert(1)) [m](mailto:a@b.c) <https://example.org>\n",
            "![img](missing.png) ![s](/images/nope.png)\n", "---\n", "***\n", "Setext\n======\n", "\\*not emphasis\\*\n",
            "Привет, мир. 你好，世界。 مرحبا\n", "emoji 🎉 and \u200b zero width\n", "\u0000\u0007\u001b[0m\uffff\n", "\t\ttabs\n",
            "[ref]: https://example.org\n\n[use][ref]\n", "- [ ] task\n", "***bold italic*** _under_ __strong__\n");

    private static final List<String> YAML_VALUES = List.of(
            "\"text\"", "'single'", "plain words", "2026-01-05", "2026-13-45", "[a, b]", "{k: v}", "~", "null", "true", "yes",
            "12", "-3", "1e400", "\"unclosed", "[unclosed", "&a x", "*a", "&b [*b]", "!!binary aGk=", "!custom tag", "|\n  block\n  text",
            ">\n  folded", "\"\\u0000\"", "\"" + "x".repeat(300) + "\"", "[[[[[[[[1]]]]]]]]", "{a: {b: {c: {d: 1}}}}");

    private static final List<String> FM_KEYS = List.of("title", "date", "summary", "tags", "authors", "draft", "weight",
            "short_title", "translation_of", "cover_image", "custom", "title");

    private static final List<String> SITE_KEYS = List.of("title", "description", "base_url", "default_language", "languages",
            "organisation", "pdf", "status_page", "params", "unknown");

    @Test
    void readingAnyInputGivesDiagnosticsOnly() {
        Markdown markdown = new Markdown();
        assertTimeoutPreemptively(ALL, () -> {
            for (int seed = 0; seed < CASES; seed++) {
                Path site = site(seed);
                int s = seed;
                assertTimeoutPreemptively(EACH, () -> read(site, markdown, s), "seed " + seed + " must end within " + EACH);
            }
        });
    }

    /** The reading half of a build, as Build runs it: only diagnostics (or a LastmileException) may come out. */
    private static void read(Path site, Markdown markdown, int seed) {
        try {
            List<Diagnostic> problems = new java.util.ArrayList<>();
            ContentLoader.Loaded loaded = ContentLoader.loadSite(site, true, problems);
            SiteIndex index = new SiteIndex(loaded.config(), loaded.content());
            MarkdownStage stage = new MarkdownStage(markdown);
            java.util.Map<String, ParsedDoc> parsed = new java.util.HashMap<>();
            loaded.content().files().forEach(sf -> parsed.put(SiteIndex.path(sf), stage.parse(sf, problems)));
            LinkResolver resolver = new LinkResolver(index, parsed);
            ContentHtml html = new ContentHtml(markdown);
            for (ParsedDoc d : parsed.values()) html.render(d, resolver.resolve(d), f -> "fallback");
        } catch (LastmileException e) {
            // a stage that cannot go on, with its diagnostics: fine
        } catch (Throwable t) {
            // A StackOverflowError's trace is cut by surefire: name the deepest distinct frames here.
            StringBuilder where = new StringBuilder();
            java.util.Arrays.stream(t.getStackTrace()).map(String::valueOf).distinct().limit(25)
                    .forEach(f -> where.append("\n  at ").append(f));
            throw new AssertionError("seed " + seed + ": " + t + where, t);
        }
    }

    @Test
    void theCliEndsEveryRunWithExitZeroOrOne() {
        assertTimeoutPreemptively(ALL, () -> {
            for (int seed = 0; seed < CLI_CASES; seed++) run(seed);
        });
    }

    private Path site(int seed) throws IOException {
        Random r = new Random(seed);
        Path site = tmp.resolve("s" + seed);
        if (Files.exists(site)) return site;
        Files.createDirectories(site.resolve("content/pages"));
        if (r.nextInt(3) > 0) write(site.resolve("site.yaml"), siteYaml(r));
        write(site.resolve("content/pages/about.md"), "---\n" + frontMatter(r) + "---\n\n" + body(r));
        if (r.nextInt(4) == 0) write(site.resolve("content/pages/other.md"), mutate(r, "---\ntitle: Other\n---\n\n" + body(r)));
        return site;
    }

    private void run(int seed) throws IOException {
        Random r = new Random(-seed);
        Path site = site(seed);
        String[] args = r.nextBoolean()
                ? new String[]{"check", "--source", site.toString()}
                : new String[]{"build", "--source", site.toString(), "--out", tmp.resolve("o" + seed).toString()};
        TestSites.Run run = assertTimeoutPreemptively(EACH, () -> TestSites.cli(args), "seed " + seed + " must end within " + EACH);
        String all = run.out() + run.err();
        assertTrue(run.exit() == 0 || run.exit() == 1, "seed " + seed + ": exit " + run.exit() + "\n" + all);
        assertFalse(all.contains("internal error") || all.contains("\tat ") || all.contains("Exception"),
                "seed " + seed + ": no internal error or stack trace\n" + all);
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String body(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            String b = pick(r, BLOCKS);
            // Nest some blocks in lists or quotes, sometimes deeper than any document would.
            int depth = r.nextInt(10) == 0 ? r.nextInt(40) : r.nextInt(3);
            String prefix = r.nextBoolean() ? "> ".repeat(depth) : "  ".repeat(depth) + (depth > 0 ? "- " : "");
            sb.append(prefix).append(b.replace("\n", "\n" + prefix.replace("- ", "  "))).append('\n');
            if (r.nextInt(30) == 0) sb.append(String.valueOf("*_[`~-|>".charAt(r.nextInt(8))).repeat(r.nextInt(5000))).append('\n');
        }
        return mutate(r, sb.toString());
    }

    private static String frontMatter(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        if (r.nextInt(5) > 0) sb.append("title: ").append(r.nextInt(4) == 0 ? pick(r, YAML_VALUES) : "\"About\"").append('\n');
        for (int i = 0; i < n; i++) sb.append(pick(r, FM_KEYS)).append(": ").append(pick(r, YAML_VALUES)).append('\n');
        return r.nextInt(5) == 0 ? mutate(r, sb.toString()) : sb.toString();
    }

    private static String siteYaml(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String k = pick(r, SITE_KEYS);
            switch (k) {
                case "languages" -> sb.append("languages:\n  - code: en\n  - code: ").append(pick(r, List.of("fr", "zz", "pt_BR", "[x]", "en"))).append('\n');
                case "pdf" -> sb.append("pdf:\n  ").append(pick(r, List.of("page_size", "base_size", "primary_color", "logo", "margins", "fonts", "guides")))
                        .append(": ").append(pick(r, YAML_VALUES).replace("\n", "\n  ")).append('\n');
                default -> sb.append(k).append(": ").append(pick(r, YAML_VALUES)).append('\n');
            }
        }
        return r.nextInt(4) == 0 ? mutate(r, sb.toString()) : sb.toString();
    }

    /** Random edits: characters inserted, deleted or repeated, line ends changed. */
    private static String mutate(Random r, String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = r.nextInt(4);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0 -> sb.insert(at, (char) r.nextInt(0x3000));
                case 1 -> sb.deleteCharAt(at);
                case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + r.nextInt(20))).repeat(1 + r.nextInt(50)));
                case 3 -> sb.insert(at, "\r");
                default -> sb.insert(at, pick(r, List.of("*", "[", "]", "(", "`", ">", "|", ":", "&", "---\n")));
            }
        }
        return sb.toString();
    }

    private static String pick(Random r, List<String> l) {
        return l.get(r.nextInt(l.size()));
    }
}
