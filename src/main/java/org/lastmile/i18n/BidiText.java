package org.lastmile.i18n;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;

/**
 * Keeps text of one direction from reordering the sentence around it. On an Arabic page a Latin name followed by a
 * number or a full stop ("CC BY-NC 4.0.") is read by the Unicode bidi algorithm as part of the Arabic around it and
 * comes out scrambled; isolated, it reads as one left-to-right unit in its place. Pure functions, no state.
 */
public final class BidiText {
    /** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: a {@code <bdi>} for plain text and attributes. */
    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    private BidiText() {
    }

    /**
     * {@code s} wrapped in FSI…PDI when it holds a strong character of the direction opposite to {@code rtlContext}
     * (Latin in right-to-left text, Arabic or Hebrew in left-to-right text); otherwise {@code s} unchanged, so
     * left-to-right sites are not touched at all.
     */
    public static String isolate(String s, boolean rtlContext) {
        if (s.isEmpty() || !hasStrong(s, rtlContext)) return s;
        return FSI + s + PDI;
    }

    /** Whether {@code s} has a strong left-to-right ({@code ltr}) or right-to-left character. */
    static boolean hasStrong(String s, boolean ltr) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int d = UCharacter.getDirection(cp);
            if (ltr ? d == UCharacterDirection.LEFT_TO_RIGHT
                    : d == UCharacterDirection.RIGHT_TO_LEFT || d == UCharacterDirection.RIGHT_TO_LEFT_ARABIC) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Whether {@code s} has a strong right-to-left character (Arabic, Hebrew…). */
    public static boolean hasRtl(String s) {
        return hasStrong(s, false);
    }

    /**
     * Rendered HTML of a right-to-left page with each run of left-to-right text in its text nodes wrapped in
     * {@code <bdi>}: a run starts at a strong left-to-right character and takes in the digits, spaces and punctuation
     * up to its last strong character or digit ("WHO", "CC BY-NC 4.0", "https://example.org/x"). A link's text is a node
     * of its own, and {@code <a>} does not isolate, so URLs are wrapped too. Code, preformatted text and what is
     * already isolated are left alone.
     */
    public static String isolateLtrRuns(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        int skipDepth = 0;
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    out.append(html, i, n);
                    break;
                }
                String tag = html.substring(i, end + 1);
                String name = tagName(tag);
                if (name.equals("code") || name.equals("pre") || name.equals("bdi") || name.equals("script") || name.equals("style")) {
                    skipDepth += tag.startsWith("</") ? -1 : 1;
                    if (skipDepth < 0) skipDepth = 0;
                }
                out.append(tag);
                i = end + 1;
                continue;
            }
            int next = html.indexOf('<', i);
            if (next < 0) next = n;
            String text = html.substring(i, next);
            out.append(skipDepth > 0 ? text : isolateText(text));
            i = next;
        }
        return out.toString();
    }

    private static String tagName(String tag) {
        int s = tag.startsWith("</") ? 2 : 1;
        int e = s;
        while (e < tag.length() && Character.isLetterOrDigit(tag.charAt(e))) e++;
        return tag.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    }

    /** One text node (entities included as they are): its left-to-right runs in {@code <bdi>}. */
    private static String isolateText(String text) {
        if (!hasStrong(text, true)) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (UCharacter.getDirection(cp) != UCharacterDirection.LEFT_TO_RIGHT || inEntity(text, i)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            // A run: extend over everything but right-to-left letters, then give back trailing neutrals (spaces,
            // a closing full stop), which belong to the sentence around it.
            int j = i;
            int lastStrong = i + Character.charCount(cp);
            while (j < n) {
                int c = text.codePointAt(j);
                int d = UCharacter.getDirection(c);
                if (d == UCharacterDirection.RIGHT_TO_LEFT || d == UCharacterDirection.RIGHT_TO_LEFT_ARABIC
                        || d == UCharacterDirection.ARABIC_NUMBER || c == '\n') break;
                if (c == '&') {
                    int semi = text.indexOf(';', j);
                    if (semi > j && semi - j <= 10) {
                        j = semi + 1;
                        continue;
                    }
                }
                j += Character.charCount(c);
                if (d == UCharacterDirection.LEFT_TO_RIGHT || d == UCharacterDirection.EUROPEAN_NUMBER) lastStrong = j;
            }
            out.append("<bdi>").append(text, i, lastStrong).append("</bdi>");
            i = lastStrong;
        }
        return out.toString();
    }

    /** Whether position {@code i} is inside an entity such as {@code &amp;} (whose letters are not text). */
    private static boolean inEntity(String text, int i) {
        int amp = text.lastIndexOf('&', i);
        if (amp < 0) return false;
        int semi = text.indexOf(';', amp);
        return semi >= i && semi - amp <= 10 && text.substring(amp + 1, semi).matches("#?[A-Za-z0-9]+");
    }
}
