package org.lastmile.pdf.layout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void bracketsAroundAnEnglishNameInAnArabicLineGoWithTheArabicAndAreMirrored() {
        // "الشاملة (UHC) تعني": the brackets are fragments of their own (the Arabic font's), the name another.
        List<Paragraph.Frag> l = new ArrayList<>();
        l.add(new Paragraph.Frag("الشاملة ", "F", TextStyle.PLAIN, 1, 0, 10, 10, 0, false));
        l.add(new Paragraph.Frag("(", "F", TextStyle.PLAIN, 1, 13, 2, 10, 0, false));
        l.add(new Paragraph.Frag("UHC", "L", TextStyle.PLAIN, 1, 15, 10, 10, 0, false));
        l.add(new Paragraph.Frag(") ", "F", TextStyle.PLAIN, 1, 25, 2, 10, 0, false));
        l.add(new Paragraph.Frag("تعني", "F", TextStyle.PLAIN, 1, 30, 10, 10, 0, false));
        LineBidi.Placed p = LineBidi.place(l, true, new FontMetrics() {
            public boolean hasGlyph(String font, int cp) { return true; }
            public float width(String font, String text, float size) { return text.length() * size / 2; }
            public float ascent(String font, float size) { return size; }
            public float descent(String font, float size) { return -size / 4; }
        });
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.frags().size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> p.lefts()[i]));
        assertEquals("تعني ) UHC ( الشاملة", String.join(" ", order.stream().map(i -> p.frags().get(i).text().strip()).toList()));
        assertTrue(p.mirrored()[1] && p.mirrored()[3], "both brackets are drawn mirrored");
        assertFalse(p.mirrored()[2]);
    }

    @Test
    void aMixedFragmentIsCutWhereItsLevelChanges() {
        // "UHC)" in one font: the bracket belongs to the Arabic around it.
        List<Paragraph.Frag> l = new ArrayList<>();
        l.add(new Paragraph.Frag("الشاملة ", "F", TextStyle.PLAIN, 1, 0, 10, 10, 0, false));
        l.add(new Paragraph.Frag("(UHC) ", "L", TextStyle.PLAIN, 1, 13, 25, 10, 0, false));
        l.add(new Paragraph.Frag("تعني", "F", TextStyle.PLAIN, 1, 41, 10, 10, 0, false));
        LineBidi.Placed p = LineBidi.place(l, true, new FontMetrics() {
            public boolean hasGlyph(String font, int cp) { return true; }
            public float width(String font, String text, float size) { return text.length() * size / 2; }
            public float ascent(String font, float size) { return size; }
            public float descent(String font, float size) { return -size / 4; }
        });
        assertEquals(List.of("الشاملة ", "(", "UHC", ") ", "تعني"), p.frags().stream().map(Paragraph.Frag::text).toList());
        assertEquals(25f, p.frags().get(1).width() + p.frags().get(2).width() + p.frags().get(3).width(), 1e-4,
                "the pieces share the fragment's width");
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
