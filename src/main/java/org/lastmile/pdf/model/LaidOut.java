package org.lastmile.pdf.model;

import java.util.List;
import java.util.Map;

/**
 * A laid-out document: pages of boxes, bookmarks, and the images the pages refer to by key. Layout makes it; the
 * painter writes it; tests read it.
 *
 * <p>{@code containers} are the structure elements that hold other elements but no content of their own (lists,
 * tables, block quotes, the endnotes), each with its parent: boxes only name their own element and its parent, so
 * without these the nesting of a list in a list or of a table in a quote would be lost to tagged PDF.
 */
public record LaidOut(List<Page> pages, List<Outline> outlines, Map<String, ImageData> images, List<Tag> containers) {
    public LaidOut {
        pages = List.copyOf(pages);
        outlines = List.copyOf(outlines);
        images = Map.copyOf(images);
        containers = List.copyOf(containers);
    }

    /** A document whose elements all hang off the document itself. */
    public LaidOut(List<Page> pages, List<Outline> outlines, Map<String, ImageData> images) {
        this(pages, outlines, images, List.of());
    }
}
