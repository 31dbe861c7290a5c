package org.lastmile.text;

/**
 * Escaping text for XML and HTML. It lives in this low layer so that the PDF metadata (pdf/) and the site's pages and
 * feeds (site/) — packages of the same layer, which may not use each other — can share one escaper.
 */
public final class Xml {
    private Xml() {
    }

    /**
     * {@code & < > "} as entities, which is safe both in element text and in double-quoted attributes; the string
     * itself when none occurs (most texts), so that nothing is copied.
     */
    public static String escape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') break;
            i++;
        }
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
