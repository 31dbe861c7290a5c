package org.lastmile.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.SubSequence;
import org.jetbrains.annotations.NotNull;

/**
 * Flexmark's autolinking (bare URLs, www. addresses, e-mail addresses), with a linear pre-scan in front: most text
 * can hold no link, and the full autolinker (unescaping, link extraction, a regex) then costs a sixth of parsing.
 * A text goes to the full autolinker when it holds anything a link could start from — {@code ://}, {@code www.},
 * {@code @} — or an escape or entity that could turn into one; so the tree is exactly the one the autolinker alone
 * would make.
 */
final class QuickAutolinkExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** True when {@code s} cannot contain a link the autolinker would find. */
    static boolean cannotLink(CharSequence chars) {
        // A text node is nearly always one stretch of the document's string: read that string directly, sparing
        // a virtual call and an offset per character.
        if (chars instanceof SubSequence sub && sub.getBase() instanceof String str) {
            return cannotLink(str, sub.getStartOffset(), sub.getEndOffset());
        }
        String s = chars.toString();
        return cannotLink(s, 0, s.length());
    }

    private static boolean cannotLink(String s, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '@', '&', '\\':
                    return false;
                case ':':
                    if (i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') return false;
                    break;
                case '.':
                    if (i - from >= 3 && (s.charAt(i - 1) | 0x20) == 'w' && (s.charAt(i - 2) | 0x20) == 'w' && (s.charAt(i - 3) | 0x20) == 'w') return false;
                    break;
                default:
                    break;
            }
        }
        return true;
    }

    private static final class Processor extends NodePostProcessor {
        private final AutolinkNodePostProcessor full;

        Processor(Document document) {
            this.full = new AutolinkNodePostProcessor(document);
        }

        @Override
        public void process(@NotNull NodeTracker state, @NotNull Node node) {
            // The autolinker joins a text with typographic or entity nodes after it; leave those cases to it.
            Node next = node.getNext();
            if (!(next instanceof TypographicText || next instanceof HtmlEntity) && cannotLink(node.getChars())) return;
            full.process(state, node);
        }
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @NotNull
        @Override
        public NodePostProcessor apply(@NotNull Document document) {
            return new Processor(document);
        }
    }
}
