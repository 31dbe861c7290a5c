package org.lastmile.site;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import org.lastmile.config.Taxonomy;
import org.lastmile.content.ContentKind;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the automatic lists of a page or paper: a paragraph that is exactly
 * {@code {{ list(kind="news", tag="harm-reduction", type="policy-brief", limit=3, fallback=true) }}}. Every mistake
 * (unknown kind, tag, type or parameter) is reported with the file and line, so a list never silently shows nothing.
 */
public final class ListShortcodes {
    /** One embedded list: what it shows, how many, and whether default-language items fill in. */
    public record Spec(ListFilter filter, int limit, boolean fallback) {
    }

    private static final Pattern WHOLE = Pattern.compile("\\{\\{\\s*list\\s*\\((.*)\\)\\s*}}", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)\\s*(,|$)");
    private static final int DEFAULT_LIMIT = 5;
    private static final String USAGE = "write it like {{ list(kind=\"news\", tag=\"…\", type=\"…\", limit=3) }} on a line of its own";

    private ListShortcodes() {
    }

    /** The lists of {@code doc} by their paragraph, in document order. */
    static Map<Node, Spec> find(ParsedDoc doc, Catalog catalog, Taxonomy taxonomy, List<Diagnostic> problems) {
        Map<Node, Spec> out = new IdentityHashMap<>();
        visit(doc.doc(), doc, catalog, taxonomy, out, problems);
        return out;
    }

    private static void visit(Node n, ParsedDoc doc, Catalog catalog, Taxonomy taxonomy, Map<Node, Spec> out, List<Diagnostic> problems) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph p) {
                if (!holdsBraces(p.getChars())) continue;
                String text = p.getChars().toString().strip();
                if (!text.matches("(?s).*\\{\\{\\s*list\\s*\\(.*")) continue;
                SourcePos pos = MarkdownStage.pos(doc.source(), p);
                Matcher m = WHOLE.matcher(text);
                if (!m.matches() || p.getParent() != doc.doc()) {
                    problems.add(Diagnostic.error(pos, "a list must stand alone on its line, outside other blocks", USAGE));
                } else if (doc.source().kind() == ContentKind.GUIDE) {
                    problems.add(Diagnostic.error(pos, "a community guide cannot hold a list: it is printed as a 4-page PDF",
                            "put the list on a page or paper"));
                } else {
                    Spec s = parse(m.group(1), pos, catalog, taxonomy, problems);
                    if (s != null) out.put(p, s);
                }
                continue;
            }
            visit(c, doc, catalog, taxonomy, out, problems);
        }
    }

    /**
     * Whether a paragraph holds "{{", looked for in the document's string itself: copying every paragraph of every
     * document to a string first was a few per cent of a build.
     */
    private static boolean holdsBraces(com.vladsch.flexmark.util.sequence.BasedSequence chars) {
        if (chars instanceof com.vladsch.flexmark.util.sequence.SubSequence sub && sub.getBase() instanceof String s) {
            int end = sub.getEndOffset();
            for (int at = s.indexOf('{', sub.getStartOffset(), end); at >= 0; at = s.indexOf('{', at + 1, end)) {
                if (at + 1 < end && s.charAt(at + 1) == '{') return true;
            }
            return false;
        }
        return chars.toString().contains("{{");
    }

    private static Spec parse(String args, SourcePos pos, Catalog catalog, Taxonomy taxonomy, List<Diagnostic> problems) {
        args = args.strip();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(args);
        int at = 0;
        while (at < args.length() && m.find(at) && m.start() == at) {
            String v = m.group(2);
            if (v.startsWith("\"")) v = v.substring(1, v.length() - 1);
            if (params.put(m.group(1), v) != null) {
                problems.add(Diagnostic.error(pos, "list: '" + m.group(1) + "' is given twice", "keep one"));
                return null;
            }
            at = m.end();
        }
        if (at < args.length()) {
            problems.add(Diagnostic.error(pos, "list: cannot read '" + args + "'", USAGE));
            return null;
        }
        int before = problems.size();
        for (String k : params.keySet()) {
            if (!List.of("kind", "tag", "type", "limit", "fallback").contains(k)) {
                problems.add(Diagnostic.error(pos, "list: unknown parameter '" + k + "'", "use kind, tag, type, limit and fallback"));
            }
        }
        String kindText = params.get("kind");
        ListFilter.Kind kind = null;
        if (kindText == null) {
            problems.add(Diagnostic.error(pos, "list: 'kind' is missing", "add kind=\"news\", kind=\"papers\" or kind=\"guides\""));
        } else {
            switch (kindText) {
                case "news" -> kind = ListFilter.Kind.NEWS;
                case "papers" -> kind = ListFilter.Kind.PAPERS;
                case "guides" -> kind = ListFilter.Kind.GUIDES;
                default -> problems.add(Diagnostic.error(pos, "list: unknown kind '" + kindText + "'", "use kind=\"news\", \"papers\" or \"guides\""));
            }
        }
        String tag = params.get("tag");
        if (tag != null) {
            String key = catalog.tagKey(tag);
            if (!catalog.knownTag(key)) {
                problems.add(Diagnostic.error(pos, "list: unknown tag '" + tag + "'", "use a tag that content carries or site.yaml declares, such as "
                        + catalog.tagKeys().stream().limit(3).reduce((a, b) -> a + ", " + b).orElse("harm-reduction")));
            }
            tag = key;
        }
        String type = params.get("type");
        if (type != null && !taxonomy.types().containsKey(type)) {
            problems.add(Diagnostic.error(pos, "list: unknown type '" + type + "'", "use one of " + String.join(", ", taxonomy.types().keySet())));
        } else if (type != null && kind == ListFilter.Kind.NEWS) {
            problems.add(Diagnostic.error(pos, "list: news items have no type", "remove type=, or list kind=\"papers\""));
        }
        int limit = DEFAULT_LIMIT;
        if (params.containsKey("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit"));
                if (limit < 1 || limit > 100) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(Diagnostic.error(pos, "list: limit '" + params.get("limit") + "' is not a number from 1 to 100", "write limit=3"));
            }
        }
        String fb = params.getOrDefault("fallback", "false");
        if (!fb.equals("true") && !fb.equals("false")) {
            problems.add(Diagnostic.error(pos, "list: fallback must be true or false", "write fallback=true"));
        }
        if (problems.size() > before) return null;
        return new Spec(new ListFilter(kind, tag, type), limit, fb.equals("true"));
    }
}
