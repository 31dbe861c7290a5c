package org.lastmile.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Markdown file in one language, with its front matter split off. Immutable in what it says; equal when every
 * field is (the body hash follows from the body). Not a record so that the body hash is computed when first asked
 * for (a build needs it only for sources a translation refers to, and hashing every body was a sixteenth of a
 * build's CPU), and so that a build can let go of the body once it is parsed ({@link #releaseBody}): the bodies of a
 * big site are hundreds of megabytes, and one that is needed again is read again from its file.
 */
public final class SourceFile {
    private final ContentKind kind;
    private final String slug;
    private final String lang;
    private final Path path;
    private final Path file;
    private final FrontMatter fm;
    private final Body body;
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
        this(kind, slug, lang, path, file, fm, new Body(body, path, file), bodyLine, new BodyHash());
    }

    private SourceFile(ContentKind kind, String slug, String lang, Path path, Path file, FrontMatter fm, Body body,
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

    /**
     * The body: held in memory, or after {@link #releaseBody} read again from the file (the same text, or a
     * {@link org.lastmile.diag.LastmileException} saying the file changed while the site was being built).
     */
    public String body() {
        return body.get();
    }

    /**
     * Lets go of the body held in memory (this file and its copies share it): later uses read it again from the file.
     * For a build, once it has parsed the file: its tree holds the text while the tree lives.
     */
    public void releaseBody() {
        body.release();
    }

    /** What the garbage collector does to a released body when memory runs short: for tests of reading it again. */
    void dropSoftCopy() {
        body.reread = new java.lang.ref.SoftReference<>(null);
    }

    public int bodyLine() {
        return bodyLine;
    }

    /** A short hash of the body ({@link ContentLoader#hash}): what a translation's {@code translation_of} refers to. */
    public String bodyHash() {
        return hash.get(body);
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
                && body().equals(s.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, slug, lang, path, file, fm, body(), bodyLine);
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + "]";
    }

    /** The body's hash, computed once on first use; racing threads compute the same string, so no lock is needed. */
    private static final class BodyHash {
        private volatile String value;

        String get(Body body) {
            String v = value;
            if (v == null) value = v = ContentLoader.hash(body.get());
            return v;
        }
    }

    /**
     * A body in memory until released; then read again from the file when asked for, and kept softly so that the
     * uses of one parse (nesting check, parser) read it once. Its length and hash code tell a file that changed since.
     */
    private static final class Body {
        private final Path shown;
        private final Path file;
        private final int length;
        private final int hashCode;
        private volatile String text;
        private volatile java.lang.ref.SoftReference<String> reread = new java.lang.ref.SoftReference<>(null);

        Body(String text, Path shown, Path file) {
            this.text = text;
            this.shown = shown;
            this.file = file;
            this.length = text.length();
            this.hashCode = text.hashCode();
        }

        void release() {
            String t = text;
            if (t == null) return;
            reread = new java.lang.ref.SoftReference<>(t);
            text = null;
        }

        String get() {
            String t = text;
            if (t != null) return t;
            t = reread.get();
            if (t != null) return t;
            java.util.List<org.lastmile.diag.Diagnostic> problems = new java.util.ArrayList<>();
            t = org.lastmile.config.SourceText.read(file, shown, problems)
                    .flatMap(x -> FrontMatterParser.split(shown, x, problems)).map(FrontMatterParser.Split::body).orElse(null);
            if (t == null || t.length() != length || t.hashCode() != hashCode) {
                throw new org.lastmile.diag.LastmileException(org.lastmile.diag.Diagnostic.error(
                        org.lastmile.diag.SourcePos.of(shown), "file changed while the site was being built",
                        "build again once your edits are saved"));
            }
            reread = new java.lang.ref.SoftReference<>(t);
            return t;
        }
    }
}
