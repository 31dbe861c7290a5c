package org.lastmile.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a Markdown body into its sections (at ATX headings outside code fences), so a translator is told which
 * sections of the source changed rather than only that something did.
 */
public final class Sections {
    /** The part of a body before its first heading. */
    public static final String INTRO = "(introduction)";

    private Sections() {
    }

    /** Section title → its text (heading line included), in document order. */
    public static Map<String, String> of(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        String title = INTRO;
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) fenced = !fenced;
            if (!fenced && t.matches("#{1,6}\\s+.*")) {
                put(out, title, text);
                title = t.replaceFirst("^#{1,6}\\s+", "").replaceFirst("\\s+#+$", "").strip();
                text = new StringBuilder();
            }
            text.append(line.stripTrailing()).append('\n');
        }
        put(out, title, text);
        return out;
    }

    private static void put(Map<String, String> out, String title, StringBuilder text) {
        String t = text.toString().strip();
        if (t.isEmpty() && title.equals(INTRO)) return;
        String key = title;
        for (int i = 2; out.containsKey(key); i++) key = title + " (" + i + ")";
        out.put(key, t);
    }

    /** What changed between two versions of a source: sections changed, added and removed, by title. */
    public record Changes(List<String> changed, List<String> added, List<String> removed) {
        public boolean isEmpty() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
        }

        /** "changed: Barriers, Recommendations; added: Financing". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!changed.isEmpty()) parts.add("changed: " + String.join(", ", changed));
            if (!added.isEmpty()) parts.add("added: " + String.join(", ", added));
            if (!removed.isEmpty()) parts.add("removed: " + String.join(", ", removed));
            return parts.isEmpty() ? "only spacing changed" : String.join("; ", parts);
        }
    }

    public static Changes compare(String oldBody, String newBody) {
        Map<String, String> before = of(oldBody);
        Map<String, String> after = of(newBody);
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.forEach((title, text) -> {
            String old = before.get(title);
            if (old == null) added.add(title);
            else if (!old.equals(text)) changed.add(title);
        });
        before.keySet().forEach(title -> {
            if (!after.containsKey(title)) removed.add(title);
        });
        return new Changes(List.copyOf(changed), List.copyOf(added), List.copyOf(removed));
    }
}
