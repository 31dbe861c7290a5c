package org.lastmile.site;

import org.lastmile.markdown.ParsedDoc;

/**
 * A document with its links resolved and its body rendered to HTML, ready to be placed in a page template; its
 * embedded lists are placeholders, numbered in the order of {@code lists}, that the page rendering fills in.
 */
public record RenderedDoc(ParsedDoc parsed, String html, java.util.List<ListShortcodes.Spec> lists) {
    public RenderedDoc(ParsedDoc parsed, String html) {
        this(parsed, html, java.util.List.of());
    }
}
