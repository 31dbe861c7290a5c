package org.lastmile.pdf.model;

/** The bytes of a PNG or JPEG placed in the document, with its size in pixels as layout read it. */
public record ImageData(byte[] bytes, int pixelWidth, int pixelHeight) {
}
