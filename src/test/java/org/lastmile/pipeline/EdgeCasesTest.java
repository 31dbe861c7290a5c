package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs a user can plausibly give that once went wrong: each must give a clear message or the right output. */
class EdgeCasesTest {
    @TempDir
    Path tmp;

    private Path site() {
        Path s = tmp.resolve("site");
        TestSites.write(s, "site.yaml", "base_url: \"https://example.test\"\ntitle: {en: \"Site\", pt-br: \"Sítio\"}\n"
                + "languages:\n  - code: en\n  - code: pt-BR\n");
        TestSites.write(s, "content/papers/a/index.md", "---\ntitle: \"A\"\ndate: 2026-01-01\n---\n\n"
                + "[sale](../50%-off/) [q](../b/?x=1#intro) [about](/about/) [data](data/table.csv)\n\n![fig](img/fig.png)\n");
        TestSites.write(s, "content/papers/a/guide.md", "---\ntitle: \"G\"\n---\n\n[data](data/table.csv)\n");
        TestSites.write(s, "content/papers/a/guide.pt-BR.md", "---\ntitle: \"G pt\"\n---\n\n[dados](data/table.csv)\n");
        TestSites.write(s, "content/papers/a/data/table.csv", "a,b\n");
        TestSites.write(s, "content/papers/a/.DS_Store", "junk");
        try {
            Files.createDirectories(s.resolve("content/papers/a/img"));
            Files.write(s.resolve("content/papers/a/img/fig.png"), java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestSites.write(s, "content/papers/b/index.md", "---\ntitle: \"B\"\ndate: 2026-01-02\n---\n\n## Intro\n\nB.\n");
        return s;
    }

    @Test
    void outputFolderThatIsTheSiteIsRefusedAndTheSiteSurvives() {
        Path s = site();
        Cli.Run r = Cli.run("build", "--source", s.toString(), "--out", s.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("--out " + s + ": cannot build into this folder: it is the site folder or contains it"), r.err());
        assertTrue(Files.exists(s.resolve("content/papers/a/index.md")), "the site is untouched");
    }

    @Test
    void oddLinksResolveOrWarnWithoutCrashing() throws Exception {
        Path s = site();
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--source", s.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("content/papers/a/index.md:6: warning: link to '../50%-off/' goes to /en/papers/50%-off/, which does not exist"), r.err());
        assertTrue(r.err().contains("content/papers/a/index.md:6: warning: link to '/about/' goes to /about/, which does not exist"), r.err());
        String a = Files.readString(out.resolve("en/papers/a/index.html"), StandardCharsets.UTF_8);
        assertTrue(a.contains("href=\"/en/papers/b/?x=1#intro\""), "query and fragment kept");
        assertTrue(a.contains("src=\"/en/papers/a/img/fig.png\""), a);
        assertTrue(Files.exists(out.resolve("en/papers/a/img/fig.png")), "files in a paper's sub-folders are published");
        assertTrue(Files.exists(out.resolve("pt-BR/papers/a/data/table.csv")), "a guide-only language gets the paper's files");
        assertTrue(Files.readString(out.resolve("en/papers/a/guide/index.html")).contains("href=\"/en/papers/a/data/table.csv\""),
                "a file beside the paper, linked from the guide page");
        assertFalse(Files.exists(out.resolve("en/papers/a/.DS_Store")), "hidden files are not published");
        assertTrue(Files.readString(out.resolve("pt-BR/index.html")).contains("<title>Sítio"), "site.yaml keys are language codes in any case");
    }

    @Test
    void tagWithoutLettersIsAnError() {
        Path s = tmp.resolve("s2");
        TestSites.write(s, "content/papers/a/index.md", "---\ntitle: \"A\"\ndate: 2026-01-01\ntags: [\"#\"]\n---\n\nA.\n");
        Cli.Run r = Cli.run("build", "--source", s.toString(), "--out", tmp.resolve("o2").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("content/papers/a/index.md:4: front matter: tag '#' has no letters or digits, so it cannot have a page"), r.err());
    }

    @Test
    void languageCodesAreTakenInAnyCase() {
        Path s = Cli.copySite("translations", tmp);
        Cli.Run status = Cli.run("status", "--source", s.toString(), "--lang", "RU", "--fail-on", "missing");
        assertEquals(1, status.code(), "RU means ru: " + status.out());
        Cli.Run created = Cli.run("new", "translation", "pages/about", "--lang", "RU", "--source", s.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.exists(s.resolve("content/pages/about.ru.md")));
    }

    @Test
    void markTranslatedKeepsByteOrderMarkAndLineEndings() throws Exception {
        Path s = Cli.copySite("translations", tmp);
        Path fr = s.resolve("content/papers/beta/index.fr.md");
        String original = "\uFEFF" + Files.readString(fr).replace("\n", "\r\n");
        Files.writeString(fr, original);
        Cli.Run r = Cli.run("mark-translated", "--source", s.toString(), fr.toString());
        assertEquals(0, r.code(), r.err());
        String after = Files.readString(fr);
        assertTrue(after.startsWith("\uFEFF---\r\ntitle: \"Bêta\"\r\ntranslation_of: "), after);
        assertFalse(after.replace("\r\n", "").contains("\n"), "CRLF kept everywhere");
        assertTrue(Cli.run("status", "--source", s.toString(), "--lang", "fr").out().contains("paper beta   up to date"));
    }

    @Test
    void markTranslatedKeepsOldMacLineEnds() throws Exception {
        Path s = Cli.copySite("translations", tmp);
        Path fr = s.resolve("content/papers/beta/index.fr.md");
        Files.writeString(fr, Files.readString(fr).replace("\n", "\r"));
        Cli.Run r = Cli.run("mark-translated", "--source", s.toString(), fr.toString());
        assertEquals(0, r.code(), r.err());
        String after = Files.readString(fr);
        assertTrue(after.startsWith("---\rtitle: \"Bêta\"\rtranslation_of: "), after);
        assertFalse(after.contains("\n"), "CR kept everywhere");
        assertTrue(Cli.run("status", "--source", s.toString(), "--lang", "fr").out().contains("paper beta   up to date"));
    }
}
