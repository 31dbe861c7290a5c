package org.lastmile.pdf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lastmile.pdf.layout.GuideLayout;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capacity the four-page guide promises: real text of the sample guides, cut to a length and given a heading
 * every 60 words (a declaration, a charter, a Q&amp;A — the hardest case), fits four A4 pages at 9 pt or more.
 */
class CapacityTest {

    /** The sample text in {@code lang}, {@code words} long (letters for Chinese), a heading every {@code every}. */
    static String text(String lang, int words, int every) {
        String all = LongGuides.text(lang, 3);
        String front = all.substring(0, all.indexOf("\n---", 4) + 5);
        String body = all.substring(front.length()).replaceAll("(?m)^\\s*([#>|*-]|\\d+\\.|\\[\\^).*$", " ");
        StringBuilder b = new StringBuilder(front).append('\n');
        int n = 0;
        int section = 0;
        if (lang.equals("zh")) {
            String letters = body.replaceAll("\\s+", "");
            for (int i = 0; i < letters.length() && n < words; i++) {
                if (n % every == 0) b.append("\n\n## 第").append(++section).append("节\n\n");
                b.append(letters.charAt(i));
                if (Character.isLetterOrDigit(letters.charAt(i))) n++;
            }
        } else {
            for (String w : body.trim().split("\\s+")) {
                if (n >= words) break;
                if (n % every == 0) b.append("\n\n## Section ").append(++section).append("\n\n");
                b.append(w).append(' ');
                n++;
            }
        }
        return b.append('\n').toString();
    }

    @ParameterizedTest
    @CsvSource({"en,1800,9", "fr,2050,9", "es,2050,9", "ru,1700,9", "zh,3200,9",
            "en,1250,9.5", "fr,1420,9.5", "ru,1180,9.5"})
    void guideOfThisLengthFitsAtThisSize(String lang, int words, float atLeast) {
        String name = lang.equals("en") ? "guide.md" : "guide." + lang + ".md";
        GuideSpec spec = Samples.spec(Path.of("content/papers/cap").resolve(name), text(lang, words, lang.equals("zh") ? 110 : 60));
        GuideLayout.Outcome o = GuideRenderer.layout(spec, LayoutRulesTest.STYLE, Samples.fonts(), LayoutRulesTest.HYPHENATION);
        assertTrue(o.laidOut().isPresent(), () -> lang + " " + words + ": " + o.diagnostics());
        float size = o.report().get().size();
        assertTrue(size >= atLeast, lang + " " + words + " words set at " + size + " pt, below " + atLeast);
    }
}
