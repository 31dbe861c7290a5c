package org.lastmile.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Markdown file in one language, with its front matter split off. Immutable; equal when every field is (the
 * body hash follows from the body). Not a record only so that the body hash is computed when first asked for: a
 * build needs it only for sources a translation refers to, and hashing every body was a sixteenth of a build's CPU.
 */
public final class SourceFile {
    private final ContentKind kind;
    private final String slug;
    private final String lang;
    private final Path path;
    private final Path file;
    private final FrontMatter fm;
    private final String body;
    private final int bodyLine;
    /** Shared with the copies {@link #withFrontMatter} makes, so a body is hashed at most once. */
    private final BodyHash hash;

    /**
     * @param path     the path shown to users, relative to the site root (content/papers/x/index.fr.md)
     * @param file     where it is on disk
     * @param bodyLine the 1-based line of {@code file} where the body starts, so body line numbers map back to the file
     */
    public SourceFile(ContentKind kind, String slug, String lang, Path path, Path file, FrontMatter fm, String body,
                      int bodyLine) {
        this(kind, slug, lang, path, file, fm, body, bodyLine, new BodyHash(body));
    }

    private SourceFile(ContentKind kind, String slug, String lang, Path path, Path file, FrontMatter fm, String body,
                       int bodyLine, BodyHash hash) {
        this.kind = kind;
        this.slug = slug;
        this.lang = lang;
        this.path = path;
        this.file = file;
        this.fm = fm;
        this.body = body;
        this.bodyLine = bodyLine;
        this.hash = hash;
    }

    public ContentKind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String lang() {
        return lang;
    }

    public Path path() {
        return path;
    }

    public Path file() {
        return file;
    }

    public FrontMatter fm() {
        return fm;
    }

    public String body() {
        return body;
    }

    public int bodyLine() {
        return bodyLine;
    }

    /** A short hash of the body ({@link ContentLoader#hash}): what a translation's {@code translation_of} refers to. */
    public String bodyHash() {
        return hash.get();
    }

    /** Where this file's translation into {@code lang} lives: index.md → index.fr.md, about.en.md → about.fr.md. */
    public Path translationPath(String lang) {
        String name = path.getFileName().toString();
        String base = name.substring(0, name.length() - 3);
        if (base.endsWith("." + this.lang)) base = base.substring(0, base.length() - this.lang.length() - 1);
        return path.resolveSibling(base + "." + lang + ".md");
    }

    public SourceFile withFrontMatter(FrontMatter f) {
        return new SourceFile(kind, slug, lang, path, file, f, body, bodyLine, hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile s && kind == s.kind && bodyLine == s.bodyLine && slug.equals(s.slug)
                && lang.equals(s.lang) && path.equals(s.path) && file.equals(s.file) && Objects.equals(fm, s.fm)
                && body.equals(s.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, slug, lang, path, file, fm, body, bodyLine);
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + "]";
    }

    /** The body's hash, computed once on first use; racing threads compute the same string, so no lock is needed. */
    private static final class BodyHash {
        private final String body;
        private volatile String value;

        BodyHash(String body) {
            this.body = body;
        }

        String get() {
            String v = value;
            if (v == null) value = v = ContentLoader.hash(body);
            return v;
        }
    }
}
