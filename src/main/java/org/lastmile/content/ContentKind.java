package org.lastmile.content;

/** What a source file is: a briefing paper, its community guide, or a standalone page. */
public enum ContentKind {
    PAPER, GUIDE, PAGE
}
