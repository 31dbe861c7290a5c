package org.lastmile.site;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.lastmile.markdown.Markdown;
import org.lastmile.markdown.ParsedDoc;
import org.lastmile.text.Xml;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders a parsed document's body to HTML: heading ids from the Markdown stage, links to untranslated pages marked
 * with their language, tables wrapped for horizontal scrolling, and raw HTML escaped (never passed through).
 */
public final class ContentHtml {
    /** What one document's rendering needs to know beyond its tree. */
    private record Context(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle,
                           Map<Node, Integer> lists, Supplier<String> footnoteBack) {
    }

    /**
     * Where an embedded list goes: an HTML comment no Markdown can produce (raw HTML is escaped), replaced by the
     * rendered list when the page is rendered.
     */
    static String placeholder(int n) {
        return "<!--lastmile-list:" + n + "-->";
    }

    // One renderer serves every document (and thread); each render finds its context by its document node.
    private final Map<Node, Context> contexts = new java.util.concurrent.ConcurrentHashMap<>();
    private final HtmlRenderer renderer;
    private final BodyWriter.Setup direct;
    private final ImageSizes sizes = new ImageSizes();

    public ContentHtml(Markdown markdown) {
        MutableDataSet o = new MutableDataSet(markdown.options()); // carries the parser's extensions, renderers included
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.ESCAPE_HTML, true);
        o.set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true);
        o.set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        o.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↩");
        this.direct = BodyWriter.Setup.of(o.toImmutable());
        this.renderer = HtmlRenderer.builder(o.toImmutable())
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        Context c = contexts.get(context.getDocument());
                        return (Node node, AttributablePart part, MutableAttributes attrs) -> {
                            if (c != null) attributes(c, node, part, attrs);
                        };
                    }
                })
                .nodeRendererFactory(options -> () -> java.util.Set.of(new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                        com.vladsch.flexmark.ast.Paragraph.class, (node, context, html) -> {
                            Context c = contexts.get(node.getDocument());
                            Integer n = c == null ? null : c.lists().get(node);
                            Image figure = figureImage(node);
                            if (n != null) {
                                html.line().raw(placeholder(n)).line();
                            } else if (figure != null) {
                                // An image alone in its paragraph, with a title: a figure, the title its caption.
                                html.line().raw("<figure>");
                                context.renderChildren(node);
                                html.raw("<figcaption>").text(figure.getTitle().toString()).raw("</figcaption></figure>").line();
                            } else {
                                context.delegateRender();
                            }
                        })))
                // Text is most of a page: escape it with a plain loop, not flexmark's regex replacement (same output).
                .nodeRendererFactory(options -> () -> java.util.Set.of(new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                        com.vladsch.flexmark.ast.Text.class, (node, context, html) ->
                        html.raw(Xml.escape(plainText(node.getChars()))))))
                .build();
    }

    /**
     * What flexmark's text renderer prints before escaping: backslash escapes and entities resolved, line ends
     * normalized. Most text has none of them, and then a plain loop spares the regex flexmark would run.
     */
    static String plainText(CharSequence chars) {
        for (int i = 0, n = chars.length(); i < n; i++) {
            char c = chars.charAt(i);
            if (c == '\\' || c == '&' || c == '\r') {
                return com.vladsch.flexmark.util.sequence.Escaping.normalizeEOL(com.vladsch.flexmark.util.sequence.Escaping.unescapeString(chars));
            }
        }
        return chars.toString();
    }

    /** The image a paragraph consists of, when it is only one image with a title; else null. */
    static Image figureImage(com.vladsch.flexmark.ast.Paragraph p) {
        Node only = p.getFirstChild();
        if (!(only instanceof Image img) || only.getNext() != null) return null;
        return img.getTitle().isBlank() ? null : img;
    }

    private void attributes(Context c, Node node, AttributablePart part, MutableAttributes attrs) {
        if (node instanceof Image img) {
            if (c.links().imageSources().containsKey(img)) attrs.replaceValue("src", c.links().imageSources().get(img));
            attrs.replaceValue("loading", "lazy");
            attrs.replaceValue("decoding", "async");
            String url = img.getUrl().toString();
            if (!url.isEmpty() && !url.startsWith("/") && !LinkResolver.isExternal(url)) {
                try {
                    java.nio.file.Path f = c.doc().source().file().getParent().resolve(url).normalize();
                    sizes.of(f).ifPresent(s -> {
                        attrs.replaceValue("width", String.valueOf(s.width()));
                        attrs.replaceValue("height", String.valueOf(s.height()));
                    });
                } catch (java.nio.file.InvalidPathException e) {
                    // reported by link resolution; the image just has no size
                }
            }
        } else if (node instanceof Heading h && c.doc().ids().containsKey(h)) {
            attrs.replaceValue("id", c.doc().ids().get(h));
        } else if (node instanceof Link l && c.links().fallbacks().containsKey(l) && part == AttributablePart.LINK) {
            LinkResolver.Fallback f = c.links().fallbacks().get(l);
            attrs.replaceValue("hreflang", f.target().code());
            attrs.replaceValue("class", "lm-fallback");
            attrs.replaceValue("title", c.fallbackTitle().apply(f));
        } else if ("footnote-backref".equals(attrs.getValue("class"))) {
            // The link's text is a bare arrow, which screen readers announce as nothing or as "leftwards arrow
            // with hook": the label says where it goes, in the page's language.
            String label = c.footnoteBack().get();
            if (!label.isEmpty()) attrs.replaceValue("aria-label", label);
        }
    }

    /**
     * @param fallbackTitle text for the title attribute of a link that goes to another language, given the
     *                      target language (e.g. "English version: not yet translated")
     */
    public String render(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle) {
        return render(doc, links, fallbackTitle, Map.of(), () -> "").html();
    }

    /**
     * Renders {@code doc}, its embedded lists (found by {@link SiteIndex#plan}) left as placeholders in document order.
     *
     * @param footnoteBack the accessible name of each footnote's link back to the text ("Back to text"), none when
     *                     empty; asked for only when the document has footnotes
     */
    public RenderedDoc render(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle,
                              Map<Node, ListShortcodes.Spec> lists, Supplier<String> footnoteBack) {
        List<Node> order = lists.keySet().stream().sorted(java.util.Comparator.comparingInt(Node::getStartOffset)).toList();
        Map<Node, Integer> numbers = new java.util.IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) numbers.put(order.get(i), i);
        Context c = new Context(doc, links, fallbackTitle, numbers, footnoteBack);
        String html = direct(c);
        if (html == null) html = flexmark(c);
        return new RenderedDoc(doc, html, order.stream().map(lists::get).toList());
    }

    /** The body by the direct writer, or null when it leaves the document to Flexmark (see {@link BodyWriter}). */
    String direct(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle,
                  Map<Node, Integer> lists, Supplier<String> footnoteBack) {
        return direct(new Context(doc, links, fallbackTitle, lists, footnoteBack));
    }

    /** The body as Flexmark's own renderer writes it: what the direct writer must match, and its fallback. */
    String flexmark(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle,
                    Map<Node, Integer> lists, Supplier<String> footnoteBack) {
        return flexmark(new Context(doc, links, fallbackTitle, lists, footnoteBack));
    }

    private String direct(Context c) {
        return BodyWriter.write(direct, c.doc().doc(), new BodyWriter.Hooks() {
            @Override
            public void attributes(Node node, AttributablePart part, MutableAttributes attrs) {
                ContentHtml.this.attributes(c, node, part, attrs);
            }

            @Override
            public Integer listNumber(com.vladsch.flexmark.ast.Paragraph p) {
                return c.lists().get(p);
            }

            @Override
            public Image figure(com.vladsch.flexmark.ast.Paragraph p) {
                return figureImage(p);
            }
        });
    }

    private String flexmark(Context c) {
        contexts.put(c.doc().doc(), c);
        try {
            return renderer.render(c.doc().doc());
        } finally {
            contexts.remove(c.doc().doc());
        }
    }
}
