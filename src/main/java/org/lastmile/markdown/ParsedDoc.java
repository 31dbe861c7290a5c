package org.lastmile.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import org.lastmile.content.SourceFile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source file's Markdown parsed once, with the heading ids and table of contents both renderers use. The tree is
 * owned by this value: link resolution rewrites its link targets in place before rendering.
 *
 * @param ids     anchor id of every heading (identity map: headings with equal text are different nodes)
 * @param anchors every id a link can point at with #fragment: headings and footnotes
 */
public record ParsedDoc(SourceFile source, Document doc, Map<Heading, String> ids, List<TocEntry> toc, Set<String> anchors) {

    /** What other documents need to know of this one once its tree is gone: its headings and anchors. */
    public record Facts(List<TocEntry> toc, Set<String> anchors) {
    }

    public Facts facts() {
        return new Facts(toc, anchors);
    }
}
