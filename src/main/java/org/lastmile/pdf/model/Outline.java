package org.lastmile.pdf.model;

/** A bookmark: level 1 for sections, 2 below; {@code page} is 1-based; {@code y} the height it opens at. */
public record Outline(int level, String title, int page, float y) {
}
