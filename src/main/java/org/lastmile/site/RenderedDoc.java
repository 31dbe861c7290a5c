package org.lastmile.site;

import org.lastmile.markdown.ParsedDoc;

/** A document with its links resolved and its body rendered to HTML, ready to be placed in a page template. */
public record RenderedDoc(ParsedDoc parsed, String html) {
}
