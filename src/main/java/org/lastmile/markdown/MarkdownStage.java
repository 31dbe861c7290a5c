package org.lastmile.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.lastmile.content.Slugs;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses a source file's body and gives its headings stable, unique ids. */
public final class MarkdownStage {
    /** Ids the default theme gives its own elements: a heading must not take one, or its anchor would jump there. */
    public static final Set<String> RESERVED_IDS = Set.of("main", "toc-title", "guide-box-title", "download-title",
            "footnotes-title", "papers-heading", "home-tags-heading", "news-heading", "guides-heading", "related-title",
            "news-about-title");

    private final Markdown markdown;

    public MarkdownStage(Markdown markdown) {
        this.markdown = markdown;
    }

    public ParsedDoc parse(SourceFile sf, List<Diagnostic> problems) {
        Optional<NestingLimits.Problem> tooDeep = NestingLimits.scan(sf.body());
        Document doc = markdown.parse(tooDeep.isPresent() ? "" : sf.body());
        if (tooDeep.isEmpty()) tooDeep = NestingLimits.check(doc);
        if (tooDeep.isPresent()) {
            // Reported, and the body left empty, so that no later stage walks a tree it cannot handle.
            NestingLimits.Problem p = tooDeep.get();
            problems.add(Diagnostic.error(SourcePos.of(sf.path(), sf.bodyLine() + p.line()), p.message(), p.hint()));
            doc = markdown.parse("");
        }
        Map<Heading, String> ids = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        Set<String> used = new HashSet<>(RESERVED_IDS);
        Set<String> anchors = new LinkedHashSet<>();
        walk(doc, sf, ids, toc, used, anchors, new ArrayList<>(), problems);
        return new ParsedDoc(sf, doc, ids, List.copyOf(toc), Set.copyOf(anchors));
    }

    private void walk(Node n, SourceFile sf, Map<Heading, String> ids, List<TocEntry> toc, Set<String> used,
                      Set<String> anchors, List<String> footnotes, List<Diagnostic> problems) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Heading h) {
                String text = plainText(h).strip();
                String base = Slugs.slug(text);
                if (base.isEmpty()) base = "section";
                String id = base;
                for (int i = 2; !used.add(id); i++) id = base + "-" + i;
                ids.put(h, id);
                anchors.add(id);
                if (h.getLevel() == 2 || h.getLevel() == 3) toc.add(new TocEntry(h.getLevel(), id, text));
                if (h.getLevel() == 1) {
                    problems.add(Diagnostic.warning(pos(sf, c), "a level-1 heading ('# …') repeats the page title",
                            "start sections at '## '; the title comes from front matter"));
                }
            } else if ((c instanceof HtmlBlock && !(c instanceof HtmlCommentBlock)) || (c instanceof HtmlInline && !(c instanceof HtmlInlineComment))) {
                problems.add(Diagnostic.warning(pos(sf, c), "raw HTML is shown as text, not interpreted",
                        "write it in Markdown; lastmile escapes HTML so every page and PDF stays safe and consistent"));
            } else if (c instanceof com.vladsch.flexmark.ext.footnotes.Footnote f) {
                // The HTML numbers footnotes in order of first reference (fn-1, fn-2…), not by their labels.
                String label = f.getText().toString();
                if (!footnotes.contains(label)) {
                    footnotes.add(label);
                    anchors.add("fn-" + footnotes.size());
                    anchors.add("fnref-" + footnotes.size());
                }
            }
            walk(c, sf, ids, toc, used, anchors, footnotes, problems);
        }
    }

    /** The position of node {@code n} in the source file. */
    public static SourcePos pos(SourceFile sf, Node n) {
        return SourcePos.of(sf.path(), sf.bodyLine() + n.getLineNumber());
    }

    /** The text of a node without markup: what a heading reads as in a table of contents. */
    public static String plainText(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString().replaceAll("\\s+", " ");
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof com.vladsch.flexmark.ast.Code code) {
            sb.append(code.getText());
            return;
        }
        if (n instanceof com.vladsch.flexmark.ast.Text) {
            sb.append(n.getChars().unescape());
            return;
        }
        if (n instanceof com.vladsch.flexmark.ast.SoftLineBreak || n instanceof com.vladsch.flexmark.ast.HardLineBreak) {
            sb.append(' ');
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) collect(c, sb);
    }
}
