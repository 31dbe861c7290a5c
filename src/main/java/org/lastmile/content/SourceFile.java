package org.lastmile.content;

import java.nio.file.Path;

/**
 * One Markdown file in one language, with its front matter split off.
 *
 * @param path     the path shown to users, relative to the site root (content/papers/x/index.fr.md)
 * @param file     where it is on disk
 * @param bodyLine the 1-based line of {@code file} where the body starts, so body line numbers map back to the file
 * @param bodyHash a short hash of the body: what a translation's {@code translation_of} refers to
 */
public record SourceFile(ContentKind kind, String slug, String lang, Path path, Path file, FrontMatter fm,
                         String body, int bodyLine, String bodyHash) {

    /** Where this file's translation into {@code lang} lives: index.md → index.fr.md, about.en.md → about.fr.md. */
    public Path translationPath(String lang) {
        String name = path.getFileName().toString();
        String base = name.substring(0, name.length() - 3);
        if (base.endsWith("." + this.lang)) base = base.substring(0, base.length() - this.lang.length() - 1);
        return path.resolveSibling(base + "." + lang + ".md");
    }

    public SourceFile withFrontMatter(FrontMatter f) {
        return new SourceFile(kind, slug, lang, path, file, f, body, bodyLine, bodyHash);
    }
}
