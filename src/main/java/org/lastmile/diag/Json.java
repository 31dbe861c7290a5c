package org.lastmile.diag;

import java.util.List;

/** The little JSON that {@code status} and {@code check --format json} need: strings and lists of strings, escaped per RFC 8259. */
public final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string. */
    public static String str(String s) {
        return str(s, false);
    }

    /**
     * {@code s} as a JSON string that is also safe inside an HTML script element: no {@code </} or {@code <!--}, no
     * {@code &}, and no U+2028/U+2029 (line ends to older JavaScript parsers); control characters as six-character escapes.
     */
    public static String scriptSafe(String s) {
        return str(s, true);
    }

    private static String str(String s, boolean script) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append(script ? "\\u000a" : "\\n");
                case '\r' -> sb.append(script ? "\\u000d" : "\\r");
                case '\t' -> sb.append(script ? "\\u0009" : "\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> {
                    if (script) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    public static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ", ").append(str(items.get(i)));
        return sb.append(']').toString();
    }
}
