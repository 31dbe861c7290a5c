package org.lastmile.content;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns display text into URL and anchor ids that keep every script readable: "Key points" → key-points,
 * "Основные положения" → основные-положения, "主要观点" → 主要观点. Letters, marks and digits of any script stay;
 * everything else becomes a single hyphen.
 */
public final class Slugs {
    private Slugs() {
    }

    private static final java.util.regex.Pattern USABLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

    /** Whether a folder or file name can be used as it is in a URL: letters and digits of any script, - and _. */
    public static boolean isUsable(String slug) {
        return USABLE.matcher(slug).matches();
    }

    public static String slug(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean keep = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || cp == '_';
            if (keep) {
                if (hyphen && !out.isEmpty()) out.append('-');
                hyphen = false;
                out.appendCodePoint(cp);
            } else {
                hyphen = true;
            }
        }
        return out.toString();
    }
}
