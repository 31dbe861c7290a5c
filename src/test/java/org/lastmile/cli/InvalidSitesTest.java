package org.lastmile.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.pipeline.TestSites;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every broken site under src/test/resources/sites/invalid/&lt;case&gt;/ is built with
 * {@code lastmile build --source <copy> --out <out>}, where {@code <out>} already holds a previous build. The build
 * must exit 1, print exactly the lines of the case's expected.txt on stderr (the absolute output folder written as
 * {@code <out>}), print no stack trace, and leave the previous output exactly as it was.
 *
 * <p>To add a case: make a folder with the broken site and an expected.txt holding what a user should read; run the
 * test; compare. Before accepting a message, read it as a user: it must say file:line (when a line is knowable),
 * what is wrong and what to do.
 */
class InvalidSitesTest {

    /**
     * Cases whose expected.txt says what lastmile should print but does not yet: the dynamic-test form of
     * {@code @Disabled}. Each is still run; it is reported as skipped with the reason while it fails, and fails the
     * suite once it passes, so that it is taken off this list.
     */
    static final Map<String, String> KNOWN_BUGS = Map.of();

    /** At least the cases the foundation issue asks for must exist (a renamed folder must not silently drop one). */
    static final List<String> REQUIRED = List.of("bad-date-translation", "missing-title", "unclosed-front-matter",
            "no-front-matter", "yaml-syntax-error", "unknown-language-suffix", "malformed-language-suffix",
            "language-not-in-site-yaml", "duplicate-language", "bad-site-yaml", "guide-without-paper", "image-not-found",
            "several-errors", "template-error", "template-syntax-error");

    private static final Pattern ERROR_LINE = Pattern.compile("^(content/|templates/|site\\.yaml)[^ ]*?(:\\d+)?: (warning: )?.+ — .+$");
    private static final Pattern SUMMARY = Pattern.compile("^build failed: (\\d+) errors?, (\\d+) warnings?; <out> was left as it was$");

    @TempDir
    Path tmp;

    static Path invalidRoot() {
        return TestSites.resources().resolve("sites").resolve("invalid");
    }

    static List<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(invalidRoot())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyRequiredCaseExistsAndHasExpectedText() throws IOException {
        List<String> cases = cases();
        assertTrue(cases.containsAll(REQUIRED), "missing cases: " + REQUIRED.stream().filter(c -> !cases.contains(c)).toList());
        assertTrue(cases.containsAll(KNOWN_BUGS.keySet()), "KNOWN_BUGS names a case that does not exist");
        for (String c : cases) assertTrue(Files.isRegularFile(invalidRoot().resolve(c).resolve("expected.txt")), c + "/expected.txt");
    }

    /**
     * The expected texts themselves follow the rules of lastmile's messages: every line but the last names a file
     * (file:line where a line is knowable), says what is wrong and, after " — ", what to do; the last is the summary,
     * whose counts match the lines above it. Lines are sorted by file and line.
     */
    @Test
    void expectedTextsAreWellFormed() throws IOException {
        for (String c : cases()) {
            List<String> lines = Files.readAllLines(invalidRoot().resolve(c).resolve("expected.txt"));
            assertTrue(lines.size() >= 2, c + ": at least one finding and the summary");
            Matcher sum = SUMMARY.matcher(lines.get(lines.size() - 1));
            assertTrue(sum.matches(), c + ": last line is the summary: " + lines.get(lines.size() - 1));
            List<String> findings = lines.subList(0, lines.size() - 1);
            long warnings = findings.stream().filter(l -> l.contains(": warning: ")).count();
            assertEquals(Long.parseLong(sum.group(1)), findings.size() - warnings, c + ": error count");
            assertEquals(Long.parseLong(sum.group(2)), warnings, c + ": warning count");
            for (String l : findings) assertTrue(ERROR_LINE.matcher(l).matches(), c + ": not 'file[:line]: what — what to do': " + l);
            assertEquals(findings.stream().sorted((a, b) -> compareFindings(a, b)).toList(), findings, c + ": sorted by file and line");
        }
    }

    private static int compareFindings(String a, String b) {
        String fa = a.substring(0, a.indexOf(": "));
        String fb = b.substring(0, b.indexOf(": "));
        String pa = fa.replaceAll(":\\d+$", "");
        String pb = fb.replaceAll(":\\d+$", "");
        int c = pa.compareTo(pb);
        if (c != 0) return c;
        return Integer.compare(line(fa), line(fb));
    }

    private static int line(String where) {
        Matcher m = Pattern.compile(":(\\d+)$").matcher(where);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidSiteFailsWithExactlyItsExpectedMessages() throws IOException {
        List<String> cases = cases();
        assertTrue(cases.size() >= REQUIRED.size(), "too few cases: " + cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            if (!KNOWN_BUGS.containsKey(c)) {
                check(c);
                return;
            }
            try {
                check(c);
            } catch (AssertionFailedError e) {
                Assumptions.abort(KNOWN_BUGS.get(c) + "\n" + e.getMessage());
            }
            fail(c + " is listed in KNOWN_BUGS but passes now: take it off the list");
        }));
    }

    private void check(String name) throws IOException {
        Path caseDir = tmp.resolve(name);
        Path site = TestSites.copy(invalidRoot().resolve(name), caseDir.resolve("site"));
        Files.delete(site.resolve("expected.txt"));
        Path out = caseDir.resolve("public");
        org.lastmile.pipeline.OutputWriter.publish(out, Map.of("index.html", "<p>the previous build</p>\n".getBytes(),
                "marker.txt", "left by the previous build\n".getBytes()), Map.of());
        Map<String, byte[]> before = TestSites.tree(out);

        TestSites.Run r = TestSites.cli("build", "--source", site.toString(), "--out", out.toString());

        String expected = TestSites.read(invalidRoot().resolve(name).resolve("expected.txt")).replace("\r\n", "\n");
        String actual = r.err().replace("\r\n", "\n").replace(out.toAbsolutePath().normalize().toString(), "<out>");
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.out().contains("\tat "),
                "no stack trace for bad input:\n" + r.err());
        assertEquals(expected, actual, "stderr of " + name);
        assertEquals(1, r.exit(), "exit code of " + name);
        assertEquals("", r.out(), "nothing on stdout when the build fails");
        Map<String, byte[]> after = TestSites.tree(out);
        assertEquals(before.keySet(), after.keySet(), "the previous output keeps exactly its files");
        for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " is unchanged");
        try (Stream<Path> s = Files.list(caseDir)) {
            assertEquals(List.of(".public.lastmile", "public", "site"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left beside the output");
        }
    }
}
