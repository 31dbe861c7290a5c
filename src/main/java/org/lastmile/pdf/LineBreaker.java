package org.lastmile.pdf;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

import java.util.Arrays;

/**
 * Line-break opportunities by UAX #14 as tailored by ICU for a language, given to OpenPDF as the
 * {@link SplitCharacter} of every chunk. In Chinese this forbids lines that start with ，。、）：；！？” and lines that
 * end with （“, keeps Latin words whole and allows breaks between ideographs.
 *
 * <p>OpenPDF asks "may the line break after {@code cc[current]}?" while it fills a line, passing the whole paragraph
 * ({@code cc[0..end)}), across chunk boundaries when text goes through ColumnText or table cells. ColumnText reuses its
 * character buffer, so break positions are cached by content (a copy of the text), never by array identity.
 *
 * <p>Not thread-safe (it caches); make one per document.
 */
final class LineBreaker implements SplitCharacter {
    private final BreakIterator iterator;
    private char[] cachedText = new char[0];
    private int cachedLength = -1;
    private boolean[] breakBefore = new boolean[1];

    LineBreaker(ULocale locale) {
        this.iterator = BreakIterator.getLineInstance(locale);
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        int next = current + 1;
        if (next < end && Character.isHighSurrogate(cc[current]) && Character.isLowSurrogate(cc[next])) next++;
        if (next >= end) return true;
        ensure(cc, end);
        return breakBefore[next];
    }

    /** Whether a line may start at {@code index} of {@code text} (for tests and measuring). */
    boolean canBreakBefore(String text, int index) {
        char[] cc = text.toCharArray();
        ensure(cc, cc.length);
        return index > 0 && index < cc.length && breakBefore[index];
    }

    private void ensure(char[] cc, int end) {
        if (end == cachedLength && Arrays.equals(cachedText, 0, end, cc, 0, end)) return;
        if (cachedText.length < end) cachedText = new char[Math.max(end, cachedText.length * 2)];
        System.arraycopy(cc, 0, cachedText, 0, end);
        cachedLength = end;
        boolean[] b = new boolean[end + 1];
        iterator.setText(new String(cc, 0, end));
        for (int p = iterator.first(); p != BreakIterator.DONE; p = iterator.next()) {
            if (p > 0 && p < end) {
                b[p] = true;
            }
        }
        // Keep short hyphenated words whole ("из-за", "e-mail"): no break after a hyphen with fewer than three
        // letters on either side of it.
        for (int i = 1; i < end; i++) {
            if (!b[i]) continue;
            char h = cc[i - 1];
            if (h != '-' && h != '\u2010') continue;
            int before = 0;
            for (int k = i - 2; k >= 0 && Character.isLetter(cc[k]); k--) before++;
            int after = 0;
            for (int k = i; k < end && Character.isLetter(cc[k]); k++) after++;
            if (before < 3 || after < 3) b[i] = false;
        }
        // A spaced dash stays at the end of the line, never starts the next one ("миля — в", "word – word").
        for (int i = 1; i < end; i++) {
            if ((cc[i] == '\u2014' || cc[i] == '\u2013') && Character.isWhitespace(cc[i - 1])) b[i] = false;
        }
        // Russian (and other Cyrillic) typesetting keeps one-letter words with the next word ("с гражданством",
        // "в клинику"): no break after a lone Cyrillic letter.
        for (int i = 2; i < end; i++) {
            if (!b[i] || cc[i - 1] != ' ') continue;
            char letter = cc[i - 2];
            boolean alone = i - 3 < 0 || !Character.isLetter(cc[i - 3]);
            if (alone && Character.UnicodeBlock.of(letter) == Character.UnicodeBlock.CYRILLIC
                    && Character.isLetter(letter)) {
                b[i] = false;
            }
        }
        // Never break inside a surrogate pair.
        for (int i = 1; i < end; i++) {
            if (Character.isLowSurrogate(cc[i]) && Character.isHighSurrogate(cc[i - 1])) b[i] = false;
        }
        breakBefore = b;
    }
}
