package org.lastmile.pdf.layout;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;
import org.lastmile.text.Hyphenator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the Markdown syntax tree into size-independent {@link Block}s, measuring every paragraph once. Findings
 * about the input (bad images, raw HTML) go to the diagnostics with file and line; missing glyphs are collected by
 * the {@link Shaper}.
 */
final class BlockBuilder {
    /** Deeper nesting than this is set flat: no real guide nests further, and hostile input must stay fast. */
    static final int MAX_DEPTH = 6;

    private final Shaper shaper;
    private final Hyphenator hyphenator;
    private final Images images;
    private final int lineOffset;
    private final List<Diagnostic> diagnostics;
    private final String notesLabel;
    private final java.nio.file.Path source;
    private final java.awt.Color linkColor;
    /** Set by {@link #build}: the document's source lines and its inline content. */
    private SourceLines lines;
    private InlineRuns inlines;
    private boolean seenHeading;
    private int sections;
    private int nextElement = 1;
    private final List<Tag> containers = new ArrayList<>();

    BlockBuilder(Shaper shaper, Hyphenator hyphenator, Images images, java.nio.file.Path source, int lineOffset,
                 String notesLabel, java.awt.Color linkColor, List<Diagnostic> diagnostics) {
        this.shaper = shaper;
        this.linkColor = linkColor;
        this.hyphenator = hyphenator;
        this.images = images;
        this.source = source;
        this.lineOffset = lineOffset;
        this.notesLabel = notesLabel;
        this.diagnostics = diagnostics;
    }

    /** All blocks of the body, endnotes last. */
    List<Block> build(Document doc) {
        this.lines = new SourceLines(doc.getChars().getBaseSequence().toString(), lineOffset);
        this.inlines = new InlineRuns(doc, lines, linkColor);
        List<Block> out = new ArrayList<>();
        blocks(doc, new Ctx(0, false, false, true, 0, 0), out);
        if (!inlines.footnotes().isEmpty()) notes(out);
        return out;
    }

    /** Nesting context: start indent (ems), inside a quote, tight list, at the top level, depth, parent element. */
    private record Ctx(float indent, boolean quote, boolean tight, boolean top, int depth, int parent) {
        Ctx child(float indent, boolean quote, boolean tight, int parent) {
            return new Ctx(indent, quote, tight, false, depth + 1, parent);
        }
    }

    private int element() {
        return nextElement++;
    }

    /** Elements that only hold others (lists, tables, quotes, code boxes, endnotes), in the order they were made. */
    List<Tag> containers() {
        return List.copyOf(containers);
    }

    private void blocks(Node parent, Ctx ctx, List<Block> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) block(n, ctx, out);
    }

    private void block(Node n, Ctx ctx, List<Block> out) {
        switch (n) {
            case Heading h -> heading(h, ctx, out);
            case com.vladsch.flexmark.ast.Paragraph p -> paragraph(p, ctx, out, null);
            case ListBlock l -> list(l, ctx, out);
            case BlockQuote q -> quote(q, ctx, out);
            case FencedCodeBlock c -> code(c.getContentChars().toString(), c, ctx, out);
            case IndentedCodeBlock c -> code(c.getContentChars().toString(), c, ctx, out);
            case ThematicBreak t -> out.add(new Block.Rule(element()));
            case TableBlock t -> table(t, ctx, out);
            case FootnoteBlock f -> { /* set as endnotes */ }
            case Reference r -> { /* link reference definition */ }
            case HtmlCommentBlock c -> { /* comments are not content */ }
            case HtmlBlockBase h -> diagnostics.add(Diagnostic.warning(SourcePos.of(source, lines.of(h)),
                    "raw HTML is left out of the PDF", "write it in Markdown"));
            default -> {
                if (n.hasChildren()) blocks(n, ctx, out);
            }
        }
    }

    private Paragraph para(List<Run> runs, boolean hyphenate, boolean justify) {
        return Paragraph.of(shaper, runs, hyphenate ? hyphenator : null, justify);
    }

    private void heading(Heading h, Ctx ctx, List<Block> out) {
        List<Run> runs = inlines.of(h, TextStyle.PLAIN.withBold(true), null);
        String title = textOf(runs);
        int level = Math.max(2, h.getLevel());
        seenHeading = true;
        String anchor = level == 2 && !title.isEmpty() ? "sec-" + (++sections) : null;
        Block.Kind kind = level == 2 ? Block.Kind.H2 : level == 3 ? Block.Kind.H3 : Block.Kind.H4;
        Role role = level == 2 ? Role.H1 : level == 3 ? Role.H2 : Role.H3;
        float before = level == 2 ? 1.5f : level == 3 ? 1.0f : 0.8f;
        float after = level == 2 ? 0.45f : level == 3 ? 0.3f : 0.2f;
        out.add(new Block.Text(para(runs, false, false), kind, role, element(), ctx.parent, level == 2 ? 0 : ctx.indent,
                ctx.top, null, true, level <= 3 ? level - 1 : 0, title, anchor, before, after));
    }

    private void paragraph(com.vladsch.flexmark.ast.Paragraph p, Ctx ctx, List<Block> out, Paragraph marker) {
        List<Image> imgs = new ArrayList<>();
        boolean lead = !seenHeading && ctx.top && marker == null;
        List<Run> runs = inlines.of(p, ctx.quote ? TextStyle.PLAIN.withItalic(!shaper.cjk()) : TextStyle.PLAIN, imgs);
        boolean hasText = !textOf(runs).isBlank();
        if (hasText || marker != null) {
            Block.Kind kind = ctx.quote ? Block.Kind.QUOTE : lead ? Block.Kind.LEAD : Block.Kind.BODY;
            boolean justify = kind == Block.Kind.BODY;
            float after = ctx.tight ? 0.28f : 0.55f;
            if (lead) after = 0.75f;
            Role role = marker != null ? Role.LI : Role.P;
            out.add(new Block.Text(para(runs, true, justify), kind, role, element(), ctx.parent, ctx.indent,
                    lead && ctx.top, marker, false, 0, null, null, ctx.tight ? 0.28f : 0, after));
        }
        for (Image img : imgs) picture(img, ctx, out);
    }

    private static String textOf(List<Run> runs) {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) b.append(r.text());
        return b.toString().replace('\n', ' ').trim();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Lists

    private void list(ListBlock l, Ctx ctx, List<Block> out) {
        boolean ordered = l instanceof OrderedList;
        int number = ordered ? ((OrderedList) l).getStartNumber() : 0;
        char delim = ordered ? ((OrderedList) l).getDelimiter() : '.';
        int listEl = element();
        containers.add(Tag.of(Role.L, listEl, ctx.parent));
        int depth = ctx.depth;
        boolean deep = depth >= MAX_DEPTH;
        Ctx inner = ctx.child(deep ? ctx.indent : ctx.indent + 1.4f, ctx.quote, l.isTight(), listEl);
        int startIndex = out.size();
        for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem li)) continue;
            String mark = ordered ? number++ + String.valueOf(delim) : (countLists(ctx) == 0 ? "\u2022" : "\u2013");
            Paragraph marker = para(List.of(new Run(mark, TextStyle.PLAIN.withBold(true), lines.of(li))), false, false);
            boolean first = true;
            for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof com.vladsch.flexmark.ast.Paragraph p) {
                    paragraph(p, inner, out, first ? marker : null);
                } else {
                    if (first) markerOnly(marker, inner, out);
                    if (c instanceof ListBlock sub) list(sub, inner, out);
                    else block(c, inner, out);
                }
                first = false;
            }
            if (first) markerOnly(marker, inner, out);
        }
        // space around the whole list like a paragraph
        if (out.size() > startIndex && (depth == 0 || ctx.top)) {
            if (out.get(startIndex) instanceof Block.Text t) out.set(startIndex, withSpace(t, Math.max(t.spaceBefore(), 0.25f), t.spaceAfter()));
            if (out.get(out.size() - 1) instanceof Block.Text t) out.set(out.size() - 1, withSpace(t, t.spaceBefore(), 0.55f));
        }
    }

    private static int countLists(Ctx ctx) {
        return ctx.top ? 0 : Math.max(0, ctx.depth);
    }

    private void markerOnly(Paragraph marker, Ctx ctx, List<Block> out) {
        out.add(new Block.Text(para(List.of(Run.of("\u00A0", TextStyle.PLAIN)), false, false), Block.Kind.BODY,
                Role.LI, element(), ctx.parent, ctx.indent, false, marker, true, 0, null, null, 0, 0.28f));
    }

    private static Block.Text withSpace(Block.Text t, float before, float after) {
        return new Block.Text(t.para(), t.kind(), t.role(), t.element(), t.parent(), t.indent(), t.wide(), t.marker(),
                t.keepWithNext(), t.outlineLevel(), t.outlineTitle(), t.anchor(), before, after);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Quotes, code

    private void quote(BlockQuote q, Ctx ctx, List<Block> out) {
        if (ctx.depth >= MAX_DEPTH) {
            blocks(q, ctx.child(ctx.indent, true, false, ctx.parent), out);
            return;
        }
        int el = element();
        containers.add(Tag.of(Role.BLOCK_QUOTE, el, ctx.parent));
        List<Block> children = new ArrayList<>();
        blocks(q, ctx.child(0, true, false, el), children);
        if (children.isEmpty()) return;
        if (children.get(0) instanceof Block.Text t) children.set(0, withSpace(t, 0, t.spaceAfter()));
        if (children.get(children.size() - 1) instanceof Block.Text t) {
            children.set(children.size() - 1, withSpace(t, t.spaceBefore(), 0));
        }
        out.add(new Block.Box(children, false, ctx.top, ctx.top ? 0 : ctx.indent, el, ctx.parent));
    }

    private void code(String text, Node n, Ctx ctx, List<Block> out) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int el = element();
        containers.add(Tag.of(Role.DIV, el, ctx.parent));
        Block.Text tb = new Block.Text(para(List.of(new Run(t, TextStyle.PLAIN.withCode(true), lines.of(n))), false,
                false), Block.Kind.CODE, Role.P, element(), el, 0, false, null, false, 0, null, null, 0, 0);
        out.add(new Block.Box(List.of(tb), true, ctx.top, ctx.top ? 0 : ctx.indent, el, ctx.parent));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tables

    private void table(TableBlock t, Ctx ctx, List<Block> out) {
        int tableEl = element();
        containers.add(Tag.of(Role.TABLE, tableEl, ctx.parent));
        List<List<Block.Cell>> rows = new ArrayList<>();
        List<Integer> rowEls = new ArrayList<>();
        int headerRows = 0;
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof com.vladsch.flexmark.ext.tables.TableSeparator) continue;
            boolean head = section instanceof TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow row)) continue;
                int rowEl = element();
                List<Block.Cell> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    List<Run> runs = trim(inlines.of(cell, head ? TextStyle.PLAIN.withBold(true) : TextStyle.PLAIN, null));
                    int align = cell.getAlignment() == TableCell.Alignment.CENTER ? 0
                            : cell.getAlignment() == TableCell.Alignment.RIGHT ? 1 : -1;
                    cells.add(new Block.Cell(para(runs, true, false).hyphenatedOnlyWhereNeeded(), align, head, element()));
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                    rowEls.add(rowEl);
                    containers.add(Tag.of(Role.TR, rowEl, tableEl));
                    if (head) headerRows++;
                }
            }
        }
        if (rows.isEmpty()) return;
        int cols = 0;
        for (List<Block.Cell> r : rows) cols = Math.max(cols, r.size());
        out.add(new Block.Table(rows, headerRows, cols, ctx.top, tableEl, ctx.parent, rowEls));
    }

    private static List<Run> trim(List<Run> runs) {
        List<Run> r = new ArrayList<>(runs);
        while (!r.isEmpty() && r.get(0).text().isBlank()) r.remove(0);
        while (!r.isEmpty() && r.get(r.size() - 1).text().isBlank()) r.remove(r.size() - 1);
        if (!r.isEmpty()) {
            Run f = r.get(0);
            r.set(0, new Run(f.text().stripLeading(), f.style(), f.line()));
            Run l = r.get(r.size() - 1);
            r.set(r.size() - 1, new Run(l.text().stripTrailing(), l.style(), l.line()));
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Images

    private void picture(Image img, Ctx ctx, List<Block> out) {
        String url = img.getUrl().unescape();
        if (url.isEmpty()) return;
        int line = lines.of(img);
        var loaded = images.load(url, SourcePos.of(source, line), diagnostics);
        if (loaded.isEmpty()) return;
        int el = element();
        String title = img.getTitle().unescape();
        String alt = textOf(inlines.of(img, TextStyle.PLAIN, null));
        if (alt.isBlank()) {
            // Tagged PDF marks a picture without a description as decoration: screen readers skip it.
            diagnostics.add(Diagnostic.warning(SourcePos.of(source, line), "image '" + url + "' has no alt text",
                    "describe it between the brackets, ![what it shows](" + url + "), for readers who cannot see it"));
        }
        Block.Text caption = null;
        if (!title.isBlank()) {
            caption = new Block.Text(para(List.of(new Run(title, TextStyle.PLAIN.withItalic(true), line)), false, false),
                    Block.Kind.CAPTION, Role.CAPTION, element(), el, 0, ctx.top, null, false, 0, null, null, 0.3f, 0);
        }
        out.add(new Block.Picture(loaded.get().key(), loaded.get().data(), alt, caption, ctx.top, el, ctx.parent));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Endnotes

    private void notes(List<Block> out) {
        out.add(new Block.Rule(element()));
        int noteList = element();
        containers.add(Tag.of(Role.DIV, noteList, 0));
        out.add(new Block.Text(para(List.of(Run.of(notesLabel, TextStyle.PLAIN.withBold(true))), false, false),
                Block.Kind.NOTES_HEAD, Role.H1, element(), 0, 0, true, null, true, 1, notesLabel,
                "sec-" + (++sections), 0, 0.2f));
        for (Map.Entry<FootnoteBlock, Integer> e : inlines.footnotes()) {
            int n = e.getValue();
            List<Run> runs = new ArrayList<>();
            boolean firstPara = true;
            for (Node c = e.getKey().getFirstChild(); c != null; c = c.getNext()) {
                if (!firstPara) runs.add(Run.of("\n", TextStyle.PLAIN));
                runs.addAll(inlines.of(c, TextStyle.PLAIN, null));
                firstPara = false;
            }
            Paragraph marker = para(List.of(Run.of(n + ".", TextStyle.PLAIN.withBold(true))), false, false);
            out.add(new Block.Text(para(runs, true, false), Block.Kind.NOTE, Role.NOTE, element(), noteList, 1.6f,
                    false, marker, false, 0, null, "note-" + n, 0, 0.3f));
        }
    }
}
