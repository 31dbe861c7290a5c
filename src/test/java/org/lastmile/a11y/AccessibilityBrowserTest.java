package org.lastmile.a11y;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.config.ConfigLoader;
import org.lastmile.config.Language;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample publication in a real browser: axe-core's WCAG 2.2 AA rules in headless Chromium, on a phone's and a
 * desktop's width, on every kind of page (home, paper, guide, standalone page, news item, list, tags, tag, 404) in
 * every language site.yaml lists, plus the language picker, the root 404 and the status page. A violation of impact
 * serious or critical fails the test with its rule, page, element and the help to fix it.
 *
 * <p>Without a browser the test is skipped on a developer's machine, but fails in CI (CI set), where .ci/run
 * installs chromium and chromium-driver: an accessibility check that silently does not run guards nothing.
 */
class AccessibilityBrowserTest {
    static final List<Integer> WIDTHS = List.of(390, 1280);

    @TempDir
    Path tmp;

    @Test
    void everyKindOfPageInEveryLanguageHasNoSeriousAccessibilityViolation() throws IOException {
        Optional<Browser.Install> install = Browser.Install.find();
        if (install.isEmpty()) {
            String why = "no chromium and chromedriver on PATH — install Debian's chromium and chromium-driver (.ci/run does)";
            String ci = System.getenv().getOrDefault("CI", "");
            if (!ci.isBlank() && !ci.equalsIgnoreCase("false")) fail("CI: the browser accessibility test cannot run: " + why);
            assumeTrue(false, why);
        }
        Path source = Path.of("").toAbsolutePath();
        Path out = tmp.resolve("public");
        BuildResult built = Build.run(BuildOptions.of(source, out));
        assertEquals(List.of(), built.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());

        Map<String, String> pages = pages(out, languages(source));
        List<Browser.Finding> findings = new ArrayList<>();
        try (StaticServer server = new StaticServer(out);
             Browser browser = new Browser(install.get(), Files.createDirectories(tmp.resolve("chromium-profile")))) {
            for (var e : pages.entrySet()) findings.addAll(browser.check(server.origin() + e.getValue(), e.getKey() + " " + e.getValue(), WIDTHS));
        }
        assertTrue(findings.isEmpty(), findings.size() + " serious or critical accessibility violations (axe-core, WCAG 2.2 AA) in "
                + pages.size() + " pages:\n" + findings.stream().map(Browser.Finding::toString).collect(Collectors.joining("\n")));
    }

    /** The languages site.yaml lists, in its order: a language added there is checked without touching this test. */
    static List<String> languages(Path source) {
        List<Diagnostic> problems = new ArrayList<>();
        List<String> codes = ConfigLoader.load(source, problems).languages().stream().map(Language::code).toList();
        assertTrue(problems.stream().noneMatch(Diagnostic::isError), "site.yaml: " + problems);
        assertTrue(codes.size() >= 2, "the sample site lists its languages: " + codes);
        return codes;
    }

    /**
     * The pages to check, by kind and language: one of each kind, found in the output (so a paper missing in one
     * language is simply another paper there, and a kind a language has none of yet is left out for it). The paper
     * preferred is one with footnotes, whose links need names.
     */
    static Map<String, String> pages(Path out, List<String> languages) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("language picker", "/");
        pages.put("404", "/404.html");
        pages.put("status", "/status/");
        for (String l : languages) {
            Path root = out.resolve(l);
            pages.put(l + " home", "/" + l + "/");
            List<String> papers = folders(root.resolve("papers")).stream().filter(p -> Files.isRegularFile(root.resolve("papers/" + p + "/guide/index.html"))).toList();
            papers.stream().filter(p -> read(root.resolve("papers/" + p + "/index.html")).contains("footnote-backref"))
                    .findFirst().or(() -> papers.stream().findFirst()).ifPresent(paper -> {
                        pages.put(l + " paper", "/" + l + "/papers/" + paper + "/");
                        pages.put(l + " guide", "/" + l + "/papers/" + paper + "/guide/");
                    });
            folders(root).stream().filter(p -> !Set.of("papers", "news", "guides", "tags", "types").contains(p)).findFirst()
                    .ifPresent(p -> pages.put(l + " page", "/" + l + "/" + p + "/"));
            folders(root.resolve("news")).stream().findFirst().ifPresent(n -> pages.put(l + " news", "/" + l + "/news/" + n + "/"));
            pages.put(l + " list", "/" + l + "/news/");
            if (Files.isRegularFile(root.resolve("tags/index.html"))) pages.put(l + " tags", "/" + l + "/tags/");
            folders(root.resolve("tags")).stream().findFirst().ifPresent(t -> pages.put(l + " tag", "/" + l + "/tags/" + t + "/"));
            pages.put(l + " 404", "/" + l + "/404.html");
        }
        // A language new to the site may not have every kind of page yet; the site as a whole must.
        Set<String> kinds = pages.keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(List.of("home", "paper", "guide", "page", "news", "list", "tags", "tag", "404")), "kinds of page checked: " + kinds);
        for (String p : pages.values()) {
            Path file = out.resolve(p.substring(1) + (p.endsWith("/") ? "index.html" : ""));
            assertTrue(Files.isRegularFile(file), "the build wrote " + p);
        }
        return pages;
    }

    /** The sub-folders of {@code dir} holding a page (not "page/" of a paginated list), sorted. */
    private static List<String> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("index.html")) && !p.getFileName().toString().equals("page"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
