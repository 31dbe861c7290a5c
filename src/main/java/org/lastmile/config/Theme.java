package org.lastmile.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where theme files come from: the site's own {@code templates/}, {@code fonts/} and {@code static/} first, then
 * the default theme packaged in the jar. Each lookup says which file it found, so a site overrides one template or
 * one font without copying the rest.
 */
public final class Theme {
    private final Path siteRoot;
    private final Path builtin;

    private Theme(Path siteRoot, Path builtin) {
        this.siteRoot = siteRoot;
        this.builtin = builtin;
    }

    /** The theme of the site at {@code siteRoot}, over the default theme on the classpath. */
    public static Theme of(Path siteRoot) {
        return new Theme(siteRoot, builtinRoot());
    }

    private static Path builtinRoot() {
        URL url = Theme.class.getResource("/lastmile/theme/templates");
        if (url == null) throw new IllegalStateException("the default theme is missing from the lastmile jar");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/lastmile/theme");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the default theme: " + e.getMessage(), e);
        }
    }

    public Path siteRoot() {
        return siteRoot;
    }

    /** The site's templates folder (may not exist) and the built-in one, in lookup order. */
    public List<Path> templateDirs() {
        return List.of(siteRoot.resolve("templates"), builtin.resolve("templates"));
    }

    public Optional<Path> template(String name) {
        return first(templateDirs(), name);
    }

    /** A font file: the site's fonts/ first, then the default theme's. */
    public Optional<Path> font(String file) {
        return first(List.of(siteRoot.resolve("fonts"), builtin.resolve("fonts")), file);
    }

    /** A UI message bundle such as {@code i18n/ru.yaml}: the site's version first, then the default theme's. */
    public List<Path> messageFiles(String lang) {
        List<Path> out = new ArrayList<>();
        for (Path dir : templateDirs()) {
            Path p = dir.resolve("i18n").resolve(lang + ".yaml");
            boolean foreign = p.getFileSystem() == siteRoot.getFileSystem() && p.toAbsolutePath().startsWith(siteRoot.toAbsolutePath())
                    && Files.exists(p) && SiteFiles.inside(siteRoot, p).isEmpty();
            if (Files.isRegularFile(p) && !foreign) out.add(p);
        }
        return out;
    }

    /**
     * Every static file to publish, by its path in the output: the theme's {@code templates/static/}, then the
     * site's {@code templates/static/} and {@code static/}, later ones overriding earlier ones. Sorted for stable output.
     */
    public Map<String, Path> staticFiles(List<org.lastmile.diag.Diagnostic> problems) {
        Map<String, Path> out = new TreeMap<>();
        Path dir = builtin.resolve("templates").resolve("static");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
            } catch (IOException | UncheckedIOException e) {
                // An unreadable folder is the user's to fix, not a crash: name it.
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                Path where = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? Path.of(f.getFile()) : dir;
                String why = io instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : io instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(io.getMessage());
                throw new org.lastmile.diag.LastmileException(org.lastmile.diag.Diagnostic.error(
                        org.lastmile.diag.SourcePos.of(Path.of(display(where))), "cannot read this (" + why + ")", "check its permissions"));
            }
        }
        // The site's own: only what is inside the site once links are followed, never hidden or backup files.
        for (Path d : List.of(siteRoot.resolve("templates").resolve("static"), siteRoot.resolve("static"))) {
            for (Path p : SiteFiles.walk(siteRoot, d, problems)) out.put(d.relativize(p).toString().replace('\\', '/'), p);
        }
        return out;
    }

    /** {@link #staticFiles(List)} when its problems are reported elsewhere. */
    public Map<String, Path> staticFiles() {
        return staticFiles(new ArrayList<>());
    }

    /** How a theme file is named in messages: relative to the site, or as part of the built-in theme. */
    public String display(Path p) {
        if (p.getFileSystem() == siteRoot.getFileSystem() && p.toAbsolutePath().startsWith(siteRoot.toAbsolutePath())) {
            return siteRoot.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
        }
        return "(default theme) " + builtin.relativize(p).toString().replace('\\', '/');
    }

    private Optional<Path> first(List<Path> dirs, String name) {
        for (Path d : dirs) {
            Path p = d.resolve(name).normalize();
            // A theme file is a file of its folder: never a name that climbs out of it, or a link out of the site.
            if (!p.startsWith(d.normalize()) || SiteFiles.isIgnored(d.relativize(p))) continue;
            if (p.getFileSystem() == siteRoot.getFileSystem() && p.toAbsolutePath().startsWith(siteRoot.toAbsolutePath())
                    && Files.exists(p) && SiteFiles.inside(siteRoot, p).isEmpty()) continue;
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
