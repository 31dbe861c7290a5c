package org.lastmile.site;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.lastmile.markdown.Markdown;
import org.lastmile.markdown.ParsedDoc;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a parsed document's body to HTML: heading ids from the Markdown stage, links to untranslated pages marked
 * with their language, tables wrapped for horizontal scrolling, and raw HTML escaped (never passed through).
 */
public final class ContentHtml {
    private final DataHolder options;

    public ContentHtml(Markdown markdown) {
        MutableDataSet o = new MutableDataSet(markdown.options());
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.ESCAPE_HTML, true);
        o.set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true);
        o.set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        o.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↩");
        this.options = o.toImmutable();
    }

    /**
     * @param fallbackTitle text for the title attribute of a link that goes to another language, given the
     *                      target language (e.g. "English version: not yet translated")
     */
    public String render(ParsedDoc doc, LinkResolver.Result links, Function<LinkResolver.Fallback, String> fallbackTitle) {
        Map<Node, LinkResolver.Fallback> fallbacks = links.fallbacks();
        HtmlRenderer renderer = HtmlRenderer.builder(options)
                .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                        AutolinkExtension.create(), FootnoteExtension.create()))
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return (Node node, AttributablePart part, MutableAttributes attrs) -> {
                            if (node instanceof com.vladsch.flexmark.ast.Image img && links.imageSources().containsKey(img)) {
                                attrs.replaceValue("src", links.imageSources().get(img));
                            } else if (node instanceof Heading h && doc.ids().containsKey(h)) {
                                attrs.replaceValue("id", doc.ids().get(h));
                            } else if (node instanceof Link l && fallbacks.containsKey(l) && part == AttributablePart.LINK) {
                                LinkResolver.Fallback f = fallbacks.get(l);
                                attrs.replaceValue("hreflang", f.target().code());
                                attrs.replaceValue("class", "lm-fallback");
                                attrs.replaceValue("title", fallbackTitle.apply(f));
                            }
                        };
                    }
                })
                .build();
        return renderer.render(doc.doc());
    }

}
