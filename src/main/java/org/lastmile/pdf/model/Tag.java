package org.lastmile.pdf.model;

/**
 * Where a box belongs in the document's logical structure: its role, the structure element it is part of (boxes of
 * one paragraph share its {@code element} number, numbered in reading order), the element that contains that one
 * (0 for the document), and the language of its text when it differs from the document's (null otherwise).
 */
public record Tag(Role role, int element, int parent, String lang) {
    /** Decoration that is not content. */
    public static final Tag ARTIFACT = new Tag(Role.ARTIFACT, 0, 0, null);

    public static Tag of(Role role, int element, int parent) {
        return new Tag(role, element, parent, null);
    }

    public Tag withLang(String l) {
        return new Tag(role, element, parent, l);
    }

    public boolean isArtifact() {
        return role == Role.ARTIFACT;
    }
}
