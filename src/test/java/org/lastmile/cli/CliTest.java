package org.lastmile.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.pipeline.TestSites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: help, version, exit codes, and what a build prints. */
class CliTest {
    @TempDir
    Path tmp;

    @Test
    void helpExitsZeroAndListsTheBuildCommand() {
        TestSites.Run r = TestSites.cli("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: lastmile"), r.out());
        assertTrue(r.out().contains("build"), "lists the build command");
        assertEquals("", r.err());
    }

    @Test
    void buildHelpListsItsOptions() {
        TestSites.Run r = TestSites.cli("build", "--help");
        assertEquals(0, r.exit());
        for (String opt : List.of("--source", "--out", "--lang", "--base-url", "--drafts")) assertTrue(r.out().contains(opt), opt);
    }

    @Test
    void versionPrintsNameAndVersion() {
        TestSites.Run r = TestSites.cli("--version");
        assertEquals(0, r.exit());
        assertEquals("lastmile 0.1.0", r.out().strip());
        TestSites.Run sub = TestSites.cli("build", "--version");
        assertEquals(0, sub.exit());
        assertEquals("lastmile 0.1.0", sub.out().strip(), "--version works on subcommands too");
    }

    @Test
    void unknownOptionIsAUsageError() {
        TestSites.Run r = TestSites.cli("build", "--frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Unknown option: '--frobnicate'"), r.err());
        assertEquals(2, TestSites.cli("--frobnicate").exit());
    }

    @Test
    void noSubcommandIsAUsageError() {
        TestSites.Run r = TestSites.cli();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("missing command: try 'lastmile build' or 'lastmile --help'"), r.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        TestSites.Run r = TestSites.cli("frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'frobnicate'"), r.err());
    }

    @Test
    void malformedLanguageOptionIsAUsageError() {
        TestSites.Run r = TestSites.cli("build", "--lang", "fr_FR", "--source", TestSites.fixture("i18n-site").toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--lang fr_FR: not a language code"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is built");
    }

    @Test
    void languageTheSiteDoesNotHaveIsReported() {
        TestSites.Run r = TestSites.cli("build", "--lang", "de", "--source", TestSites.fixture("i18n-site").toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("--lang de: the site has no such language — choose from en, fr, ru, zh"), r.err());
    }

    @Test
    void buildOfAMissingFolderIsAClearErrorWithoutStackTrace() {
        Path nowhere = tmp.resolve("no-such-site");
        TestSites.Run r = TestSites.cli("build", "--source", nowhere.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.exit());
        assertEquals(nowhere + ": this folder does not exist — pass --source with the folder of your site (the one that holds content/)",
                r.errLines().get(0));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith("build failed: 1 error"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build creates no output");
    }

    @Test
    void successfulBuildReportsPagesAndReplacesThePreviousOutput() throws java.io.IOException {
        Path out = tmp.resolve("public");
        String site = TestSites.fixture("i18n-site").toString();
        assertEquals(0, TestSites.cli("build", "--source", site, "--out", out.toString(), "--no-cache").exit());
        TestSites.write(out, "stale.html", "from an older build");
        TestSites.Run r = TestSites.cli("build", "--source", site, "--out", out.toString(), "--no-cache");  // no cache left in the fixture
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)built 58 pages and \\d+ PDFs? into " + java.util.regex.Pattern.quote(out.toString())
                + " in \\d+ ms \\(0 errors, 0 warnings\\)\\R"), r.out());
        assertEquals("", r.err());
        assertFalse(Files.exists(out.resolve("stale.html")), "files of the previous build that are gone from the site are removed");
        assertTrue(Files.isRegularFile(out.resolve("en/index.html")));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(".public.lastmile", "public"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging or old folder is left beside the output");
        }
        try (var s = Files.list(tmp.resolve(".public.lastmile"))) {
            List<String> kept = s.map(p -> p.getFileName().toString().replaceAll("-.*", "-…")).sorted().toList();
            assertEquals(List.of("LASTMILE", "lock", "site-…", "site-…"), kept, "the live version and the one before it");
        }
    }

    @Test
    void buildWithoutOutWritesPublicInTheSiteFolder() {
        Path site = TestSites.copy(TestSites.fixture("no-config-site"), tmp.resolve("site"));
        TestSites.Run r = TestSites.cli("build", "--source", site.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(site.resolve("public/en/index.html")));
    }
}
