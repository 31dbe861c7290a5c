package org.lastmile.scaffold;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lastmile new paper|translation} on an empty site and over existing files. */
class NewCommandTest {
    @Test
    void newPaperOnAnEmptySiteBuilds(@TempDir Path site) throws Exception {
        Cli.Run r = Cli.run("new", "paper", "harm-reduction-2027", "--source", site.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("created content/papers/harm-reduction-2027/index.md\ncreated content/papers/harm-reduction-2027/guide.md\n"), r.out());
        Cli.Run b = Cli.run("build", "--source", site.toString(), "--base-url", "https://example.test");
        assertEquals(0, b.code(), b.err());
        assertTrue(Files.readString(site.resolve("public/en/papers/harm-reduction-2027/index.html")).contains("Harm reduction 2027"));
    }

    @Test
    void newPaperStartsFromTheSitesOwnStartingFile(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("templates/new"));
        Files.writeString(site.resolve("templates/new/index.md"), "---\ntitle: \"{{title}}\"\ndate: {{date}}\n---\n\nOur house style for {{slug}}.\n");
        Cli.Run r = Cli.run("new", "paper", "x-y", "--source", site.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(site.resolve("content/papers/x-y/index.md")).endsWith("Our house style for x-y.\n"));
        assertTrue(Files.readString(site.resolve("content/papers/x-y/guide.md")).contains("## Key points"), "the guide comes from the default theme");
    }

    @Test
    void newPaperRefusesToOverwrite(@TempDir Path site) {
        Cli.run("new", "paper", "x", "--source", site.toString());
        Cli.Run again = Cli.run("new", "paper", "x", "--source", site.toString());
        assertEquals(1, again.code());
        assertEquals("content/papers/x/index.md: already exists, so it was not overwritten — choose another slug, or delete the file first\n", again.err());
    }

    @Test
    void newTranslationCopiesSourceWithHash(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        Cli.Run r = Cli.run("new", "translation", "beta", "--lang", "ru", "--source", site.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("created content/papers/beta/index.ru.md\n"), r.out());
        String text = Files.readString(site.resolve("content/papers/beta/index.ru.md"));
        assertTrue(text.startsWith("---\ntitle: \"Beta\"\ntranslation_of: "), "the date is inherited, not copied: " + text);
        Cli.Run status = Cli.run("status", "--source", site.toString(), "--lang", "ru");
        assertTrue(status.out().contains("paper beta   outdated    ") || status.out().contains("paper beta   up to date  "), status.out());
        assertTrue(status.out().contains("paper beta   up to date"), "a fresh copy is up to date: " + status.out());
    }

    @Test
    void newTranslationOfANewsItemLeavesOutWhatItInherits(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        Files.createDirectories(site.resolve("content/news"));
        Files.writeString(site.resolve("content/news/launch.md"),
                "---\ntitle: \"Launch\"\ndate: 2026-01-01\npapers: [\"alpha\"]\n---\n\nText.\n");
        Cli.Run r = Cli.run("new", "translation", "launch", "--lang", "fr", "--source", site.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(site.resolve("content/news/launch.fr.md"));
        assertTrue(text.startsWith("---\ntitle: \"Launch\"\ntranslation_of: ") && !text.contains("papers:") && !text.contains("date:"), text);
        assertEquals(0, Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("out").toString()).code());
        assertTrue(Files.isRegularFile(tmp.resolve("out/fr/news/launch/index.html")));
    }

    @Test
    void newTranslationRefusesExistingFile(@TempDir Path tmp) {
        Path site = Cli.copySite("translations", tmp);
        Cli.Run r = Cli.run("new", "translation", "alpha", "--lang", "fr", "--source", site.toString());
        assertEquals(1, r.code());
        assertEquals("content/papers/alpha/index.fr.md: already exists, so it was not overwritten — edit it, or delete it first to start over from the source\n", r.err());
    }

    @Test
    void newTranslationIntoUnknownLanguage(@TempDir Path tmp) {
        Path site = Cli.copySite("translations", tmp);
        Cli.Run r = Cli.run("new", "translation", "alpha", "--lang", "de", "--source", site.toString());
        assertEquals(1, r.code());
        assertEquals("site.yaml: the site has no language 'de' — add '- code: de' to languages in site.yaml first\n", r.err());
    }

    @Test
    void markTranslatedMakesOutdatedUpToDate(@TempDir Path tmp) {
        Path site = Cli.copySite("translations", tmp);
        Cli.Run m = Cli.run("mark-translated", "--source", site.toString(), site.resolve("content/papers/alpha/index.ru.md").toString());
        assertEquals(0, m.code(), m.err());
        assertEquals("content/papers/alpha/index.ru.md: translation_of: 7be7e210\n", m.out());
        assertTrue(Cli.run("status", "--source", site.toString(), "--lang", "ru").out().contains("paper alpha  up to date"));
    }
}
