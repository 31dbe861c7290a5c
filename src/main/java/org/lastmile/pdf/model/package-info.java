/**
 * The PDF layout model: what a laid-out document is, as plain values. Layout ({@code org.lastmile.pdf.layout})
 * produces a {@link org.lastmile.pdf.model.LaidOut} — pages of placed boxes, each carrying its place in the
 * document's logical structure — and one painter ({@code org.lastmile.pdf.Painter}) writes it with OpenPDF, as TeX
 * separates its box-and-glue model from the DVI writer. Nothing here knows OpenPDF; what is measured is what is
 * printed, and a {@link org.lastmile.pdf.model.Dump} of the boxes serves as a golden file for layout tests.
 *
 * <p>Coordinates are PostScript points with the origin at the bottom-left corner of the page, as in PDF.
 */
package org.lastmile.pdf.model;
