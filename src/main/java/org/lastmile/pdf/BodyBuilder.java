package org.lastmile.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the Markdown syntax tree into {@link Block}s at one body size. Findings about the input (bad images, raw
 * HTML) go to the diagnostics list with file and line; missing glyphs are collected by the {@link Typesetter}.
 */
final class BodyBuilder {
    private static final String SOFT_BREAK = "\uE000";

    private final Typesetter ts;
    private final Look look;
    private final Path source;
    private final int lineOffset;
    private final Path bundleDir;
    private final List<Diagnostic> diagnostics;
    private final String notesLabel;
    private final boolean outlines;
    private final Map<FootnoteBlock, Integer> footnotes = new LinkedHashMap<>();
    private final Map<String, org.openpdf.text.Image> imageCache;
    private final float rail;
    private final List<Integer> sectionStarts = new ArrayList<>();
    private Document document;
    private boolean seenHeading;
    private int sections;

    BodyBuilder(Typesetter ts, Look look, Path source, int lineOffset, Path bundleDir, List<Diagnostic> diagnostics,
                String notesLabel, boolean outlines, Map<String, org.openpdf.text.Image> imageCache) {
        this(ts, look, source, lineOffset, bundleDir, diagnostics, notesLabel, outlines, imageCache, 0);
    }

    /**
     * @param rail width on the start side of the text block that running text leaves free: paragraphs, lists and
     *             notes are set in the narrower column beside it, while the standfirst, section headings, tables,
     *             callout boxes, images and rules span the whole block (0: everything spans the block)
     */
    BodyBuilder(Typesetter ts, Look look, Path source, int lineOffset, Path bundleDir, List<Diagnostic> diagnostics,
                String notesLabel, boolean outlines, Map<String, org.openpdf.text.Image> imageCache, float rail) {
        this.ts = ts;
        this.look = look;
        this.source = source;
        this.lineOffset = lineOffset;
        this.bundleDir = bundleDir;
        this.diagnostics = diagnostics;
        this.notesLabel = notesLabel;
        this.outlines = outlines;
        this.imageCache = imageCache;
        this.rail = Math.max(0, rail);
    }

    /** All blocks of the body, endnotes last. */
    List<Block> build(Document doc) {
        this.document = doc;
        List<Block> out = new ArrayList<>();
        blocks(doc, new Ctx(rail, false, false, true), out);
        if (!footnotes.isEmpty()) notes(out);
        return out;
    }

    /** Indices in {@link #build}'s list of the top-level section headings ({@code ##}), in order. */
    List<Integer> sectionStarts() {
        return List.copyOf(sectionStarts);
    }

    /** Plain text of the body (for word counts). */
    static String plainText(Node n) {
        StringBuilder b = new StringBuilder();
        plain(n, b);
        return b.toString();
    }

    private static void plain(Node n, StringBuilder b) {
        if (n instanceof Text || n instanceof Code) {
            b.append(n.getChars()).append(' ');
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            b.append(' ');
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            b.append(((com.vladsch.flexmark.util.ast.Block) n).getContentChars()).append(' ');
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) plain(c, b);
        if (n instanceof Paragraph || n instanceof Heading) b.append('\n');
    }

    /**
     * Context of nested blocks: start indent of running text, whether inside a quote box, tight list spacing, and
     * whether at the top level of the body (where headings, tables, boxes and images break out into the rail).
     */
    private record Ctx(float indent, boolean quote, boolean tight, boolean top) {
        /** Start indent of a block that spans the text block at the top level and follows its context elsewhere. */
        float wide() {
            return top ? 0 : indent;
        }
    }

    private int fileLine(Node n) {
        return lineOffset + n.getLineNumber() + 1;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void blocks(Node parent, Ctx ctx, List<Block> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) block(n, ctx, out);
    }

    private void block(Node n, Ctx ctx, List<Block> out) {
        switch (n) {
            case Heading h -> heading(h, ctx, out);
            case Paragraph p -> paragraph(p, ctx, out, null);
            case ListBlock l -> list(l, ctx, 0, out);
            case BlockQuote q -> quote(q, ctx, out);
            case FencedCodeBlock c -> code(c.getContentChars().toString(), c, ctx, out);
            case IndentedCodeBlock c -> code(c.getContentChars().toString(), c, ctx, out);
            case ThematicBreak t -> out.add(new Block.Rule(Look.HAIRLINE, 0.8f, look.size(), look.size()));
            case TableBlock t -> table(t, ctx, out);
            case FootnoteBlock f -> { /* set as endnotes */ }
            case Reference r -> { /* link reference definition */ }
            case HtmlCommentBlock c -> { /* comments are not content */ }
            case HtmlBlockBase h -> diagnostics.add(Diagnostic.warning(SourcePos.of(source, fileLine(h)),
                    "raw HTML is left out of the PDF", "write it in Markdown"));
            default -> {
                if (n.hasChildren()) blocks(n, ctx, out);
            }
        }
    }

    private void heading(Heading h, Ctx ctx, List<Block> out) {
        List<Run> runs = inlines(h, TextStyle.PLAIN.withBold(true), null);
        String title = textOf(runs);
        int level = Math.max(2, h.getLevel());
        seenHeading = true;
        if (level == 2 && outlines && !title.isEmpty()) runs = markFirst(runs, "sec-" + (++sections));
        if (level == 2) {
            if (ctx.top) sectionStarts.add(out.size());
            Phrase p = ts.phrase(runs, look.h2(), look.h2Leading(), look.primary());
            out.add(new Block.Text(p, look.h2(), look.h2Leading(), Element.ALIGN_LEFT, ctx.wide(), 0,
                    look.size() * 1.55f, look.size() * 0.5f, null, 0, true, true, outlines ? 1 : 0, title,
                    look.accent(), ratio(), ts.breaker, ts.cjk(), null));
        } else if (level == 3) {
            Phrase p = ts.phrase(runs, look.h3(), look.h3Leading(), look.primaryDark());
            out.add(new Block.Text(p, look.h3(), look.h3Leading(), Element.ALIGN_LEFT, ctx.indent, 0,
                    look.size() * 1.0f, look.size() * 0.3f, null, 0, true, true, outlines ? 2 : 0, title, null,
                    ratio(), ts.breaker, ts.cjk(), null));
        } else {
            Phrase p = ts.phrase(runs, look.size(), look.leading(), Look.INK);
            out.add(new Block.Text(p, look.size(), look.leading(), Element.ALIGN_LEFT, ctx.indent, 0,
                    look.size() * 0.8f, look.size() * 0.2f, null, 0, true, true, outlines ? 3 : 0, title, null,
                    ratio(), ts.breaker, ts.cjk(), null));
        }
    }

    /**
     * Body text is justified: Chinese and Japanese by spacing between characters, languages with spaces by widening
     * the spaces only (never letter-spacing), and the last line of a paragraph at natural spacing (see {@link Flow}).
     */
    private int bodyAlignment() {
        return Element.ALIGN_JUSTIFIED;
    }

    private float ratio() {
        return ts.cjk() ? 2.5f : PdfWriter.NO_SPACE_CHAR_RATIO;
    }

    private void paragraph(Paragraph p, Ctx ctx, List<Block> out, ListMarker marker) {
        List<Image> images = new ArrayList<>();
        boolean lead = !seenHeading && ctx.top && marker == null;
        List<Run> runs = inlines(p, TextStyle.PLAIN, images);
        boolean hasText = !textOf(runs).isBlank();
        if (hasText || marker != null) {
            float size;
            float leading;
            Color color = Look.INK;
            int align = bodyAlignment();
            if (ctx.quote) {
                size = look.quoteSize();
                leading = look.quoteLeading();
                color = look.primaryDark();
                align = Element.ALIGN_LEFT;
            } else if (lead) {
                size = look.leadSize();
                leading = look.leadLeading();
                color = look.primaryDark();
                if (!ts.cjk()) align = Element.ALIGN_LEFT; // a standfirst reads best ragged
            } else {
                size = look.size();
                leading = look.leading();
            }
            if (ctx.quote) runs = restyle(runs, TextStyle.PLAIN.withItalic(true));
            Phrase ph = ts.phrase(runs, size, leading, color);
            float spaceAfter = ctx.tight ? look.size() * 0.28f : look.paraSpace();
            if (lead) spaceAfter = look.paraSpace() * 1.3f;
            Phrase mk = marker == null ? null : marker.phrase;
            float indent = lead ? ctx.wide() : ctx.indent;
            out.add(new Block.Text(ph, size, leading, align, indent, 0, ctx.tight ? look.size() * 0.28f : 0,
                    spaceAfter, mk, look.markerGap(), false, false, 0, null, null, ratio(), ts.breaker, ts.cjk(),
                    null));
        }
        for (Image img : images) picture(img, ctx, out);
    }

    /** The runs with a named destination on the first non-empty one (target of footnote and contents links). */
    private static List<Run> markFirst(List<Run> runs, String name) {
        List<Run> r = new ArrayList<>(runs);
        for (int i = 0; i < r.size(); i++) {
            Run run = r.get(i);
            if (!run.text().isBlank()) {
                r.set(i, new Run(run.text(), run.style().withLocalDestination(name), run.line()));
                return r;
            }
        }
        r.add(0, Run.of("\u00A0", TextStyle.PLAIN.withLocalDestination(name)));
        return r;
    }

    private static List<Run> restyle(List<Run> runs, TextStyle add) {
        List<Run> r = new ArrayList<>(runs.size());
        for (Run run : runs) {
            TextStyle s = run.style();
            if (add.italic()) s = s.withItalic(true);
            if (add.bold()) s = s.withBold(true);
            r.add(new Run(run.text(), s, run.line()));
        }
        return r;
    }

    private static String textOf(List<Run> runs) {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) b.append(r.text());
        return b.toString().replace('\n', ' ').trim();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Lists

    private record ListMarker(Phrase phrase) {
    }

    private void list(ListBlock l, Ctx ctx, int depth, List<Block> out) {
        boolean ordered = l instanceof OrderedList;
        int number = ordered ? ((OrderedList) l).getStartNumber() : 0;
        char delim = ordered ? ((OrderedList) l).getDelimiter() : '.';
        boolean tight = l.isTight();
        float indent = ctx.indent + look.listIndent() + (ordered && depth == 0 ? look.size() * 0.2f : 0);
        // Beside a rail, a top-level list keeps the column's measure: its bullets and numbers hang in the rail.
        if (ctx.top && rail >= look.listIndent() + look.size()) indent = ctx.indent;
        Ctx inner = new Ctx(indent, ctx.quote, tight, false);
        int startIndex = out.size();
        for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem li)) continue;
            Phrase marker;
            if (ordered) {
                marker = ts.phrase(List.of(new Run(number + String.valueOf(delim),
                        TextStyle.PLAIN.withBold(true), fileLine(li))), look.size(), look.leading(), look.primary());
                number++;
            } else {
                String bullet = depth == 0 ? "\u2022" : "\u2013";
                marker = ts.phrase(List.of(new Run(bullet, TextStyle.PLAIN.withBold(depth == 0), fileLine(li))),
                        look.size(), look.leading(), depth == 0 ? look.accent() : look.primary());
            }
            boolean first = true;
            for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    paragraph(p, inner, out, first ? new ListMarker(marker) : null);
                    first = false;
                } else if (c instanceof ListBlock sub) {
                    if (first) {
                        paragraphMarkerOnly(marker, inner, out);
                        first = false;
                    }
                    list(sub, inner, depth + 1, out);
                } else {
                    if (first) {
                        paragraphMarkerOnly(marker, inner, out);
                        first = false;
                    }
                    block(c, inner, out);
                }
            }
            if (first) paragraphMarkerOnly(marker, inner, out);
        }
        // space around the whole list like a paragraph
        if (out.size() > startIndex && depth == 0) {
            Block firstB = out.get(startIndex);
            if (firstB instanceof Block.Text t) {
                out.set(startIndex, withSpace(t, Math.max(t.spaceBefore(), look.paraSpace() * 0.4f), t.spaceAfter()));
            }
            Block lastB = out.get(out.size() - 1);
            if (lastB instanceof Block.Text t) {
                out.set(out.size() - 1, withSpace(t, t.spaceBefore(), look.paraSpace()));
            }
        }
    }

    private void paragraphMarkerOnly(Phrase marker, Ctx ctx, List<Block> out) {
        Phrase empty = ts.phrase(List.of(Run.of("\u00A0", TextStyle.PLAIN)), look.size(), look.leading(), Look.INK);
        out.add(new Block.Text(empty, look.size(), look.leading(), Element.ALIGN_LEFT, ctx.indent, 0, 0,
                look.size() * 0.28f, marker, look.markerGap(), true, false, 0, null, null, ratio(), ts.breaker, ts.cjk(),
                null));
    }

    private static Block.Text withSpace(Block.Text t, float before, float after) {
        return new Block.Text(t.phrase(), t.size(), t.leading(), t.alignment(), t.indentStart(), t.indentEnd(), before,
                after, t.marker(), t.markerGap(), t.keepWithNext(), t.keepTogether(), t.outlineLevel(),
                t.outlineTitle(), t.ruleAbove(), t.spaceRatio(), t.breaker(), t.cjk(), null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Quotes, code, rules

    private void quote(BlockQuote q, Ctx ctx, List<Block> out) {
        List<Block> children = new ArrayList<>();
        blocks(q, new Ctx(0, true, false, false), children);
        if (children.isEmpty()) return;
        Block first = children.get(0);
        if (first instanceof Block.Text t) children.set(0, withSpace(t, 0, t.spaceAfter()));
        out.add(new Block.Box(children, look.tint(0.09f), look.accent(), 3f, look.size() * 0.85f, ctx.wide(),
                look.size() * 0.9f, look.size() * 1.0f));
    }

    private void code(String text, Node n, Ctx ctx, List<Block> out) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        Phrase p = ts.phrase(List.of(new Run(t, TextStyle.PLAIN, fileLine(n))), look.small(), look.smallLeading(),
                Look.INK);
        Block.Text tb = new Block.Text(p, look.small(), look.smallLeading(), Element.ALIGN_LEFT, 0, 0, 0, 0, null, 0,
                false, false, 0, null, null, ratio(), ts.breaker, ts.cjk(), null);
        out.add(new Block.Box(List.of(tb), new Color(0xF1, 0xF3, 0xF5), null, 0, look.size() * 0.6f, ctx.wide(),
                look.paraSpace(), look.paraSpace()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tables

    private record CellSpec(List<Run> runs, boolean header, int align) {
    }

    private void table(TableBlock t, Ctx ctx, List<Block> out) {
        List<List<CellSpec>> rows = new ArrayList<>();
        int headerRows = 0;
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof com.vladsch.flexmark.ext.tables.TableSeparator) continue;
            boolean head = section instanceof TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow row)) continue;
                List<CellSpec> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    List<Run> runs = inlines(cell, head ? TextStyle.PLAIN.withBold(true) : TextStyle.PLAIN, null);
                    int align = Element.ALIGN_LEFT;
                    if (cell.getAlignment() == TableCell.Alignment.CENTER) align = Element.ALIGN_CENTER;
                    if (cell.getAlignment() == TableCell.Alignment.RIGHT) align = Element.ALIGN_RIGHT;
                    cells.add(new CellSpec(trim(runs), head, align));
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                    if (head) headerRows++;
                }
            }
        }
        if (rows.isEmpty()) return;
        int cols = 0;
        for (List<CellSpec> r : rows) cols = Math.max(cols, r.size());
        final int ncols = cols;
        final int nHeader = headerRows;
        float size = look.tableSize();
        float leading = look.tableLeading();
        float pad = size * 0.55f;
        // natural and minimum widths per column
        float[] natural = new float[ncols];
        float[] min = new float[ncols];
        for (List<CellSpec> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                natural[i] = Math.max(natural[i], ts.width(r.get(i).runs, size) + 2 * pad + 1);
                min[i] = Math.max(min[i], ts.minWidth(r.get(i).runs, size) + 2 * pad + 1);
            }
        }
        // Build the phrases once: glyph checks happen here, not per layout attempt.
        List<List<Phrase>> phrases = new ArrayList<>();
        for (List<CellSpec> r : rows) {
            List<Phrase> pr = new ArrayList<>();
            for (CellSpec c : r) {
                Color color = c.header ? Color.WHITE : Look.INK;
                pr.add(ts.phrase(c.runs, size, leading, color));
            }
            phrases.add(pr);
        }
        int runDir = ts.runDirection();
        Color headBg = look.primary();
        Color stripe = look.tint(0.07f);
        out.add(new Block.Table(width -> {
            float[] w = columnWidths(natural, min, width);
            PdfPTable table = new PdfPTable(ncols);
            try {
                table.setTotalWidth(w);
            } catch (org.openpdf.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
            table.setLockedWidth(true);
            table.setHeaderRows(nHeader);
            table.setRunDirection(runDir);
            table.setSplitLate(false);
            for (int r = 0; r < rows.size(); r++) {
                List<CellSpec> row = rows.get(r);
                for (int c = 0; c < ncols; c++) {
                    CellSpec spec = c < row.size() ? row.get(c) : new CellSpec(List.of(), row.get(0).header, 0);
                    Phrase ph = c < row.size() ? phrases.get(r).get(c)
                            : ts.phrase(List.of(), size, leading, Look.INK);
                    PdfPCell cell = new PdfPCell(ph);
                    cell.setRunDirection(runDir);
                    cell.setLeading(leading, 0);
                    cell.setPaddingLeft(pad);
                    cell.setPaddingRight(pad);
                    cell.setPaddingTop(pad * 0.55f);
                    cell.setPaddingBottom(pad * 0.85f);
                    cell.setUseAscender(true);
                    cell.setUseDescender(true);
                    cell.setHorizontalAlignment(spec.align);
                    cell.setVerticalAlignment(Element.ALIGN_TOP);
                    cell.setBorder(Rectangle.BOTTOM);
                    cell.setBorderWidth(0.5f);
                    cell.setBorderColor(Look.HAIRLINE);
                    if (spec.header) {
                        cell.setBackgroundColor(headBg);
                        cell.setBorder(Rectangle.NO_BORDER);
                    } else if ((r - nHeader) % 2 == 1) {
                        cell.setBackgroundColor(stripe);
                    }
                    table.addCell(cell);
                }
            }
            return table;
        }, ctx.wide(), look.paraSpace() * 1.2f, look.paraSpace() * 1.4f));
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

    /** Column widths: natural widths if they fit, else shrink towards the minimum in proportion to the slack. */
    static float[] columnWidths(float[] natural, float[] min, float avail) {
        int n = natural.length;
        float[] w = new float[n];
        float sumNat = 0;
        float sumMin = 0;
        for (int i = 0; i < n; i++) {
            min[i] = Math.min(min[i], natural[i]);
            sumNat += natural[i];
            sumMin += min[i];
        }
        if (sumNat <= avail) {
            // spread the spare width in proportion to natural width: tables span the column
            for (int i = 0; i < n; i++) w[i] = natural[i] + (avail - sumNat) * natural[i] / sumNat;
        } else if (sumMin >= avail) {
            for (int i = 0; i < n; i++) w[i] = avail * min[i] / sumMin;
        } else {
            float slack = sumNat - sumMin;
            float extra = avail - sumMin;
            for (int i = 0; i < n; i++) w[i] = min[i] + extra * (natural[i] - min[i]) / slack;
        }
        return w;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Images

    private void picture(Image img, Ctx ctx, List<Block> out) {
        String url = img.getUrl().unescape();
        if (url.isEmpty()) return;
        org.openpdf.text.Image image = loadImage(url, fileLine(img));
        if (image == null) return;
        Block.Text caption = null;
        String title = img.getTitle().unescape();
        if (!title.isBlank()) {
            Phrase p = ts.phrase(List.of(new Run(title, TextStyle.PLAIN.withItalic(true), fileLine(img))),
                    look.small(), look.smallLeading(), Look.MUTED);
            caption = new Block.Text(p, look.small(), look.smallLeading(), Element.ALIGN_LEFT, ctx.wide(), 0,
                    look.size() * 0.3f, 0, null, 0, false, true, 0, null, null, ratio(), ts.breaker, ts.cjk(), null);
        }
        out.add(new Block.Picture(image, look.size() * 24, caption, look.paraSpace(), look.paraSpace()));
    }

    private org.openpdf.text.Image loadImage(String url, int line) {
        SourcePos pos = SourcePos.of(source, line);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + " is not a file of this paper",
                    "put the image in the paper's folder and link it with a relative path"));
            return null;
        }
        if (lower.endsWith(".svg")) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + ": SVG cannot be placed in the PDF",
                    "use a PNG or JPEG version"));
            return null;
        }
        if (bundleDir == null) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + " cannot be found (no folder to look in)", null));
            return null;
        }
        String clean = url;
        int q = clean.indexOf('?');
        if (q >= 0) clean = clean.substring(0, q);
        int h = clean.indexOf('#');
        if (h >= 0) clean = clean.substring(0, h);
        clean = java.net.URLDecoder.decode(clean.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        Path file = bundleDir.resolve(clean).normalize();
        String key = file.toString();
        if (imageCache.containsKey(key)) return imageCache.get(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            org.openpdf.text.Image image = ImageFiles.read(bytes);
            imageCache.put(key, image);
            return image;
        } catch (java.nio.file.NoSuchFileException e) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + " not found", "expected at " + file));
        } catch (ImageFiles.Refused e) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + " " + e.getMessage(), e.hint()));
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error(pos, "image " + url + " cannot be read: " + e.getMessage(),
                    "use a PNG or JPEG file"));
        }
        imageCache.put(key, null);
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Endnotes

    private void notes(List<Block> out) {
        float size = look.small();
        float leading = look.smallLeading();
        List<Run> headRuns = List.of(Run.of(notesLabel, TextStyle.PLAIN.withBold(true)));
        if (outlines) headRuns = markFirst(headRuns, "sec-" + (++sections));
        Phrase head = ts.phrase(headRuns, look.size(), look.leading(), look.primaryDark());
        out.add(new Block.Rule(Look.HAIRLINE, 0.6f, look.size() * 1.2f, look.size() * 0.4f));
        out.add(new Block.Text(head, look.size(), look.leading(), Element.ALIGN_LEFT, 0, 0, 0, look.size() * 0.2f,
                null, 0, true, true, outlines ? 1 : 0, notesLabel, null, ratio(), ts.breaker, ts.cjk(), null));
        for (Map.Entry<FootnoteBlock, Integer> e : new ArrayList<>(footnotes.entrySet())) {
            int n = e.getValue();
            List<Run> runs = new ArrayList<>();
            boolean firstPara = true;
            for (Node c = e.getKey().getFirstChild(); c != null; c = c.getNext()) {
                if (!firstPara) runs.add(Run.of("\n", TextStyle.PLAIN));
                if (c instanceof Paragraph p) {
                    runs.addAll(inlines(p, TextStyle.PLAIN, null));
                } else {
                    runs.addAll(inlines(c, TextStyle.PLAIN, null));
                }
                firstPara = false;
            }
            runs = markFirst(runs, "note-" + n);
            Phrase marker = ts.phrase(List.of(Run.of(n + ".", TextStyle.PLAIN.withBold(true))), size, leading,
                    look.primary());
            Phrase p = ts.phrase(runs, size, leading, Look.INK);
            out.add(new Block.Text(p, size, leading, Element.ALIGN_LEFT, rail + size * 1.9f, 0, 0, size * 0.3f, marker,
                    size * 0.4f, false, false, 0, null, null, ratio(), ts.breaker, ts.cjk(), null));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Inline content

    /** The inline runs of a node; images are appended to {@code images} (or set as their alt text if null). */
    List<Run> inlines(Node parent, TextStyle style, List<Image> images) {
        List<Run> out = new ArrayList<>();
        inline(parent, style, out, images);
        return resolveSoftBreaks(out);
    }

    private void inline(Node parent, TextStyle st, List<Run> out, List<Image> images) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            int line = fileLine(n);
            switch (n) {
                case Text t -> out.add(new Run(t.getChars().unescape(), st, line));
                case Code c -> out.add(new Run(c.getText().toString(), st.withCode(true), line));
                case Emphasis e -> inline(e, st.withItalic(true), out, images);
                case StrongEmphasis s -> inline(s, st.withBold(true), out, images);
                case Strikethrough s -> inline(s, st.withStrike(true), out, images);
                case Link l -> inline(l, linkStyle(st, l.getUrl().unescape()), out, images);
                case LinkRef l -> {
                    Reference ref = l.isDefined() ? l.getReferenceNode(document) : null;
                    if (ref != null) {
                        if (l.getText().isEmpty() || !l.hasChildren()) {
                            out.add(new Run(l.getReference().unescape(), linkStyle(st, ref.getUrl().unescape()), line));
                        } else {
                            inline(l, linkStyle(st, ref.getUrl().unescape()), out, images);
                        }
                    } else {
                        out.add(new Run(l.getChars().unescape(), st, line));
                    }
                }
                case AutoLink a -> out.add(new Run(a.getText().unescape(), linkStyle(st, a.getUrl().unescape()), line));
                case MailLink m -> out.add(new Run(m.getText().unescape(),
                        linkStyle(st, "mailto:" + m.getText().unescape()), line));
                case Image img -> {
                    if (images != null) images.add(img);
                    else inline(img, st, out, null);
                }
                case ImageRef img -> inline(img, st, out, null);
                case SoftLineBreak s -> out.add(new Run(SOFT_BREAK, st, line));
                case HardLineBreak h -> out.add(new Run("\n", st, line));
                case Footnote f -> footnoteRef(f, st, out, line);
                case HtmlEntity e -> out.add(new Run(e.getChars().unescape(), st, line));
                case HtmlInlineComment c -> { }
                case HtmlInlineBase h -> { }
                default -> {
                    if (n.hasChildren()) inline(n, st, out, images);
                    else if (!n.getChars().isEmpty()) out.add(new Run(n.getChars().unescape(), st, line));
                }
            }
        }
    }

    private TextStyle linkStyle(TextStyle st, String url) {
        return st.withLink(url).withColor(look.primary());
    }

    private void footnoteRef(Footnote f, TextStyle st, List<Run> out, int line) {
        FootnoteBlock block = f.getFootnoteBlock();
        if (block == null) {
            out.add(new Run(f.getChars().unescape(), st, line));
            return;
        }
        int n = footnotes.computeIfAbsent(block, b -> footnotes.size() + 1);
        out.add(new Run(Integer.toString(n), st.withSuperscript(true).withLocalGoto("note-" + n)
                .withColor(look.primary()), line));
    }

    /**
     * A soft line break is a space, except between two characters of languages written without spaces (a Chinese
     * sentence wrapped in the source must not get a space in the middle).
     */
    private static List<Run> resolveSoftBreaks(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (!r.text().equals(SOFT_BREAK)) {
                out.add(r);
                continue;
            }
            int before = lastChar(out);
            int after = i + 1 < runs.size() ? firstChar(runs.get(i + 1).text()) : -1;
            if (before < 0 || after < 0) continue;
            // CSS Text 3 segment break rule: removed between two wide (CJK) characters, a space otherwise.
            String sep = isSpaceless(before) && isSpaceless(after) ? "" : " ";
            out.add(new Run(sep, r.style(), r.line()));
        }
        return out;
    }

    private static boolean isSpaceless(int cp) {
        if (cp < 0) return false;
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        boolean hangul = com.ibm.icu.lang.UScript.getScript(cp) == com.ibm.icu.lang.UScript.HANGUL;
        return !hangul && (eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH);
    }

    private static int lastChar(List<Run> runs) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            String t = runs.get(i).text();
            if (!t.isEmpty()) return t.codePointBefore(t.length());
        }
        return -1;
    }

    private static int firstChar(String t) {
        return t.isEmpty() || t.equals(SOFT_BREAK) ? -1 : t.codePointAt(0);
    }

    static Map<String, org.openpdf.text.Image> newImageCache() {
        return new HashMap<>();
    }
}
