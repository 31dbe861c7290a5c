package org.lastmile.pdf.layout;

import java.util.Locale;

/** Which link targets may be live in a PDF: web, mail and phone, and nothing that runs code or reads files. */
public final class Links {
    private Links() {
    }

    /**
     * Whether {@code url} may become a live link: http, https, mailto and tel, or a relative reference. Control
     * characters and white space are removed before the scheme is read, as browsers and PDF readers do, so
     * {@code "java\tscript:"} is seen for what it is.
     */
    public static boolean isSafe(String url) {
        if (url == null) return false;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7F) b.append(c);
        }
        String u = b.toString().toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        if (colon < 0) return !u.isEmpty();
        int cut = indexOfAny(u, "/?#");
        if (cut >= 0 && cut < colon) return true; // a relative path whose later part holds a colon
        String scheme = u.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") || scheme.equals("tel");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
