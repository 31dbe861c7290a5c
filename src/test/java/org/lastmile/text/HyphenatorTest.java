package org.lastmile.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where words break in each vendored language, and the words that must not break at all. */
class HyphenatorTest {
    static final Hyphenation BUILT_IN = Hyphenation.builtIn();

    static Hyphenator lang(String code) {
        return BUILT_IN.forLanguage(code).orElseThrow();
    }

    /** The word with "-" at each break ("|" after a hyphen the word already has), as a reader would see it. */
    static String shown(Hyphenator h, String word) {
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (int i : h.points(word)) {
            sb.append(word, last, i).append(word.charAt(i - 1) == '-' ? "|" : "-");
            last = i;
        }
        return sb.append(word.substring(last)).toString();
    }

    @ParameterizedTest
    @CsvSource({
            "en, hyphenation, hy-phen-ation",
            "en, community, com-mu-nity",
            "en, information, in-for-ma-tion",
            "en, associate, as-so-ciate",           // from the exception list, not the patterns
            "en, project, project",                 // an exception that is never broken
            "fr, développement, dé-ve-lop-pe-ment",
            "fr, communautaire, com-mu-nau-taire",
            "es, desarrollo, de-sa-rro-llo",
            "es, información, in-for-ma-ción",
            "ru, информация, ин-фор-ма-ция",
            "ru, сообщество, со-об-ще-ство",
            "de, Gesundheitsversorgung, Ge-sund-heits-ver-sor-gung",
            "de, Donaudampfschifffahrt, Do-nau-dampf-schiff-fahrt",
            "pt, desenvolvimento, de-sen-vol-vi-mento",
            "pt, informação, in-for-ma-ção",
            "it, sviluppo, svi-luppo",
            "it, politica, po-li-tica",
    })
    void knownHyphenations(String lang, String word, String expected) {
        assertEquals(expected, shown(lang(lang), word));
    }

    @Test
    void regionalTagsUseTheirLanguagesPatterns() {
        assertEquals("hy-phen-ation", shown(BUILT_IN.forLanguage("en-GB").orElseThrow(), "hyphenation"));
        assertEquals("co-mu-ni-dade", shown(BUILT_IN.forLanguage("pt-BR").orElseThrow(), "comunidade"));
        assertEquals("dé-ve-lop-pe-ment", shown(BUILT_IN.forLanguage("fr-CA").orElseThrow(), "développement"));
        assertEquals("Ge-sund-heit", shown(BUILT_IN.forLanguage("de-CH").orElseThrow(), "Gesundheit"));
        assertTrue(BUILT_IN.forLanguage("zh").isEmpty(), "Chinese is not hyphenated");
        assertTrue(BUILT_IN.forLanguage("sw").isEmpty());
        assertTrue(BUILT_IN.forLanguage("").isEmpty());
    }

    @Test
    void atLeastTwoLettersBeforeAndThreeAfterEveryBreak() {
        // The patterns alone would give раз-ви-ти-е, so-cié-té, E-be-ne and з-до-ро-вье (TeX's minima are 2/2 or 1/2).
        assertEquals("раз-ви-тие", shown(lang("ru"), "развитие"));
        assertEquals("здо-ро-вье", shown(lang("ru"), "здоровье"));
        assertEquals("so-ciété", shown(lang("fr"), "société"));
        assertEquals("Ebene", shown(lang("de"), "Ebene"));
        assertEquals("sa-lute", shown(lang("it"), "salute"));
        Map<String, String> text = Map.of(
                "en", "every available organisation recognises responsibilities internationally",
                "fr", "organisation réutilisable épanouissement reconnaissance indépendamment",
                "ru", "организация здравоохранение ответственность население развитие",
                "de", "Bundesverfassungsgericht Arbeitnehmerinnen Ebene Gemeinde",
                "es", "responsabilidad organizaciones fenómeno comunidades",
                "pt", "responsabilidade organizações comunidade saúde",
                "it", "responsabilità organizzazione comunità salute");
        text.forEach((code, words) -> {
            Hyphenator h = lang(code);
            for (String w : words.split(" ")) {
                int[] points = h.points(w);
                assertTrue(points.length > 0 || w.length() < 6, code + " " + w + " has breaks");
                for (int p : points) {
                    assertTrue(p >= 2 && w.length() - p >= 3, code + " " + shown(h, w));
                }
            }
        });
    }

    @Test
    void wordsThatMustNotBreak() {
        Hyphenator en = lang("en");
        for (String w : List.of("UNESCO", "HYPHENATION", "COVID-19", "covid19", "2026", "A4-sized", "x86",
                "https://example.org/information", "www.information.org", "info@community.example.org",
                "example.org", "and/or", "e-mail", "hyphen_ation", "it", "")) {
            assertArrayEquals(new int[0], en.points(w), w);
        }
        assertEquals("Hy-phen-ation", shown(en, "Hyphenation"), "a capital initial is still hyphenated");
        assertEquals("Mc-Don-ald", shown(en, "McDonald"), "so is mixed case, case-insensitively");
    }

    @Test
    void punctuationAroundTheWordCountsInPositionsButNotInMinima() {
        Hyphenator en = lang("en");
        assertEquals("“ty-pog-ra-phy,”", shown(en, "“typography,”"));
        assertEquals("(in-for-ma-tion).", shown(en, "(information)."));
        assertArrayEquals(new int[] {3, 6, 8}, en.points("«information»"));
    }

    @Test
    void apostrophesSplitTheWordAndAreNeverABreak() {
        assertEquals("l’hô-pi-tal", shown(lang("fr"), "l’hôpital"));
        assertEquals("l'hô-pi-tal", shown(lang("fr"), "l'hôpital"));
        assertEquals("qu’au-jourd’hui", shown(lang("fr"), "qu’aujourd’hui"));
        assertEquals("dell’in-for-ma-zione", shown(lang("it"), "dell’informazione"));
        assertEquals("chil-dren's", shown(lang("en"), "children's"));
    }

    @Test
    void compoundsBreakAtTheirHyphenAndWithinParts() {
        assertEquals("well-|be-ing", shown(lang("en"), "well-being"));
        assertEquals("state-|of-|the-|art", shown(lang("en"), "state-of-the-art"));
        assertEquals("кто-|ни-будь", shown(lang("ru"), "кто-нибудь"));
        assertEquals("e-mail", shown(lang("en"), "e-mail"), "one letter before the hyphen is too few");
        assertEquals("anti-|war", shown(lang("en"), "anti-war"), "three letters after it are enough");
        assertEquals("co-op", shown(lang("en"), "co-op"), "but not two");
        assertArrayEquals(new int[0], lang("en").points("self\u2011aware"), "a non-breaking hyphen is no break");
    }

    @Test
    void softHyphensAreTheOnlyBreaksOfAWordThatHasThem() {
        Hyphenator en = lang("en");
        // Positions count in the word without its soft hyphens: "information" breaks after "in", "infor", "informa".
        assertArrayEquals(new int[] {2, 5, 7}, en.points("in\u00ADfor\u00ADma\u00ADtion"));
        assertArrayEquals(new int[] {6}, en.points("hyphen\u00ADation"), "the patterns' hy- is not offered");
        assertArrayEquals(new int[] {3}, en.points("UNE\u00ADSCO"), "the author may break what the patterns would not");
        assertArrayEquals(new int[0], en.points("\u00ADword\u00AD,"), "not before the first letter nor after the last");
        assertArrayEquals(new int[] {1}, lang("de").points("a\u00ADb"), "nor do minima apply: the author chose");
    }

    @Test
    void decomposedAccentsStayWithTheirLetter() {
        Hyphenator fr = lang("fr");
        String decomposed = "de\u0301veloppement";
        int[] points = fr.points(decomposed);
        assertTrue(points.length > 0);
        for (int p : points) {
            assertTrue(decomposed.charAt(p) != '\u0301', "no break between e and its accent: " + shown(fr, decomposed));
        }
    }

    @Test
    void oneInstanceServesParallelThreads() {
        Hyphenation shared = Hyphenation.builtIn();
        List<String> words = List.of("en:hyphenation", "fr:développement", "ru:информация", "de:Gesundheitsversorgung",
                "es:desarrollo", "pt:informação", "it:sviluppo");
        Map<String, String> expected = new java.util.HashMap<>();
        for (String w : words) {
            String[] p = w.split(":");
            expected.put(w, shown(lang(p[0]), p[1]));
        }
        java.util.stream.IntStream.range(0, 2_000).parallel().forEach(i -> {
            String w = words.get(i % words.size());
            String[] p = w.split(":");
            assertEquals(expected.get(w), shown(shared.forLanguage(p[0]).orElseThrow(), p[1]));
        });
        assertTrue(shared.forLanguage("en").orElseThrow() == shared.forLanguage("en-US").orElseThrow(),
                "a language is loaded once per instance");
    }
}
