package org.lastmile.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SectionsTest {
    @Test
    void comparesByHeadingIgnoringCodeFences() {
        String before = "Intro.\n\n## A\n\none\n\n## B\n\n```\n## not a heading\n```\n";
        String after = "Intro.\n\n## A\n\none changed\n\n## C\n\nnew\n";
        Sections.Changes c = Sections.compare(before, after);
        assertEquals(List.of("A"), c.changed());
        assertEquals(List.of("C"), c.added());
        assertEquals(List.of("B"), c.removed());
        assertEquals("changed: A; added: C; removed: B", c.describe());
    }
}
