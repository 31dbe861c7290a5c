package org.lastmile.pdf.model;

import java.util.List;
import java.util.Map;

/**
 * A laid-out document: pages of boxes, bookmarks, and the images the pages refer to by key. Layout makes it; the
 * painter writes it; tests read it.
 */
public record LaidOut(List<Page> pages, List<Outline> outlines, Map<String, ImageData> images) {
    public LaidOut {
        pages = List.copyOf(pages);
        outlines = List.copyOf(outlines);
        images = Map.copyOf(images);
    }
}
