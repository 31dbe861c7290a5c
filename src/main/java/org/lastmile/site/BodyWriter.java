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
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

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

    /** Thrown (without a stack trace) when the document needs Flexmark's own renderer after all. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

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
    private final StringBuilder out;
    private boolean pre;

    private BodyWriter(Setup setup, Hooks hooks, int capacity) {
        this.setup = setup;
        this.hooks = hooks;
        this.out = new StringBuilder(capacity);
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
        } catch (Unsupported e) {
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

    // ---- the line discipline of Flexmark's LineAppendable (no indentation, leading spaces of a line trimmed)

    private void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') out.append('\n');
    }

    private boolean atLineStart() {
        int n = out.length();
        return n == 0 || out.charAt(n - 1) == '\n';
    }

    /** Markup of our own, which never starts or ends a line with spaces. */
    private void raw(String s) {
        out.append(s);
    }

    /** A line end inside a paragraph; Flexmark would keep spaces before it, but they never occur: refuse them. */
    private void eol(String s) {
        int n = out.length();
        if (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) throw UNSUPPORTED;
        out.append(s);
    }

    /** Text, escaped as Flexmark's {@code html.text}; line formatting it would change is left to Flexmark. */
    private void text(CharSequence s) {
        int n = s.length();
        if (n == 0) return;
        if (pre) {
            escapeInto(s);
            return;
        }
        char first = s.charAt(0);
        if ((first == ' ' || first == '\t') && atLineStart()) throw UNSUPPORTED;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') throw UNSUPPORTED;
        }
        escapeInto(s);
    }

    /**
     * A text node: read straight from the document's string when its characters are one stretch of it (nearly
     * always), without the per-character calls of Flexmark's sequences; escapes and entities go the long way.
     */
    private void text(BasedSequence chars) {
        if (!(chars instanceof SubSequence sub) || !(sub.getBase() instanceof String str)) {
            text(ContentHtml.plainText(chars));
            return;
        }
        int from = sub.getStartOffset();
        int to = sub.getEndOffset();
        if (from == to) return;
        char first = str.charAt(from);
        if (!pre && (first == ' ' || first == '\t') && atLineStart()) throw UNSUPPORTED;
        int mark = out.length();
        int run = from;
        for (int i = from; i < to; i++) {
            String entity;
            switch (str.charAt(i)) {
                case '\\', '&', '\r' -> {
                    out.setLength(mark);
                    text(ContentHtml.plainText(chars));
                    return;
                }
                case '\n' -> {
                    if (!pre) throw UNSUPPORTED;
                    continue;
                }
                case '<' -> entity = "&lt;";
                case '>' -> entity = "&gt;";
                case '"' -> entity = "&quot;";
                default -> {
                    continue;
                }
            }
            out.append(str, run, i).append(entity);
            run = i + 1;
        }
        out.append(str, run, to);
    }

    private void escapeInto(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    private void open(String tag, MutableAttributes attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
    }

    private void attributes(MutableAttributes attrs) {
        if (attrs == null) return;
        for (Attribute a : attrs.values()) {
            if (a.isNonRendering()) continue;
            out.append(' ').append(attributeText(a.getName())).append("=\"").append(attributeText(a.getValue())).append('"');
        }
    }

    /** Flexmark's escaping of attributes (entities kept); its regular expression only when there is anything to do. */
    private static String attributeText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') return Escaping.escapeHtml(s, true);
        }
        return s;
    }

    // ---- nodes

    private void children(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) node(c);
    }

    private void node(Node n) {
        switch (n) {
            case Text t -> text(t.getChars());
            case SoftLineBreak b -> eol("\n");
            case HardLineBreak b -> eol("<br />\n");
            case Paragraph p -> paragraph(p);
            case Emphasis e -> inline("em", e);
            case StrongEmphasis e -> inline("strong", e);
            case Strikethrough s -> inline("del", s);
            case Code c -> {
                raw("<code>");
                text(Escaping.collapseWhitespace(c.getText(), true));
                raw("</code>");
            }
            case Link l -> link(l);
            case AutoLink a -> autoLink(a);
            case MailLink m -> {
                String text = m.getText().unescape();
                if (suppressed(m.getUrl())) {
                    text(text);
                } else {
                    MutableAttributes attrs = new MutableAttributes();
                    attrs.addValue("href", "mailto:" + text);
                    open("a", attrs);
                    text(text);
                    raw("</a>");
                }
            }
            case Image i -> image(i);
            case Heading h -> {
                line();
                MutableAttributes attrs = new MutableAttributes();
                hooks.attributes(h, AttributablePart.NODE, attrs);
                open("h" + h.getLevel(), attrs);
                children(h);
                raw("</h" + h.getLevel() + ">");
                line();
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
                line();
                raw("<li>");
                text(li.getMarkerSuffix().unescape());
                children(li);
                raw("</li>");
                line();
            }
            case BlockQuote q -> {
                line();
                raw("<blockquote>");
                line();
                children(q);
                line();
                raw("</blockquote>");
                line();
            }
            case ThematicBreak t -> {
                line();
                raw("<hr />");
                line();
            }
            case HtmlEntity e -> text(e.getChars().unescape());
            case HtmlInline h -> text(h.getChars().normalizeEOL());
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
            default -> throw UNSUPPORTED;
        }
    }

    private void inline(String tag, Node n) {
        raw("<" + tag + ">");
        children(n);
        raw("</" + tag + ">");
    }

    private void paragraph(Paragraph p) {
        Integer list = hooks.listNumber(p);
        Image figure = list == null ? hooks.figure(p) : null;
        if (list != null) {
            line();
            raw(ContentHtml.placeholder(list));
            line();
        } else if (figure != null) {
            line();
            raw("<figure>");
            children(p);
            raw("<figcaption>");
            text(figure.getTitle().toString());
            raw("</figcaption></figure>");
            line();
        } else if (p.getFirstChildAnyNot(NonRenderingInline.class) != null) {
            if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, setup.listOptions(), setup.options())) {
                children(p);
            } else {
                line();
                raw("<p>");
                children(p);
                raw("</p>");
                line();
            }
        }
    }

    private void list(String tag, Node l, MutableAttributes attrs) {
        line();
        open(tag, attrs);
        line();
        children(l);
        line();
        raw("</" + tag + ">");
        line();
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
        open("a", attrs);
        children(l);
        raw("</a>");
    }

    /** A link's or image's title; an empty one Flexmark writes or drops depending on the document: leave it to it. */
    private static void title(BasedSequence title, MutableAttributes attrs) {
        if (title.isNull()) return;
        String t = title.unescape();
        if (t.isEmpty()) throw UNSUPPORTED;
        attrs.addValue("title", t);
    }

    private void autoLink(AutoLink a) {
        String text = a.getText().toString();
        if (suppressed(a.getUrl())) {
            text(text);
            return;
        }
        MutableAttributes attrs = new MutableAttributes();
        attrs.addValue("href", text.startsWith("www.") ? setup.wwwPrefix() + text : text);
        hooks.attributes(a, AttributablePart.LINK, attrs);
        open("a", attrs);
        text(text);
        raw("</a>");
    }

    private void image(Image i) {
        if (suppressed(i.getUrl())) return;
        if (!i.getUrlContent().isEmpty()) throw UNSUPPORTED;
        MutableAttributes attrs = new MutableAttributes();
        attrs.addValue("src", i.getUrl().unescape());
        attrs.addValue("alt", new TextCollectingVisitor().collectAndGetText(i));
        title(i.getTitle(), attrs);
        hooks.attributes(i, AttributablePart.LINK, attrs);
        out.append("<img");
        attributes(attrs);
        out.append(" />");
    }

    private void table(TableBlock t) {
        line();
        raw("<table>");
        line();
        for (Node c = t.getFirstChild(); c != null; c = c.getNext()) {
            switch (c) {
                case TableHead h -> section("thead", h);
                case TableBody b -> section("tbody", b);
                case TableSeparator s -> { }
                default -> throw UNSUPPORTED;
            }
        }
        line();
        raw("</table>");
        line();
    }

    private void section(String tag, Node s) {
        line();
        raw("<" + tag + ">");
        for (Node r = s.getFirstChild(); r != null; r = r.getNext()) {
            if (!(r instanceof TableRow)) throw UNSUPPORTED;
            line();
            raw("<tr>");
            for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof TableCell cell)) throw UNSUPPORTED;
                String name = cell.isHeader() ? "th" : "td";
                if (cell.getAlignment() != null) {
                    out.append('<').append(name).append(" align=\"").append(switch (cell.getAlignment()) {
                        case LEFT -> "left";
                        case CENTER -> "center";
                        case RIGHT -> "right";
                    }).append("\">");
                } else {
                    raw("<" + name + ">");
                }
                children(cell);
                raw("</" + name + ">");
            }
            raw("</tr>");
            line();
        }
        raw("</" + tag + ">");
        line();
    }

    private void footnote(Footnote f) {
        FootnoteBlock block = f.getFootnoteBlock();
        if (block == null) {
            raw("[^");
            children(f);
            raw("]");
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
        open("a", attrs);
        out.append(ordinal);
        raw("</a></sup>");
    }

    /** The footnotes section Flexmark writes after the body: the blocks referenced, in order of first reference. */
    private void footnotes(Document doc) {
        var repository = FootnoteExtension.FOOTNOTES.get(doc);
        if (repository.getReferencedFootnoteBlocks().isEmpty()) return;
        line();
        raw("<div class=\"footnotes\">");
        line();
        raw("<hr />");
        line();
        raw("<ol>");
        line();
        for (FootnoteBlock block : repository.getReferencedFootnoteBlocks()) {
            int ordinal = block.getFootnoteOrdinal();
            line();
            out.append("<li id=\"fn-").append(ordinal).append("\">");
            line();
            children(block);
            for (int i = 0; i < block.getFootnoteReferences(); i++) {
                MutableAttributes attrs = new MutableAttributes();
                attrs.addValue("href", "#fnref-" + ordinal + (i == 0 ? "" : "-" + i));
                if (!setup.backRefClass().isEmpty()) attrs.addValue("class", setup.backRefClass());
                hooks.attributes(doc, AttributablePart.NODE, attrs);
                line();
                open("a", attrs);
                raw(setup.backRef());
                raw("</a>");
            }
            line();
            raw("</li>");
            line();
        }
        line();
        raw("</ol>");
        line();
        line();
        raw("</div>");
        line();
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
        line();
        raw("<pre><code");
        if (cls != null) out.append(" class=\"").append(Escaping.escapeHtml(cls, true)).append('"');
        raw(">");
        pre = true;
        text(content);
        pre = false;
        raw("</code></pre>");
        line();
    }
}
