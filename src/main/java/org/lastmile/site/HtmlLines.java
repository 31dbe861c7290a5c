package org.lastmile.site;

import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * The HTML {@link BodyWriter} writes, with the line discipline of Flexmark's LineAppendable as HtmlRenderer uses it
 * (no indentation, spaces at the start of a line dropped, line ends added only where a line is open). Where Flexmark
 * would reformat the text (a line starting with a space or tab, spaces before a line break, a line break inside
 * text) it throws {@link #UNSUPPORTED}, and the document is rendered by Flexmark.
 */
final class HtmlLines {
    /** Thrown (without a stack trace) when the document needs Flexmark's own renderer after all. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();

    private final StringBuilder out;
    private boolean pre;

    HtmlLines(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** Inside pre-formatted code: text goes out as it is, line breaks and spaces included. */
    void pre(boolean on) {
        pre = on;
    }

    HtmlLines append(String s) {
        out.append(s);
        return this;
    }

    HtmlLines append(char c) {
        out.append(c);
        return this;
    }

    HtmlLines append(int i) {
        out.append(i);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') out.append('\n');
    }

    boolean atLineStart() {
        int n = out.length();
        return n == 0 || out.charAt(n - 1) == '\n';
    }

    /** Markup of our own, which never starts or ends a line with spaces. */
    void raw(String s) {
        out.append(s);
    }

    /** A line end inside a paragraph; spaces before it (which Flexmark may reformat) are left to Flexmark. */
    void eol(String s) {
        int n = out.length();
        if (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) throw UNSUPPORTED;
        out.append(s);
    }

    /** Text, escaped as Flexmark's {@code html.text}; line formatting it would change is left to Flexmark. */
    void text(CharSequence s) {
        int n = s.length();
        if (n == 0) return;
        if (pre) {
            escapeInto(s);
            return;
        }
        char first = s.charAt(0);
        if ((first == ' ' || first == '\t') && atLineStart()) throw UNSUPPORTED;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') throw UNSUPPORTED;
        }
        escapeInto(s);
    }

    /**
     * A text node: read straight from the document's string when its characters are one stretch of it (nearly
     * always), without the per-character calls of Flexmark's sequences; escapes and entities go the long way.
     */
    void text(BasedSequence chars) {
        if (!(chars instanceof SubSequence sub) || !(sub.getBase() instanceof String str)) {
            text(ContentHtml.plainText(chars));
            return;
        }
        int from = sub.getStartOffset();
        int to = sub.getEndOffset();
        if (from == to) return;
        char first = str.charAt(from);
        if (!pre && (first == ' ' || first == '\t') && atLineStart()) throw UNSUPPORTED;
        int mark = out.length();
        int run = from;
        for (int i = from; i < to; i++) {
            String entity;
            switch (str.charAt(i)) {
                case '\\', '&', '\r' -> {
                    out.setLength(mark);
                    text(ContentHtml.plainText(chars));
                    return;
                }
                case '\n' -> {
                    if (!pre) throw UNSUPPORTED;
                    continue;
                }
                case '<' -> entity = "&lt;";
                case '>' -> entity = "&gt;";
                case '"' -> entity = "&quot;";
                default -> {
                    continue;
                }
            }
            out.append(str, run, i).append(entity);
            run = i + 1;
        }
        out.append(str, run, to);
    }

    void escapeInto(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    void open(String tag, MutableAttributes attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
    }

    void attributes(MutableAttributes attrs) {
        if (attrs == null) return;
        for (Attribute a : attrs.values()) {
            if (a.isNonRendering()) continue;
            out.append(' ').append(attributeText(a.getName())).append("=\"").append(attributeText(a.getValue())).append('"');
        }
    }

    /** Flexmark's escaping of attributes (entities kept); its regular expression only when there is anything to do. */
    static String attributeText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') return Escaping.escapeHtml(s, true);
        }
        return s;
    }
}
