package org.lastmile.config;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping that remembers where each key stands, so that a wrong value is reported as {@code file:line}.
 * Typed getters report a problem into the given list and return empty rather than throwing: a loader collects every
 * mistake of a file in one pass.
 */
public final class YamlMap {
    /** Deeper than any setting needs; far from what would exhaust the stack. */
    static final int MAX_DEPTH = 32;
    private final Path file;
    private final int lineOffset;
    private final Map<String, Node> nodes;
    private final Map<String, Integer> lines;

    private YamlMap(Path file, int lineOffset, Map<String, Node> nodes, Map<String, Integer> lines) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.nodes = nodes;
        this.lines = lines;
    }

    public static YamlMap empty(Path file) {
        return new YamlMap(file, 0, Map.of(), Map.of());
    }

    /**
     * Parses {@code text}, which starts at line {@code lineOffset + 1} of {@code file}. A syntax error or a top level
     * that is not a mapping is reported and gives an empty map.
     */
    public static YamlMap parse(Path file, String text, int lineOffset, List<Diagnostic> problems) {
        if (text.isBlank()) return empty(file);
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(String.valueOf(file)).setAllowDuplicateKeys(false).build();
            Optional<Diagnostic> refused = refuse(file, lineOffset, settings, text);
            if (refused.isPresent()) {
                problems.add(refused.get());
                return empty(file);
            }
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) return empty(file);
            if (!(root.get() instanceof MappingNode m)) {
                problems.add(Diagnostic.error(SourcePos.of(file, lineOffset + line(root.get())),
                        "YAML: expected 'key: value' lines", "write one setting per line, like 'title: \"My title\"'"));
                return empty(file);
            }
            duplicates(file, lineOffset, m, problems);
            return fromMapping(file, lineOffset, m);
        } catch (MarkedYamlEngineException e) {
            // An unclosed quote or bracket is found only at the end of the text: point at where it was opened.
            var mark = e.getProblem() != null && e.getProblem().contains("end of stream") && e.getContextMark().isPresent()
                    ? e.getContextMark() : e.getProblemMark();
            int line = mark.map(mk -> mk.getLine() + 1).orElse(1);
            String what = e.getProblem() == null ? "syntax error" : e.getProblem();
            problems.add(Diagnostic.error(SourcePos.of(file, lineOffset + line), "YAML: " + what,
                    "check indentation, colons and quotes on this line"));
            return empty(file);
        } catch (YamlEngineException e) {
            problems.add(Diagnostic.error(SourcePos.of(file, lineOffset + 1), "YAML: " + firstLine(e.getMessage()),
                    "check the syntax of this block"));
            return empty(file);
        }
    }

    /**
     * Aliases and deep nesting, found in the event stream before anything is built: an alias can refer to its own
     * parent (an endless structure) or be multiplied into billions of nodes by a few lines (an "alias bomb"), and
     * nesting thousands deep exhausts the stack. Settings never need either.
     */
    private static Optional<Diagnostic> refuse(Path file, int lineOffset, LoadSettings settings, String text) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int depth = 0;
        while (parser.hasNext()) {
            Event e = parser.next();
            int line = lineOffset + e.getStartMark().map(mk -> mk.getLine() + 1).orElse(1);
            if (e instanceof AliasEvent a) {
                return Optional.of(Diagnostic.error(SourcePos.of(file, line), "YAML: aliases (*" + a.getAlias().getValue()
                        + ") are not supported", "write the value out in full instead of referring to an anchor (&)"));
            } else if (e instanceof CollectionStartEvent) {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(Diagnostic.error(SourcePos.of(file, line), "YAML: nested more than " + MAX_DEPTH
                            + " levels deep", "settings need only a few levels; flatten this value"));
                }
            } else if (e instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** A key set twice: the YAML composer keeps both, and the last would silently win. */
    private static void duplicates(Path file, int lineOffset, MappingNode m, List<Diagnostic> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
                problems.add(Diagnostic.error(SourcePos.of(file, lineOffset + line(k)), "'" + k.getValue() + "' is set twice",
                        "keep only one"));
            }
            if (t.getValueNode() instanceof MappingNode inner) duplicates(file, lineOffset, inner, problems);
        }
    }

    private static YamlMap fromMapping(Path file, int lineOffset, MappingNode m) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                nodes.put(k.getValue(), t.getValueNode());
                lines.put(k.getValue(), line(t.getKeyNode()));
            }
        }
        return new YamlMap(file, lineOffset, Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(lines));
    }

    private static int line(Node n) {
        return n.getStartMark().map(mk -> mk.getLine() + 1).orElse(1);
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    public boolean has(String key) {
        return nodes.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return nodes.keySet();
    }

    /** Where {@code key} stands in the file (or the start of the block when absent). */
    public SourcePos pos(String key) {
        return SourcePos.of(file, lineOffset + lines.getOrDefault(key, 1));
    }

    private Diagnostic wrong(String key, String what, String hint) {
        return Diagnostic.error(pos(key), what, hint);
    }

    public Optional<String> string(String key, List<Diagnostic> problems) {
        Node n = nodes.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (n instanceof ScalarNode s) return Optional.of(s.getValue());
        problems.add(wrong(key, "'" + key + "' must be a single text value", "write it as " + key + ": \"…\""));
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key, List<Diagnostic> problems) {
        Optional<String> s = string(key, problems);
        if (s.isEmpty()) return Optional.empty();
        return switch (s.get()) {
            case "true", "True", "TRUE", "yes" -> Optional.of(true);
            case "false", "False", "FALSE", "no" -> Optional.of(false);
            default -> {
                problems.add(wrong(key, "'" + key + "' is not true or false", "write " + key + ": true or " + key + ": false"));
                yield Optional.empty();
            }
        };
    }

    public Optional<Integer> integer(String key, List<Diagnostic> problems) {
        Optional<String> s = string(key, problems);
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(s.get().trim()));
        } catch (NumberFormatException e) {
            problems.add(wrong(key, "'" + key + "' is not a whole number", "write a number such as " + key + ": 1"));
            return Optional.empty();
        }
    }

    public Optional<Double> number(String key, List<Diagnostic> problems) {
        Optional<String> s = string(key, problems);
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Double.parseDouble(s.get().trim()));
        } catch (NumberFormatException e) {
            problems.add(wrong(key, "'" + key + "' is not a number", "write a number such as " + key + ": 10.5"));
            return Optional.empty();
        }
    }

    public Optional<LocalDate> date(String key, List<Diagnostic> problems) {
        Optional<String> s = string(key, problems);
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(s.get().trim()));
        } catch (DateTimeParseException e) {
            problems.add(wrong(key, "'" + key + "' is not a date", "use YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    /** A list of strings; a single string is accepted as a list of one, since that is what authors mean. */
    public Optional<List<String>> stringList(String key, List<Diagnostic> problems) {
        Node n = nodes.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (n instanceof ScalarNode s) return Optional.of(List.of(s.getValue()));
        if (n instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s.getValue());
                } else {
                    problems.add(wrong(key, "'" + key + "' must be a list of text values", "write " + key + ": [\"a\", \"b\"]"));
                    return Optional.empty();
                }
            }
            return Optional.of(List.copyOf(out));
        }
        problems.add(wrong(key, "'" + key + "' must be a list", "write " + key + ": [\"a\", \"b\"]"));
        return Optional.empty();
    }

    public Optional<YamlMap> map(String key, List<Diagnostic> problems) {
        Node n = nodes.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (n instanceof MappingNode m) return Optional.of(fromMapping(file, lineOffset, m));
        problems.add(wrong(key, "'" + key + "' must be a block of 'key: value' settings", "indent its settings under " + key + ":"));
        return Optional.empty();
    }

    /** A list of mappings, e.g. the languages of site.yaml. */
    public Optional<List<YamlMap>> mapList(String key, List<Diagnostic> problems) {
        Node n = nodes.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (n instanceof SequenceNode seq) {
            List<YamlMap> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof MappingNode m) {
                    out.add(fromMapping(file, lineOffset, m));
                } else {
                    problems.add(Diagnostic.error(SourcePos.of(file, lineOffset + line(item)),
                            "each entry of '" + key + "' must be a block of settings", "write '- code: fr' and indent the rest under it"));
                }
            }
            return Optional.of(List.copyOf(out));
        }
        problems.add(wrong(key, "'" + key + "' must be a list", "start each entry with '- '"));
        return Optional.empty();
    }

    /** Plain Java values (String, Boolean-as-text, List, Map) for keys lastmile does not know: handed to templates. */
    public Map<String, Object> plain() {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach((k, v) -> out.put(k, toPlain(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object toPlain(Node n) {
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.BOOL)) return Boolean.parseBoolean(s.getValue());
            return s.getValue();
        }
        if (n instanceof SequenceNode seq) return seq.getValue().stream().map(YamlMap::toPlain).toList();
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) out.put(k.getValue(), toPlain(t.getValueNode()));
            }
            return Collections.unmodifiableMap(out);
        }
        return null;
    }

    private static boolean isNull(Node n) {
        return n.getTag().equals(Tag.NULL);
    }
}
