package org.lastmile.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Optional;

/**
 * Manual benchmark, not part of the normal suite (nothing timed is asserted): how long hyphenating 100,000 words and
 * breaking 2,000-item paragraphs take, after warm-up. Run with
 * {@code ./test.sh -Dtest=TextBenchmarkManual -Dmanual=true}.
 */
@Tag("manual")
@EnabledIfSystemProperty(named = "manual", matches = "true")
class TextBenchmarkManual {

    @Test
    void hyphenation() {
        Hyphenation h = Hyphenation.builtIn();
        long load = System.nanoTime();
        for (String lang : Hyphenation.builtInLanguages()) h.forLanguage(lang).orElseThrow();
        System.out.printf("loading all %d languages: %.1f ms%n", Hyphenation.builtInLanguages().size(), (System.nanoTime() - load) / 1e6);
        var samples = java.util.Map.of(
                "en", ParagraphBreakerTest.TEXT,
                "ru", "Работники здравоохранения в общинах часто являются первым и единственным контактом с системой здравоохранения",
                "de", "Gemeindegesundheitsarbeiter sind oft die erste und einzige Anlaufstelle für Menschen in abgelegenen Dörfern");
        samples.forEach((lang, text) -> {
            Hyphenator hy = h.forLanguage(lang).orElseThrow();
            String[] words = text.trim().split("\\s+");
            for (int round = 0; round < 5; round++) {
                long t = System.nanoTime();
                int points = 0;
                for (int i = 0; i < 100_000; i++) points += hy.points(words[i % words.length]).length;
                System.out.printf("%s: 100,000 words in %.1f ms (%d points)%n", lang, (System.nanoTime() - t) / 1e6, points);
            }
        });
    }

    @Test
    void paragraphBreaking() {
        Hyphenator en = Hyphenation.builtIn().forLanguage("en").orElseThrow();
        List<Item> items = Paragraphs.items((ParagraphBreakerTest.TEXT + " ").repeat(8), Optional.of(en)).subList(0, 2000);
        for (double width : new double[] {60, 40, 25}) {
            for (int round = 0; round < 5; round++) {
                long t = System.nanoTime();
                ParagraphBreaker.Result r = null;
                for (int i = 0; i < 200; i++) r = ParagraphBreaker.breakLines(items, l -> width, ParagraphBreaker.Options.defaults());
                System.out.printf("2,000 items at width %.0f: %.3f ms per paragraph, %d lines%n", width,
                        (System.nanoTime() - t) / 1e6 / 200, r.lines());
            }
        }
    }
}
