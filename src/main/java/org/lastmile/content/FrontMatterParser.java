package org.lastmile.content;

import org.lastmile.config.YamlMap;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Splits a content file into YAML front matter and Markdown body, and validates the front matter's known keys. */
public final class FrontMatterParser {
    private static final Set<String> KNOWN = Set.of("title", "date", "summary", "tags", "authors", "draft", "weight",
            "short_title", "translation_of", "cover_image", "type", "image", "papers");

    private FrontMatterParser() {
    }

    /** The two parts of a file. {@code bodyLine} is the 1-based line of the file where the body starts. */
    public record Split(String yaml, String body, int bodyLine) {
    }

    /** Splits at the {@code ---} lines; empty when the file does not start with front matter (reported). */
    public static Optional<Split> split(Path path, String text, List<Diagnostic> problems) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        if (!t.startsWith("---\n") && !t.equals("---")) {
            problems.add(Diagnostic.error(SourcePos.of(path, 1), "no front matter",
                    "start the file with a line '---', then 'title: \"…\"', then a line '---'"));
            return Optional.empty();
        }
        int pos = 4;
        int line = 2;
        while (pos <= t.length()) {
            int nl = t.indexOf('\n', pos);
            String l = nl < 0 ? t.substring(pos) : t.substring(pos, nl);
            if (l.strip().equals("---") || l.strip().equals("...")) {
                String yaml = t.substring(4, pos);
                String body = nl < 0 ? "" : t.substring(nl + 1);
                return Optional.of(new Split(yaml, body, line + 1));
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        problems.add(Diagnostic.error(SourcePos.of(path, 1), "front matter is not closed",
                "add a line '---' after the last front matter setting"));
        return Optional.empty();
    }

    /** Validates the YAML of {@code split}; {@code requireDate} for papers in the default language. */
    public static FrontMatter parse(Path path, Split split, List<Diagnostic> problems) {
        List<Diagnostic> found = new java.util.ArrayList<>();
        FrontMatter fm = read(path, split, found);
        // Users find "front matter:" in the message faster than they find the line number.
        for (Diagnostic d : found) {
            problems.add(new Diagnostic(d.severity(), d.pos(), "front matter: " + d.message(), d.hint()));
        }
        return fm;
    }

    private static FrontMatter read(Path path, Split split, List<Diagnostic> problems) {
        int before = problems.size();
        YamlMap y = YamlMap.parse(path, split.yaml(), 1, problems);
        boolean unreadable = problems.size() > before && y.keys().isEmpty();
        Map<String, SourcePos> lines = new LinkedHashMap<>();
        for (String k : y.keys()) lines.put(k, y.pos(k));
        Map<String, Object> params = new LinkedHashMap<>();
        y.plain().forEach((k, v) -> {
            if (!KNOWN.contains(k) && v != null) params.put(k, v);
        });
        String title = y.string("title", problems).map(String::strip).orElse("");
        for (String tag : y.stringList("tags", new java.util.ArrayList<>()).orElse(List.of())) {
            if (!tag.isBlank() && Slugs.slug(tag).isEmpty()) {
                problems.add(Diagnostic.error(y.pos("tags"), "tag '" + tag + "' has no letters or digits, so it cannot have a page",
                        "name the tag with words, such as \"harm reduction\""));
            }
        }
        String tr = y.string("translation_of", problems).map(String::strip).orElse(null);
        return new FrontMatter(title,
                y.date("date", problems),
                y.string("summary", problems).map(String::strip).orElse(""),
                y.stringList("tags", problems).orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                y.stringList("authors", problems).orElse(List.of()),
                y.bool("draft", problems).orElse(false),
                y.integer("weight", problems),
                y.string("short_title", problems).map(String::strip).orElse(""),
                Optional.ofNullable(tr),
                y.string("cover_image", problems).map(String::strip),
                java.util.Collections.unmodifiableMap(params), java.util.Collections.unmodifiableMap(lines),
                java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(y.keys())), unreadable,
                y.string("type", problems).map(String::strip).filter(s -> !s.isEmpty()),
                y.string("image", problems).map(String::strip).filter(s -> !s.isEmpty()),
                y.stringList("papers", problems).orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
