package org.lastmile.site;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.lastmile.diag.Diagnostic;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps links that run code or carry content out of the site and its PDFs: only http, https, mailto, tel and
 * relative URLs stay live. Any other scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}…)
 * is found the way a browser would read it: after HTML entities and backslash escapes are decoded, in any case, and
 * with whitespace and control characters anywhere removed ({@code java&#9;script:}, {@code JaVaScRiPt:}). Such a
 * link is an error, or with {@code unsafe_links: text} a warning; either way the link becomes its plain text, so
 * neither the HTML nor the PDF ever carries it.
 */
final class UnsafeLinks {
    private static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    private UnsafeLinks() {
    }

    /** The scheme of {@code url} (as a browser reads it, lower case) when it is one lastmile does not allow. */
    static Optional<String> forbiddenScheme(String url) {
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT || Character.isISOControl(c)) continue;
            sb.append(c);
        }
        Matcher m = SCHEME.matcher(sb.toString().toLowerCase(Locale.ROOT));
        if (!m.find()) return Optional.empty();
        String scheme = m.group(1);
        return ALLOWED.contains(scheme) ? Optional.empty() : Optional.of(scheme);
    }

    /**
     * Finds every link, autolink, image and reference definition of {@code doc} with a forbidden scheme, reports it,
     * and replaces it in the tree by its text (an image by its description).
     */
    static void neutralise(ParsedDoc doc, boolean asText, List<Diagnostic> problems) {
        List<Node> bad = new ArrayList<>();
        Map<Node, String> schemes = new IdentityHashMap<>();
        collect(doc.doc(), bad, schemes);
        Document d = doc.doc();
        // References are reported where they are defined; the links that use them lose their target too.
        List<Node> refs = new ArrayList<>();
        for (Node n : new ArrayList<>(bad)) if (n instanceof Reference) refs.add(n);
        if (!refs.isEmpty()) collectRefUsers(d, d, refs, bad);
        for (Node n : bad) {
            String scheme = schemes.get(n);
            if (scheme != null) {
                String what = n instanceof Image ? "image '" : n instanceof Reference ? "link definition '" : "link to '";
                String msg = what + shown(url(n)) + "' uses the " + scheme + ": scheme, which is not allowed";
                String allowed = n instanceof Image ? "use an image file of the site or an http(s) address"
                        : "link with http:, https:, mailto: or tel:, or a relative path";
                String hint = asText ? "it is shown as plain text; " + allowed
                        : allowed + " (unsafe_links: text in site.yaml shows such links as plain text)";
                problems.add(asText ? Diagnostic.warning(MarkdownStage.pos(doc.source(), n), msg, hint)
                        : Diagnostic.error(MarkdownStage.pos(doc.source(), n), msg, hint));
            }
            replace(n);
        }
    }

    private static void collect(Node n, List<Node> bad, Map<Node, String> schemes) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            String url = url(c);
            if (url != null) {
                Optional<String> s = forbiddenScheme(url);
                if (s.isPresent()) {
                    bad.add(c);
                    schemes.put(c, s.get());
                }
            }
            collect(c, bad, schemes);
        }
    }

    private static void collectRefUsers(Node n, Document d, List<Node> refs, List<Node> bad) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            Reference r = c instanceof LinkRef l ? l.getReferenceNode(d) : c instanceof ImageRef i ? i.getReferenceNode(d) : null;
            if (r != null && refs.stream().anyMatch(x -> x == r)) bad.add(c);
            collectRefUsers(c, d, refs, bad);
        }
    }

    /** The target a node links to, as the renderers read it (entities and escapes decoded), or null. */
    private static String url(Node n) {
        return switch (n) {
            case Link l -> l.getUrl().unescape();
            case Image i -> i.getUrl().unescape();
            case AutoLink a -> a.getUrl().unescape();
            case Reference r -> r.getUrl().unescape();
            default -> null;
        };
    }

    /** The node's text in its place: link text, an autolink's address, an image's description; a definition goes. */
    private static void replace(Node n) {
        if (n.getParent() == null) return;
        switch (n) {
            case Reference r -> r.unlink();
            case AutoLink a -> {
                a.insertBefore(new Text(BasedSequence.of(a.getText().unescape())));
                a.unlink();
            }
            case Image i -> {
                i.insertBefore(new Text(BasedSequence.of(MarkdownStage.plainText(i))));
                i.unlink();
            }
            case ImageRef i -> {
                i.insertBefore(new Text(BasedSequence.of(MarkdownStage.plainText(i))));
                i.unlink();
            }
            default -> {
                while (n.getFirstChild() != null) {
                    Node c = n.getFirstChild();
                    c.unlink();
                    n.insertBefore(c);
                }
                n.unlink();
            }
        }
    }

    /** A URL for a message: control characters made visible, long ones cut. */
    private static String shown(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length() && sb.length() < 80; i++) {
            char c = url.charAt(i);
            if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c == 0x7F) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.length() >= 80 ? sb + "…" : sb.toString();
    }
}
