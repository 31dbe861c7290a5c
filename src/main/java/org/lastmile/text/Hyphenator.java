package org.lastmile.text;

import java.util.Arrays;
import java.util.Map;

/**
 * Immutable, thread-safe hyphenation patterns of one language (Liang's algorithm, as in TeX), with the language's
 * minimum number of letters before and after a break.
 *
 * <p>{@link #points} works on a word as it stands in running text, and errs on the side of not hyphenating:
 * <ul>
 *   <li>Leading and trailing punctuation ({@code “word,”}) is not part of the word; positions still count it.</li>
 *   <li>Case does not matter ({@code Hyphenation} and {@code hyphenation} break alike), but a word in capitals only
 *       ({@code UNESCO}) is never hyphenated, nor is one with a digit, an {@code @}, {@code ://}, {@code www.}, or
 *       any other character that is not a letter, a combining mark, an apostrophe or a hyphen (so {@code and/or},
 *       {@code e.g.} and domain names stay whole).</li>
 *   <li>Apostrophes split a word into parts that are hyphenated on their own and never broken at the apostrophe:
 *       in {@code l’hôpital} only {@code hôpital} is hyphenated ({@code l’hô-pi-tal}), in {@code children's} only
 *       {@code children}.</li>
 *   <li>A hyphenated compound ({@code well-being}) may break after its own hyphen, and within each part. At such
 *       a position {@code word.charAt(i - 1)} is the hyphen itself: the caller adds no second hyphen there.</li>
 *   <li>A word with a soft hyphen (U+00AD) breaks only at its soft hyphens, whatever else it holds: the author
 *       chose the places. Positions are then indices into the word <em>with every soft hyphen removed</em>
 *       ({@code "hy\u00ADphen\u00ADation"} gives {@code [2, 6]}, positions in {@code "hyphenation"}), and the
 *       caller prints the word without them.</li>
 * </ul>
 * A part shorter than {@code leftMin + rightMin} letters is not hyphenated; every break leaves at least
 * {@code leftMin} letters of the part before it and {@code rightMin} after it.
 */
public final class Hyphenator {
    private static final int[] NONE = new int[0];
    private static final char SOFT_HYPHEN = '\u00AD';
    /** Stands for a character no pattern can hold (outside the BMP), so no pattern matches across it. */
    private static final char NO_KEY = '\uFFFF';

    private final String language;
    private final PatternTrie trie;
    private final Map<String, int[]> exceptions;
    private final int leftMin;
    private final int rightMin;

    Hyphenator(String language, PatternTrie trie, Map<String, int[]> exceptions, int leftMin, int rightMin) {
        this.language = language;
        this.trie = trie;
        this.exceptions = exceptions;
        this.leftMin = leftMin;
        this.rightMin = rightMin;
    }

    /** The language tag these patterns were chosen for ({@code en}, {@code pt}, or the site's own code). */
    public String language() {
        return language;
    }

    /** The fewest letters left before a break. */
    public int leftMin() {
        return leftMin;
    }

    /** The fewest letters carried over after a break. */
    public int rightMin() {
        return rightMin;
    }

    /**
     * Positions i (1..word.length()-1), ascending, where the word may break as word[0,i) + "-" / word[i,...). Empty
     * when the word must not be hyphenated. See the class comment for punctuation, apostrophes, compounds and soft
     * hyphens (whose positions count in the word without its soft hyphens).
     */
    public int[] points(String word) {
        if (word == null || word.length() < 2) return NONE;
        if (word.indexOf(SOFT_HYPHEN) >= 0) return softHyphenPoints(word);
        if (word.indexOf('@') >= 0 || word.contains("://") || word.regionMatches(true, 0, "www.", 0, 4)) return NONE;

        int start = -1;
        int end = -1;
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isDigit(cp)) return NONE;
            if (Character.isLetter(cp)) {
                if (start < 0) start = i;
                end = i + Character.charCount(cp);
                lower |= Character.isLowerCase(cp);
                upper |= Character.isUpperCase(cp) || Character.isTitleCase(cp);
            } else if (PatternParser.isMark(cp) && start >= 0) {
                end = i + Character.charCount(cp);
            }
            i += Character.charCount(cp);
        }
        if (start < 0 || (upper && !lower)) return NONE;

        // Units: one letter with its combining marks. starts[u] is where unit u begins in the word.
        int[] starts = new int[end - start + 1];
        char[] keys = new char[end - start];
        int units = 0;
        int[] out = new int[end - start];
        int found = 0;
        int partStart = 0;
        // Breaks after the word's own hyphens, with the letters before each; rightMin is known only at the end.
        int[] hyphenAt = new int[end - start];
        int[] hyphenLetters = new int[end - start];
        int hyphens = 0;
        for (int i = start; i < end; ) {
            int cp = word.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetter(cp)) {
                starts[units] = i;
                keys[units] = len == 1 ? Character.toLowerCase((char) cp) : NO_KEY;
                units++;
            } else if (PatternParser.isMark(cp)) {
                // Belongs to the letter before it; a break never separates them.
            } else if (isHyphen(cp) || isApostrophe(cp) || cp == '\u2011') {
                found = part(keys, starts, partStart, units, out, found);
                partStart = units;
                if (isHyphen(cp) && units >= leftMin && Character.isLetter(word.codePointAt(i + len))) {
                    hyphenAt[hyphens] = i + len;
                    hyphenLetters[hyphens++] = units;
                }
            } else {
                return NONE;
            }
            i += len;
        }
        found = part(keys, starts, partStart, units, out, found);
        for (int h = 0; h < hyphens; h++) {
            if (units - hyphenLetters[h] >= rightMin) out[found++] = hyphenAt[h];
        }
        if (found == 0) return NONE;
        int[] result = Arrays.copyOf(out, found);
        Arrays.sort(result);
        return result;
    }

    /** Adds the pattern breaks of units [from, to) of the word to {@code out}; returns the new count. */
    private int part(char[] keys, int[] starts, int from, int to, int[] out, int found) {
        int n = to - from;
        if (n < leftMin + rightMin) return found;
        int[] exception = exceptions.isEmpty() ? null : exceptions.get(new String(keys, from, n));
        if (exception != null) {
            for (int p : exception) {
                if (p >= leftMin && n - p >= rightMin) out[found++] = starts[from + p];
            }
            return found;
        }
        char[] w = new char[n + 2];
        w[0] = '.';
        System.arraycopy(keys, from, w, 1, n);
        w[n + 1] = '.';
        int[] values = trie.apply(w);
        // values[p + 1] stands between the p-th and (p+1)-th letter (w has the leading '.').
        for (int p = leftMin; p <= n - rightMin; p++) {
            if ((values[p + 1] & 1) == 1) out[found++] = starts[from + p];
        }
        return found;
    }

    private static int[] softHyphenPoints(String word) {
        int[] out = new int[word.length()];
        int found = 0;
        int kept = 0;
        int firstLetter = -1;
        int lastLetterEnd = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == SOFT_HYPHEN) {
                if (found == 0 || out[found - 1] != kept) out[found++] = kept;
                continue;
            }
            if (Character.isLetter(c) || Character.isLowSurrogate(c) || PatternParser.isMark(c)) {
                if (firstLetter < 0) firstLetter = kept;
                lastLetterEnd = kept + 1;
            }
            kept++;
        }
        // A soft hyphen before the first letter or after the last one ("word\u00AD,") is no place to break.
        int f = firstLetter;
        int l = lastLetterEnd;
        return Arrays.stream(out, 0, found).filter(p -> f >= 0 && p > f && p < l).toArray();
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || cp == '\u2010';
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC';
    }
}
