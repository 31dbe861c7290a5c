package org.lastmile.site;

/**
 * What the PDF stage made of one PDF, as download boxes show it: its size in bytes and its number of pages. The
 * PDFs are typeset before the HTML pages so that these are the real file's figures.
 */
public record PdfFacts(long bytes, int pages) {
}
