package org.lastmile.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * The one Markdown dialect lastmile reads: CommonMark plus GFM tables, strikethrough, autolinks and footnotes
 * (autolinks by {@link QuickAutolink} after parsing, exactly as Flexmark's autolink extension would make them). Both
 * the HTML and the PDF renderers walk the tree this parser makes, so they agree on what the source means.
 * Immutable and thread-safe: one instance serves a whole build.
 */
public final class Markdown {
    private final DataHolder options;
    private final Parser parser;

    public Markdown() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                FootnoteExtension.create()));
        // GFM table semantics: header row required, column count taken from the header.
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        this.options = o.toImmutable();
        this.parser = Parser.builder(options).build();
    }

    /** The parser options, for renderers that must be built with the same extensions. */
    public DataHolder options() {
        return options;
    }

    /** Parses a Markdown body (front matter already removed). Line numbers of nodes are 0-based within {@code body}. */
    public Document parse(String body) {
        Document doc = parser.parse(body);
        QuickAutolink.link(doc);
        return doc;
    }
}
