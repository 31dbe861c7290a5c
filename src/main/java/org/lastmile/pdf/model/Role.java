package org.lastmile.pdf.model;

/**
 * The structure role of a box, named after the PDF standard structure types it will be tagged with. {@link #ARTIFACT}
 * marks what is not content (bands, rules, running footers, page numbers). {@link #DIV} groups elements that have no
 * standard type of their own (the endnotes, a code box).
 */
public enum Role {
    DOCUMENT, H1, H2, H3, P, L, LI, LBL, LBODY, TABLE, TR, TH, TD, FIGURE, CAPTION, NOTE, BLOCK_QUOTE, LINK, DIV, ARTIFACT
}
