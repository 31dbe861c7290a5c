package org.lastmile.markdown;

/** One heading of a document's table of contents: level 2 or 3, its anchor id and its plain text. */
public record TocEntry(int level, String id, String text) {
}
