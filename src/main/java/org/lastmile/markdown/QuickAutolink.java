package org.lastmile.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.sequence.SubSequence;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Flexmark's autolinking (bare URLs, www. addresses, e-mail addresses), with a linear pre-scan in front: most text
 * can hold no link, and the full autolinker (unescaping, link extraction, a regex) then costs a sixth of parsing.
 * A text goes to the full autolinker when it holds anything a link could start from — {@code ://}, {@code www.},
 * {@code @} — or an escape or entity that could turn into one; so the tree is exactly the one the autolinker alone
 * would make.
 *
 * <p>It runs after parsing, over the document's text nodes in order, as Flexmark's post-processing would run the
 * autolinker, but without Flexmark's post-processing machinery, which first classifies every node of the tree
 * (a few per cent of a build); {@code QuickAutolinkTest} compares the trees with Flexmark's own extension.
 */
final class QuickAutolink {
    private QuickAutolink() {
    }

    /**
     * Links the bare URLs and addresses of {@code doc} in place: the text nodes present after parsing, in document
     * order, skipping those an earlier link swallowed (as Flexmark's post-processor loop does).
     */
    static void link(Document doc) {
        List<Text> texts = new ArrayList<>();
        collect(doc, texts);
        AutolinkNodePostProcessor full = null;
        for (Text t : texts) {
            if (t.getParent() == null) continue; // merged into a link found before it
            // The autolinker joins a text with typographic or entity nodes after it; leave those cases to it.
            Node next = t.getNext();
            if (!(next instanceof TypographicText || next instanceof HtmlEntity) && cannotLink(t.getChars())) continue;
            if (full == null) full = new AutolinkNodePostProcessor(doc);
            full.process(IGNORED, t);
        }
    }

    private static void collect(Node n, List<Text> texts) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c.getClass() == Text.class) texts.add((Text) c);
            else if (c.getFirstChild() != null) collect(c, texts);
        }
    }

    /** Flexmark's post-processing tracks added and removed nodes for later processors; there are none. */
    private static final NodeTracker IGNORED = new NodeTracker() {
        @Override
        public void nodeAdded(@NotNull Node node) {
        }

        @Override
        public void nodeAddedWithChildren(@NotNull Node node) {
        }

        @Override
        public void nodeAddedWithDescendants(@NotNull Node node) {
        }

        @Override
        public void nodeRemoved(@NotNull Node node) {
        }

        @Override
        public void nodeRemovedWithChildren(@NotNull Node node) {
        }

        @Override
        public void nodeRemovedWithDescendants(@NotNull Node node) {
        }
    };

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

}
