package org.lastmile.pdf.model;

import java.util.List;

/** One laid-out page: its size and its boxes in painting order (later boxes paint over earlier ones). */
public record Page(float width, float height, List<Box> boxes) {
    public Page {
        boxes = List.copyOf(boxes);
    }
}
