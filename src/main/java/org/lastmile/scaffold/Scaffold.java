package org.lastmile.scaffold;

import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.content.Bundle;
import org.lastmile.content.Content;
import org.lastmile.content.PageGroup;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates content files: a new paper bundle from templates, or a translation started from its source with
 * {@code translation_of} filled in. Never overwrites a file: an existing one is an error naming it.
 */
public final class Scaffold {

    private Scaffold() {
    }

    /**
     * Creates content/papers/&lt;slug&gt;/index.md and guide.md from the theme's starting files
     * ({@code templates/new/}); returns the files written, relative to the site.
     */
    public static List<Path> newPaper(Path root, SiteConfig cfg, String slug, LocalDate date) {
        if (!org.lastmile.content.Slugs.isUsable(slug)) {
            throw new LastmileException(Diagnostic.error(null, "'" + slug + "' is not a usable slug",
                    "use letters, digits and hyphens, such as harm-reduction-2027"));
        }
        Path dir = Path.of("content", "papers", slug);
        // The starting text comes from the theme (templates/new/), so a site can give authors its own skeleton.
        Theme theme = Theme.of(root);
        Map<String, String> values = Map.of("title", titleOf(slug), "date", date.toString(), "slug", slug,
                "organisation", cfg.organisation().name().replace("\"", ""));
        String paper = fill(readTemplate(theme, "new/index.md"), values);
        String guide = fill(readTemplate(theme, "new/guide.md"), values);
        List<Path> written = new ArrayList<>();
        write(root, dir.resolve("index.md"), paper, written);
        write(root, dir.resolve("guide.md"), guide, written);
        return written;
    }

    /** What {@link #newTranslation} did: the files it wrote and the ones that existed already and were kept. */
    public record Created(List<Path> written, List<Path> kept) {
    }

    /**
     * Starts the translation of {@code slug} (a paper with its guide, or a page) into {@code lang}: copies each
     * default-language source with {@code translation_of} set to the source's current hash.
     */
    public static Created newTranslation(Path root, SiteConfig cfg, Content content, String name, String code) {
        String lang = cfg.language(code).map(org.lastmile.config.Language::code).orElse(code); // EN means en
        // "papers/x" or "pages/x" says which, when a paper and a page share a name.
        String slug = name.replaceFirst("^(papers|pages|news)/", "").replaceAll("/+$", "");
        boolean newsOnly = name.startsWith("news/");
        boolean papersOnly = name.startsWith("papers/") || newsOnly;
        boolean pagesOnly = name.startsWith("pages/") || newsOnly;
        if (cfg.language(lang).isEmpty()) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(Path.of("site.yaml")), "the site has no language '" + lang + "'",
                    "add '- code: " + lang + "' to languages in site.yaml first"));
        }
        if (lang.equals(cfg.defaultLanguage())) {
            throw new LastmileException(Diagnostic.error(null, "'" + lang + "' is the default language: it is the source, not a translation",
                    "choose another language with --lang"));
        }
        List<SourceFile> sources = new ArrayList<>();
        Optional<Bundle> b = pagesOnly ? Optional.empty() : content.bundle(slug);
        Optional<PageGroup> p = papersOnly ? Optional.empty() : content.page(slug);
        if (b.isPresent() && p.isPresent()) {
            throw new LastmileException(Diagnostic.error(null, "both a paper and a page are called '" + slug + "'",
                    "say which: lastmile new translation papers/" + slug + " --lang " + lang + " (or pages/" + slug + ")"));
        }
        b.flatMap(x -> x.paper(cfg.defaultLanguage())).ifPresent(sources::add);
        b.flatMap(x -> x.guide(cfg.defaultLanguage())).ifPresent(sources::add);
        p.flatMap(x -> x.version(cfg.defaultLanguage())).ifPresent(sources::add);
        // A news item only when no paper or page has the name (or news/<slug> says so).
        if (sources.isEmpty() && !name.startsWith("papers/") && !name.startsWith("pages/")) {
            content.newsItem(slug).flatMap(x -> x.version(cfg.defaultLanguage())).ifPresent(sources::add);
        }
        if (sources.isEmpty()) {
            throw new LastmileException(Diagnostic.error(null, "no paper, page or news item '" + slug + "' in the default language (" + cfg.defaultLanguage() + ")",
                    "check the slug: it is the folder name under content/papers/ or the file name under content/pages/ or content/news/"));
        }
        List<Path> written = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        List<Diagnostic> refused = new ArrayList<>();
        for (SourceFile src : sources) {
            Path target = src.translationPath(lang);
            if (Files.exists(root.resolve(target))) {
                kept.add(target);
                refused.add(Diagnostic.error(SourcePos.of(target), "already exists, so it was not overwritten",
                        "edit it, or delete it first to start over from the source"));
                continue;
            }
            write(root, target, withTranslationOf(root, src), written);
        }
        // Only when nothing was left to create is this a failure: a paper translated without its guide is common.
        if (written.isEmpty()) throw new LastmileException(refused);
        return new Created(List.copyOf(written), List.copyOf(kept));
    }


    /** Front matter a translation takes from its source, so a copy leaves it out (and follows later changes). */
    private static final java.util.Set<String> INHERITED = java.util.Set.of("date", "authors", "weight", "cover_image", "draft",
            "type", "image", "papers");

    /**
     * The source's text to start a translation from: without the front matter keys a translation inherits, and with
     * {@code translation_of: <hash>} added.
     */
    static String withTranslationOf(Path root, SourceFile src) {
        try {
            String text = Files.readString(root.resolve(src.path()), StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return setTranslationOf(withoutInherited(text), src.bodyHash());
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(src.path()), "cannot read: " + e.getMessage(), "check the file"));
        }
    }

    /**
     * Records that {@code file} (a translation, relative to the site) now matches its source: sets its
     * {@code translation_of} to the source's current hash. Returns the hash written.
     */
    public static String markTranslated(Path root, SiteConfig cfg, Content content, Path file) {
        Path rel = file.isAbsolute() ? root.relativize(file.normalize()) : file.normalize();
        SourceFile tr = content.files().filter(f -> f.path().equals(rel)).findFirst().orElseThrow(() ->
                new LastmileException(Diagnostic.error(SourcePos.of(rel), "not a published content file",
                        "give the path of a translation, like content/papers/x/index.fr.md")));
        SourceFile src = content.files().filter(f -> f.kind() == tr.kind() && f.slug().equals(tr.slug())
                && f.lang().equals(cfg.defaultLanguage())).findFirst().orElseThrow(() ->
                new LastmileException(Diagnostic.error(SourcePos.of(rel), "has no source in the default language (" + cfg.defaultLanguage() + ")",
                        "only translations carry translation_of")));
        if (src == tr) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(rel), "is in the default language, so it is a source, not a translation",
                    "mark the translated files instead, like " + src.translationPath("fr")));
        }
        try {
            Path f = root.resolve(rel);
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            // Keep the file as its editor saved it: byte-order mark and line endings stay.
            String bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
            boolean crlf = raw.contains("\r\n");
            boolean crOnly = !crlf && raw.indexOf('\r') >= 0; // old Mac line ends, which lastmile reads as line ends too
            String text = setTranslationOf(raw.substring(bom.length()).replace("\r\n", "\n").replace('\r', '\n'), src.bodyHash());
            String eol = crlf ? "\r\n" : crOnly ? "\r" : "\n";
            Files.writeString(f, bom + text.replace("\n", eol), StandardCharsets.UTF_8);
            return src.bodyHash();
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(rel), "cannot update: " + e.getMessage(), "check that the file is writable"));
        }
    }

    /** Drops inherited top-level keys (and their indented continuation lines) from the front matter. */
    static String withoutInherited(String text) {
        if (!text.startsWith("---\n")) return text;
        int end = text.indexOf("\n---", 3);
        if (end < 0) return text;
        StringBuilder sb = new StringBuilder("---\n");
        boolean skipping = false;
        for (String line : text.substring(4, end + 1).split("\n", -1)) {
            if (line.isEmpty() && skipping) continue;
            boolean continuation = line.startsWith(" ") || line.startsWith("\t") || line.startsWith("-");
            if (!continuation) {
                int colon = line.indexOf(':');
                skipping = colon > 0 && INHERITED.contains(line.substring(0, colon).strip());
            }
            if (!skipping && !line.isEmpty()) sb.append(line).append('\n');
        }
        return sb.append(text.substring(end + 1)).toString();
    }

    /** Sets {@code translation_of} in a file's front matter, replacing an existing value. */
    public static String setTranslationOf(String text, String hash) {
        String body = text.startsWith("---\n") ? text.substring(4) : text;
        String[] lines = body.split("\n", -1);
        StringBuilder sb = new StringBuilder("---\n");
        boolean inFront = text.startsWith("---\n");
        boolean set = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (inFront && (l.strip().equals("---") || l.strip().equals("..."))) {
                if (!set) sb.append("translation_of: ").append(hash).append('\n');
                inFront = false;
                set = true;
            } else if (inFront && l.startsWith("translation_of:")) {
                sb.append("translation_of: ").append(hash).append('\n');
                set = true;
                continue;
            }
            sb.append(l);
            if (i < lines.length - 1) sb.append('\n');
        }
        return sb.toString();
    }

    private static void write(Path root, Path rel, String text, List<Path> written) {
        Path f = root.resolve(rel);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            written.add(rel);
        } catch (FileAlreadyExistsException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(rel), "already exists, so it was not overwritten",
                    "choose another slug, or delete the file first"));
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(rel), "cannot write: " + e.getMessage(), "check that the folder is writable"));
        }
    }

    private static String readTemplate(Theme theme, String name) {
        Path t = theme.template(name).orElseThrow(() -> new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)),
                "the theme has no starting file " + name, "add templates/" + name + " to your site")));
        try {
            return Files.readString(t, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)), "cannot read: " + e.getMessage(), "check the file"));
        }
    }

    /** {{name}} placeholders of a starting file, filled in. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        return out;
    }

    private static String titleOf(String slug) {
        String s = slug.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
