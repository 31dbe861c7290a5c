package org.lastmile.pdf.layout;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Where lines may break in one language's text: UAX #14 as tailored by ICU for the language (strict rules for
 * Japanese), plus lastmile's typographic rules on top. Built once per document by its {@link Shaper}; holds an ICU
 * iterator, so not thread-safe.
 */
final class LineBreaks {
    /**
     * Characters that never start a line of Japanese (JIS X 4051 §6.1.2, "gyōtō kinsoku"): small kana and the
     * prolonged sound mark, on top of the closing punctuation UAX #14 already keeps from a line's start.
     */
    static final String NO_LINE_START_JA = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーｧｨｩｪｫｯｬｭｮｰ";

    private final BreakIterator iterator;
    private final boolean japanese;

    LineBreaks(ULocale locale) {
        this.japanese = locale.getLanguage().equals("ja");
        // Japanese: ICU's "normal" line breaking lets small kana and ー start a line; JIS X 4051 (and ICU's strict
        // rules, which Chinese gets by default) do not.
        this.iterator = BreakIterator.getLineInstance(japanese && locale.getKeywordValue("lb") == null
                ? locale.setKeywordValue("lb", "strict") : locale);
    }

    /**
     * {@code b[i]} is true when a line may start at index {@code i} of {@code text}: UAX #14 for the language, with
     * short hyphenated words kept whole ("из-за", "e-mail"), spaced dashes kept at the end of a line, one-letter
     * Cyrillic words kept with the next word, and no break inside a surrogate pair.
     */
    boolean[] opportunities(String text) {
        int end = text.length();
        boolean[] b = new boolean[end + 1];
        iterator.setText(text);
        for (int p = iterator.first(); p != BreakIterator.DONE; p = iterator.next()) {
            if (p > 0 && p < end) b[p] = true;
        }
        for (int i = 1; i < end; i++) {
            if (!b[i]) continue;
            char h = text.charAt(i - 1);
            if (h != '-' && h != '\u2010') continue;
            int before = 0;
            for (int k = i - 2; k >= 0 && Character.isLetter(text.charAt(k)); k--) before++;
            int after = 0;
            for (int k = i; k < end && Character.isLetter(text.charAt(k)); k++) after++;
            if (before < 3 || after < 3) b[i] = false;
        }
        for (int i = 1; i < end; i++) {
            char c = text.charAt(i);
            if ((c == '\u2014' || c == '\u2013') && Character.isWhitespace(text.charAt(i - 1))) b[i] = false;
        }
        for (int i = 2; i < end; i++) {
            if (!b[i] || text.charAt(i - 1) != ' ') continue;
            char letter = text.charAt(i - 2);
            boolean alone = i - 3 < 0 || !Character.isLetter(text.charAt(i - 3));
            if (alone && Character.isLetter(letter)
                    && Character.UnicodeBlock.of(letter) == Character.UnicodeBlock.CYRILLIC) {
                b[i] = false;
            }
        }
        for (int i = 1; i < end; i++) {
            if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) b[i] = false;
            if (japanese && NO_LINE_START_JA.indexOf(text.charAt(i)) >= 0) b[i] = false;
        }
        return b;
    }
}
