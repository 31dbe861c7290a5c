package org.lastmile.content;

/** What a source file is: a briefing paper, its community guide, a standalone page, or a dated news item. */
public enum ContentKind {
    PAPER, GUIDE, PAGE, NEWS
}
