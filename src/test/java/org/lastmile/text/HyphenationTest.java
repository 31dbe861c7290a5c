package org.lastmile.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pattern sets a site brings for a language lastmile does not ship, and what a mistake in one reports. */
class HyphenationTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aSitePatternFileAddsALanguage() throws IOException {
        // Swahili syllables are open: break before a consonant (a toy set, enough to test), plus one exception.
        Path sw = file("sw.pat.txt", """
                % Swahili, made up for this test
                1b 1k 1l 1m 1t 1w 1y
                kit-abu
                """);
        Hyphenation h = Hyphenation.builtIn().withPatterns("sw", sw);
        Hyphenator swahili = h.forLanguage("sw-KE").orElseThrow();
        assertEquals("wa-limu", HyphenatorTest.shown(swahili, "walimu"), "wali-mu would leave 2 letters");
        assertEquals("Wa-limu", HyphenatorTest.shown(swahili, "Walimu"));
        assertEquals("kit-abu", HyphenatorTest.shown(swahili, "kitabu"), "the exception, not the patterns' ki-tabu");
        assertTrue(Hyphenation.builtIn().forLanguage("sw").isEmpty(), "the built-in set is unchanged");
        assertEquals("hy-phen-ation", HyphenatorTest.shown(h.forLanguage("en").orElseThrow(), "hyphenation"));
    }

    @Test
    void aSitePatternFileReplacesTheVendoredSetOfItsLanguage() throws IOException {
        Path fr = file("fr.pat.txt", "1v\n");
        Hyphenator own = Hyphenation.builtIn().withPatterns("fr", fr).forLanguage("fr-CA").orElseThrow();
        assertEquals("dé-veloppement", HyphenatorTest.shown(own, "développement"), "only the site's 1v applies");
    }

    @Test
    void mistakesInAPatternFileAreReportedWithTheirLine() throws IOException {
        Path bad = file("xx.pat.txt", """
                % comment
                1b 1k
                a12b
                a.b1c
                ok1a hy/3ph
                """);
        List<Diagnostic> problems = new ArrayList<>();
        Hyphenation base = Hyphenation.builtIn();
        Hyphenation same = base.withPatterns("sw", bad, Path.of("hyphenation/xx.pat.txt"), problems);
        assertSame(base, same, "nothing is added from a broken file");
        String hint = " — write one Liang pattern per line (letters with digits between them, such as hy3ph or .ach4) "
                + "or an exception word with its hyphens (hy-phen-ation), as in hyph-utf8's .pat.txt files";
        assertEquals(List.of(
                "hyphenation/xx.pat.txt:3: 'a12b' has two digits in a row: it is not a hyphenation pattern" + hint,
                "hyphenation/xx.pat.txt:4: 'a.b1c' has a '.' inside: a dot marks only the start or end of a word" + hint,
                "hyphenation/xx.pat.txt:5: 'hy/3ph' contains '/', which is not a letter: it is not a hyphenation pattern" + hint),
                problems.stream().map(Diagnostic::format).toList());
    }

    @Test
    void aMissingEmptyOrNonUtf8FileIsReported() throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        Hyphenation h = Hyphenation.builtIn();
        h.withPatterns("sw", dir.resolve("nope.pat.txt"), Path.of("nope.pat.txt"), problems);
        h.withPatterns("sw", file("empty.pat.txt", "% nothing but a comment\n"), Path.of("empty.pat.txt"), problems);
        Path latin1 = dir.resolve("latin1.pat.txt");
        Files.write(latin1, "1b\n\u00e91\n".getBytes(StandardCharsets.ISO_8859_1));
        h.withPatterns("sw", latin1, Path.of("latin1.pat.txt"), problems);
        assertEquals(List.of(
                "nope.pat.txt: cannot read the hyphenation patterns for 'sw' — check that the file exists and can be read",
                "empty.pat.txt: the hyphenation pattern file for 'sw' has no patterns — use a plain pattern list such as hyph-utf8's hyph-sw.pat.txt",
                "latin1.pat.txt: hyphenation patterns for 'sw' are not UTF-8 text — save the file as UTF-8, like hyph-utf8's .pat.txt files"),
                problems.stream().map(Diagnostic::format).toList());
    }

    @Test
    void theTwoArgumentFormThrowsTheProblems() {
        LastmileException e = assertThrows(LastmileException.class,
                () -> Hyphenation.builtIn().withPatterns("sw", dir.resolve("missing.pat.txt")));
        assertEquals(1, e.diagnostics().size());
        assertTrue(e.diagnostics().get(0).message().startsWith("cannot read the hyphenation patterns"));
    }

    @Test
    void everyVendoredLanguageLoadsWithItsLicenceBesideIt() throws IOException {
        Hyphenation h = Hyphenation.builtIn();
        assertEquals(java.util.Set.of("de", "en", "es", "fr", "it", "pt", "ru"), Hyphenation.builtInLanguages());
        for (String lang : Hyphenation.builtInLanguages()) {
            Hyphenator x = h.forLanguage(lang).orElseThrow();
            assertTrue(x.leftMin() >= 2 && x.rightMin() >= 3, lang);
        }
        Path res = Path.of("src/main/resources/lastmile/hyphenation");
        try (var files = Files.list(res)) {
            for (Path pat : files.filter(f -> f.toString().endsWith(".pat.txt")).toList()) {
                String base = pat.getFileName().toString().replace(".pat.txt", "");
                Path lic = res.resolve(base + ".lic.txt");
                assertTrue(Files.isRegularFile(lic), "licence beside " + pat);
                assertTrue(Files.readString(lic).contains("% licence:"), lic + " holds the licence block");
            }
        }
        String readme = Files.readString(res.resolve("README.md"));
        for (String lang : Hyphenation.builtInLanguages()) assertTrue(readme.contains("| " + lang + " "), "README row for " + lang);
    }

    @Test
    void softHyphenPositionsIgnoreTheSoftHyphens() {
        Hyphenator en = Hyphenation.builtIn().forLanguage("en").orElseThrow();
        String word = "com\u00ADmu\u00ADni\u00ADty";
        int[] points = en.points(word);
        assertArrayEquals(new int[] {3, 5, 7}, points);
        String plain = word.replace("\u00AD", "");
        assertEquals("com-mu-ni-ty", plain.substring(0, 3) + "-" + plain.substring(3, 5) + "-" + plain.substring(5, 7) + "-" + plain.substring(7));
    }
}
