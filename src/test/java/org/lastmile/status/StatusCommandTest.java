package org.lastmile.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lastmile status} on a fixture with every translation state: up to date, outdated, unknown, missing. */
class StatusCommandTest {
    private static final String SITE = "src/test/resources/sites/translations";

    @Test
    void textShowsTheMatrixAndWhatToDo() {
        Cli.Run r = Cli.run("status", "--source", SITE);
        assertEquals(0, r.code(), r.err());
        String expected = """
                source (en)  fr          ru         \s
                paper alpha  up to date  outdated   \s
                paper beta   unknown     missing    \s
                page about   up to date  missing    \s
                """;
        assertTrue(r.out().startsWith(expected), r.out());
        assertTrue(r.out().contains("content/papers/alpha/index.ru.md: outdated — source content/papers/alpha/index.md changed since 0badc0de (now 7be7e210)"), r.out());
        assertTrue(r.out().contains("content/papers/beta/index.fr.md: unknown — no translation_of, so it cannot be compared with its source"
                + " — if it matches the source now, run: lastmile mark-translated content/papers/beta/index.fr.md"), r.out());
        assertTrue(r.out().contains("content/papers/beta/index.ru.md: missing — not translated yet — start it with: lastmile new translation beta --lang ru"), r.out());
        assertTrue(r.out().strip().endsWith("2 up to date, 1 outdated, 1 unknown, 2 missing"), r.out());
    }

    @Test
    void langFilterAndFailOnGateCi() {
        Cli.Run fr = Cli.run("status", "--source", SITE, "--lang", "fr", "--fail-on", "missing,outdated");
        assertEquals(0, fr.code(), "French has no missing or outdated cell: " + fr.out() + fr.err());
        assertTrue(fr.out().strip().endsWith("2 up to date, 0 outdated, 1 unknown, 0 missing"), fr.out());

        Cli.Run ru = Cli.run("status", "--source", SITE, "--lang", "ru", "--fail-on", "outdated");
        assertEquals(1, ru.code());
        assertEquals("status: translations are outdated (--fail-on)\n", ru.err());

        Cli.Run bad = Cli.run("status", "--source", SITE, "--fail-on", "stale");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--fail-on stale: use missing, outdated or unknown"), bad.err());
    }

    @Test
    void jsonListsEveryCell() {
        Cli.Run r = Cli.run("status", "--source", SITE, "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"summary\": {\"up-to-date\": 2, \"outdated\": 1, \"unknown\": 1, \"missing\": 2}"), r.out());
        assertTrue(r.out().contains("{\"kind\": \"paper\", \"slug\": \"alpha\", \"lang\": \"ru\", \"state\": \"outdated\", "
                + "\"file\": \"content/papers/alpha/index.ru.md\", \"source\": \"content/papers/alpha/index.md\", "
                + "\"sourceHash\": \"7be7e210\", \"translationOf\": \"0badc0de\"}"), r.out());
        assertTrue(r.out().contains("{\"kind\": \"page\", \"slug\": \"about\", \"lang\": \"ru\", \"state\": \"missing\", "
                + "\"file\": \"content/pages/about.ru.md\", \"source\": \"content/pages/about.md\", "
                + "\"sourceHash\": \"93a1e4c0\", \"translationOf\": null}"), r.out());
    }

    @Test
    void markdownIsATable() {
        Cli.Run r = Cli.run("status", "--source", SITE, "--format", "markdown");
        assertTrue(r.out().startsWith("| content | fr | ru |\n|---|---|---|\n| paper `alpha` | ✅ up to date | ⚠️ outdated |\n"), r.out());
    }

    @Test
    void outdatedNamesChangedSectionsAndDiffsFromGitHistory(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        org.junit.jupiter.api.Assumptions.assumeTrue(Git.init(site), "git is not installed");
        Cli.run("mark-translated", "--source", site.toString(), site.resolve("content/papers/alpha/index.ru.md").toString());
        Git.commitAll(site, "translated");
        Path src = site.resolve("content/papers/alpha/index.md");
        java.nio.file.Files.writeString(src, java.nio.file.Files.readString(src)
                .replace("Cost keeps people away.", "Cost and ID rules keep people away.")
                .concat("\n## Financing\n\nDonors are leaving.\n"));
        Cli.Run r = Cli.run("status", "--source", site.toString(), "--lang", "ru", "--diff");
        assertTrue(r.out().contains("content/papers/alpha/index.ru.md: outdated — source content/papers/alpha/index.md changed since "), r.out());
        assertTrue(r.out().contains("; changed: Barriers; added: Financing — update it, then run: lastmile mark-translated content/papers/alpha/index.ru.md"), r.out());
        assertTrue(r.out().contains("-Cost keeps people away.") && r.out().contains("+Cost and ID rules keep people away."), r.out());
    }

    @Test
    void withoutGitItSaysWhatItCannotShow(@TempDir Path tmp) {
        Path site = Cli.copySite("translations", tmp); // a temp folder is not inside any repository
        Cli.Run r = Cli.run("status", "--source", site.toString(), "--lang", "ru");
        assertTrue(r.out().contains("git is not available, so changed sections cannot be named"), r.out());
        assertTrue(r.out().contains("note: git history is not available here, so changed sections and --diff cannot be shown"), r.out());
    }
}
