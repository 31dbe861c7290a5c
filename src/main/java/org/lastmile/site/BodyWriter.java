package org.lastmile.site;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.Set;

/**
 * Writes a document body as HTML straight into one StringBuilder: byte for byte what Flexmark's HtmlRenderer writes
 * with {@link ContentHtml}'s options, at a fraction of the CPU (Flexmark passes every character through its
 * line-formatting machinery, about a fifth of a site build). It knows the node types sites use; for a document
 * holding any other node, or text whose line formatting it does not reproduce (text starting a line with a space,
 * text with line breaks of its own), {@link #write} returns null and the document is rendered by Flexmark, so nothing
 * unusual is ever rendered differently. {@code BodyWriterTest} holds the two writers to the same output.
 */
final class BodyWriter {
    /** The node types written here; their exact classes, since a subclass may come with its own Flexmark renderer. */
    private static final Set<Class<?>> KNOWN = Set.of(Document.class, Paragraph.class, Text.class, TextBase.class,
            SoftLineBreak.class, HardLineBreak.class, Emphasis.class, StrongEmphasis.class, Strikethrough.class, Code.class,
            Link.class, AutoLink.class, MailLink.class, Image.class, Heading.class, BulletList.class, OrderedList.class,
            BulletListItem.class, OrderedListItem.class, BlockQuote.class, ThematicBreak.class, HtmlEntity.class,
            Reference.class, HtmlCommentBlock.class, HtmlInlineComment.class, HtmlInline.class, TableBlock.class,
            TableHead.class, TableSeparator.class, TableBody.class, TableRow.class, TableCell.class, Footnote.class,
            FootnoteBlock.class, FencedCodeBlock.class, IndentedCodeBlock.class);

    /** What the writer shares with ContentHtml's Flexmark renderer: its options and its attribute provider. */
    record Setup(ListOptions listOptions, DataHolder options, java.util.regex.Pattern suppressedLinks, String wwwPrefix,
                 String backRef, String refClass, String backRefClass) {
        static Setup of(DataHolder options) {
            String suppressed = com.vladsch.flexmark.html.HtmlRenderer.SUPPRESSED_LINKS.get(options);
            return new Setup(ListOptions.get(options), options,
                    suppressed.isEmpty() ? null : java.util.regex.Pattern.compile(suppressed),
                    com.vladsch.flexmark.html.HtmlRenderer.AUTOLINK_WWW_PREFIX.get(options),
                    FootnoteExtension.FOOTNOTE_BACK_REF_STRING.get(options),
                    FootnoteExtension.FOOTNOTE_LINK_REF_CLASS.get(options),
                    FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS.get(options));
        }
    }

    /** The per-document hooks: the attribute provider, and the paragraph numbers of embedded lists. */
    interface Hooks {
        void attributes(Node node, AttributablePart part, MutableAttributes attrs);

        Integer listNumber(Paragraph p);

        Image figure(Paragraph p);
    }

    private final Setup setup;
    private final Hooks hooks;
    private final HtmlLines out;

    private BodyWriter(Setup setup, Hooks hooks, int capacity) {
        this.setup = setup;
        this.hooks = hooks;
        this.out = new HtmlLines(capacity);
    }

    /** The HTML of {@code doc}, or null when only Flexmark's renderer can write it exactly. */
    static String write(Setup setup, Document doc, Hooks hooks) {
        if (!known(doc)) return null;
        BodyWriter w = new BodyWriter(setup, hooks, doc.getChars().length() * 5 / 4 + 256);
        // As Flexmark's footnote renderer does before the body: number the notes.
        FootnoteExtension.FOOTNOTES.get(doc).resolveFootnoteOrdinals();
        try {
            w.children(doc);
            w.footnotes(doc);
        } catch (HtmlLines.Unsupported e) {
            return null;
        }
        return w.out.toString();
    }

    private static boolean known(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (!KNOWN.contains(c.getClass()) || !known(c)) return false;
        }
        return true;
    }

    // ---- nodes

    private void children(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) node(c);
    }

    private void node(Node n) {
        switch (n) {
            case Text t -> out.text(t.getChars());
            case SoftLineBreak b -> out.eol("\n");
            case HardLineBreak b -> out.eol("<br />\n");
            case Paragraph p -> paragraph(p);
            case Emphasis e -> inline("em", e);
            case StrongEmphasis e -> inline("strong", e);
            case Strikethrough s -> inline("del", s);
            case Code c -> {
                out.raw("<code>");
                out.text(Escaping.collapseWhitespace(c.getText(), true));
                out.raw("</code>");
            }
            case Link l -> link(l);
            case AutoLink a -> autoLink(a);
            case MailLink m -> {
                String text = m.getText().unescape();
                if (suppressed(m.getUrl())) {
                    out.text(text);
                } else {
                    MutableAttributes attrs = new MutableAttributes();
                    attrs.addValue("href", "mailto:" + text);
                    out.open("a", attrs);
                    out.text(text);
                    out.raw("</a>");
                }
            }
            case Image i -> image(i);
            case Heading h -> {
                out.line();
                MutableAttributes attrs = new MutableAttributes();
                hooks.attributes(h, AttributablePart.NODE, attrs);
                out.open("h" + h.getLevel(), attrs);
                children(h);
                out.raw("</h" + h.getLevel() + ">");
                out.line();
            }
            case BulletList l -> list("ul", l, null);
            case OrderedList l -> {
                MutableAttributes attrs = null;
                if (setup.listOptions().isOrderedListManualStart() && l.getStartNumber() != 1) {
                    attrs = new MutableAttributes();
                    attrs.addValue("start", String.valueOf(l.getStartNumber()));
                }
                list("ol", l, attrs);
            }
            case ListItem li -> {
                out.line();
                out.raw("<li>");
                out.text(li.getMarkerSuffix().unescape());
                children(li);
                out.raw("</li>");
                out.line();
            }
            case BlockQuote q -> {
                out.line();
                out.raw("<blockquote>");
                out.line();
                children(q);
                out.line();
                out.raw("</blockquote>");
                out.line();
            }
            case ThematicBreak t -> {
                out.line();
                out.raw("<hr />");
                out.line();
            }
            case HtmlEntity e -> out.text(e.getChars().unescape());
            case HtmlInline h -> out.text(h.getChars().normalizeEOL());
            case TextBase t -> children(t);
            case TableBlock t -> table(t);
            case Footnote f -> footnote(f);
            case FencedCodeBlock f -> fenced(f);
            case IndentedCodeBlock c -> code(null, c.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
            case Reference r -> { }
            case HtmlCommentBlock c -> { }
            case HtmlInlineComment c -> { }
            case FootnoteBlock f -> { }
            case TableSeparator s -> { }
            default -> throw HtmlLines.UNSUPPORTED;
        }
    }

    private void inline(String tag, Node n) {
        out.raw("<" + tag + ">");
        children(n);
        out.raw("</" + tag + ">");
    }

    private void paragraph(Paragraph p) {
        Integer list = hooks.listNumber(p);
        Image figure = list == null ? hooks.figure(p) : null;
        if (list != null) {
            out.line();
            out.raw(ContentHtml.placeholder(list));
            out.line();
        } else if (figure != null) {
            out.line();
            out.raw("<figure>");
            children(p);
            out.raw("<figcaption>");
            out.text(figure.getTitle().toString());
            out.raw("</figcaption></figure>");
            out.line();
        } else if (p.getFirstChildAnyNot(NonRenderingInline.class) != null) {
            if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, setup.listOptions(), setup.options())) {
                children(p);
            } else {
                out.line();
                out.raw("<p>");
                children(p);
                out.raw("</p>");
                out.line();
            }
        }
    }

    private void list(String tag, Node l, MutableAttributes attrs) {
        out.line();
        out.open(tag, attrs);
        out.line();
        children(l);
        out.line();
        out.raw("</" + tag + ">");
        out.line();
    }

    private boolean suppressed(CharSequence url) {
        return setup.suppressedLinks() != null && setup.suppressedLinks().matcher(url).matches();
    }

    private void link(Link l) {
        if (suppressed(l.getUrl())) {
            children(l);
            return;
        }
        MutableAttributes attrs = new MutableAttributes();
        attrs.addValue("href", l.getUrl().unescape());
        title(l.getTitle(), attrs);
        hooks.attributes(l, AttributablePart.LINK, attrs);
        out.open("a", attrs);
        children(l);
        out.raw("</a>");
    }

    /** A link's or image's title; an empty one Flexmark writes or drops depending on the document: leave it to it. */
    private static void title(BasedSequence title, MutableAttributes attrs) {
        if (title.isNull()) return;
        String t = title.unescape();
        if (t.isEmpty()) throw HtmlLines.UNSUPPORTED;
        attrs.addValue("title", t);
    }

    private void autoLink(AutoLink a) {
        String text = a.getText().toString();
        if (suppressed(a.getUrl())) {
            out.text(text);
            return;
        }
        MutableAttributes attrs = new MutableAttributes();
        attrs.addValue("href", text.startsWith("www.") ? setup.wwwPrefix() + text : text);
        hooks.attributes(a, AttributablePart.LINK, attrs);
        out.open("a", attrs);
        out.text(text);
        out.raw("</a>");
    }

    private void image(Image i) {
        if (suppressed(i.getUrl())) return;
        if (!i.getUrlContent().isEmpty()) throw HtmlLines.UNSUPPORTED;
        MutableAttributes attrs = new MutableAttributes();
        attrs.addValue("src", i.getUrl().unescape());
        attrs.addValue("alt", new TextCollectingVisitor().collectAndGetText(i));
        title(i.getTitle(), attrs);
        hooks.attributes(i, AttributablePart.LINK, attrs);
        out.append("<img");
        out.attributes(attrs);
        out.append(" />");
    }

    private void table(TableBlock t) {
        out.line();
        out.raw("<table>");
        out.line();
        for (Node c = t.getFirstChild(); c != null; c = c.getNext()) {
            switch (c) {
                case TableHead h -> section("thead", h);
                case TableBody b -> section("tbody", b);
                case TableSeparator s -> { }
                default -> throw HtmlLines.UNSUPPORTED;
            }
        }
        out.line();
        out.raw("</table>");
        out.line();
    }

    private void section(String tag, Node s) {
        out.line();
        out.raw("<" + tag + ">");
        for (Node r = s.getFirstChild(); r != null; r = r.getNext()) {
            if (!(r instanceof TableRow)) throw HtmlLines.UNSUPPORTED;
            out.line();
            out.raw("<tr>");
            for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof TableCell cell)) throw HtmlLines.UNSUPPORTED;
                String name = cell.isHeader() ? "th" : "td";
                if (cell.getAlignment() != null) {
                    out.append('<').append(name).append(" align=\"").append(switch (cell.getAlignment()) {
                        case LEFT -> "left";
                        case CENTER -> "center";
                        case RIGHT -> "right";
                    }).append("\">");
                } else {
                    out.raw("<" + name + ">");
                }
                children(cell);
                out.raw("</" + name + ">");
            }
            out.raw("</tr>");
            out.line();
        }
        out.raw("</" + tag + ">");
        out.line();
    }

    private void footnote(Footnote f) {
        FootnoteBlock block = f.getFootnoteBlock();
        if (block == null) {
            out.raw("[^");
            children(f);
            out.raw("]");
            return;
        }
        int ordinal = block.getFootnoteOrdinal();
        int i = f.getReferenceOrdinal();
        out.append("<sup id=\"fnref-").append(ordinal);
        if (i != 0) out.append('-').append(i);
        out.append("\">");
        MutableAttributes attrs = new MutableAttributes();
        if (!setup.refClass().isEmpty()) attrs.addValue("class", setup.refClass());
        attrs.addValue("href", "#fn-" + ordinal);
        hooks.attributes(f, AttributablePart.NODE, attrs);
        out.open("a", attrs);
        out.append(ordinal);
        out.raw("</a></sup>");
    }

    /** The footnotes section Flexmark writes after the body: the blocks referenced, in order of first reference. */
    private void footnotes(Document doc) {
        var repository = FootnoteExtension.FOOTNOTES.get(doc);
        if (repository.getReferencedFootnoteBlocks().isEmpty()) return;
        out.line();
        out.raw("<div class=\"footnotes\">");
        out.line();
        out.raw("<hr />");
        out.line();
        out.raw("<ol>");
        out.line();
        for (FootnoteBlock block : repository.getReferencedFootnoteBlocks()) {
            int ordinal = block.getFootnoteOrdinal();
            out.line();
            out.append("<li id=\"fn-").append(ordinal).append("\">");
            out.line();
            children(block);
            for (int i = 0; i < block.getFootnoteReferences(); i++) {
                MutableAttributes attrs = new MutableAttributes();
                attrs.addValue("href", "#fnref-" + ordinal + (i == 0 ? "" : "-" + i));
                if (!setup.backRefClass().isEmpty()) attrs.addValue("class", setup.backRefClass());
                hooks.attributes(doc, AttributablePart.NODE, attrs);
                out.line();
                out.open("a", attrs);
                out.raw(setup.backRef());
                out.raw("</a>");
            }
            out.line();
            out.raw("</li>");
            out.line();
        }
        out.line();
        out.raw("</ol>");
        out.line();
        out.line();
        out.raw("</div>");
        out.line();
    }

    private void fenced(FencedCodeBlock f) {
        BasedSequence info = f.getInfo();
        String cls = null;
        if (info.isNotNull() && !info.isBlank()) {
            cls = "language-" + f.getInfoDelimitedByAny(com.vladsch.flexmark.util.misc.CharPredicate.anyOf(" \t")).unescape();
        }
        code(cls, f.getContentChars().normalizeEOL());
    }

    private void code(String cls, String content) {
        out.line();
        out.raw("<pre><code");
        if (cls != null) out.append(" class=\"").append(Escaping.escapeHtml(cls, true)).append('"');
        out.raw(">");
        out.pre(true);
        out.text(content);
        out.pre(false);
        out.raw("</code></pre>");
        out.line();
    }
}
