package org.lastmile.pdf.layout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The visual order of a set line: words of a right-to-left line run from the right, and a left-to-right name or
 * number inside keeps its own order (and the other way round).
 */
class LineBidiTest {
    /** Fragments of 10 pt width each, 3 pt apart, in logical order; a word ending in a space keeps it in its text. */
    static List<Paragraph.Frag> line(String... words) {
        List<Paragraph.Frag> out = new ArrayList<>();
        float x = 0;
        for (String w : words) {
            out.add(new Paragraph.Frag(w, "F", TextStyle.PLAIN, 1, x, 10, 10, 0, false));
            x += 13;
        }
        return out;
    }

    /** The words as they stand on the line from left to right. */
    static String visual(List<Paragraph.Frag> frags, boolean rtl) {
        float[] left = LineBidi.lefts(frags, rtl);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < frags.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> left[i]));
        return String.join(" ", order.stream().map(i -> frags.get(i).text().strip()).toList());
    }

    @Test
    void anArabicLineRunsFromTheRightAndEnglishInsideKeepsItsOrder() {
        assertEquals("ج ب أ", visual(line("أ ", "ب ", "ج"), true));
        assertEquals("نفسها WHO استمارة", visual(line("استمارة ", "WHO ", "نفسها"), true));
        assertEquals("د ج Available in: English", visual(line("Available ", "in: ", "English ", "ج ", "د"), true));
        assertEquals("3400 من", visual(line("من ", "3400"), true));
    }

    @Test
    void anArabicPhraseInAnEnglishLineReadsFromItsRight() {
        assertEquals("In ب أ today", visual(line("In ", "أ ", "ب ", "today"), false));
        assertNull(LineBidi.lefts(line("plain ", "English"), false), "left-to-right lines stand as laid out");
    }

    @Test
    void justifiedGapsMoveWithTheirWords() {
        List<Paragraph.Frag> l = line("أ ", "ب ", "ج");
        float[] left = LineBidi.lefts(l, true);
        assertEquals(26f, left[0], 1e-4);
        assertEquals(13f, left[1], 1e-4);
        assertEquals(0f, left[2], 1e-4);
    }
}
