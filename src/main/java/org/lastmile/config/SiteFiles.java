package org.lastmile.config;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files are the site's own, and so may be published: files inside the site folder once symbolic links are
 * followed, and never hidden files or folders (.git, .env, .secrets/) or editors' backup files. A link that leads
 * out of the site is reported, never followed; links that stay inside the site are fine.
 */
public final class SiteFiles {
    private SiteFiles() {
    }

    /**
     * Whether a file or folder of this name is never published: hidden ({@code .anything}), an editor's backup or
     * swap file ({@code x~}, {@code #x#}, {@code x.swp}, {@code x.bak}, {@code x.orig}) or a system's thumbnail
     * database.
     */
    public static boolean isIgnored(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.endsWith("~") || (n.startsWith("#") && n.endsWith("#")) || n.endsWith(".swp")
                || n.endsWith(".swo") || n.endsWith(".bak") || n.endsWith(".orig") || n.equals("thumbs.db")
                || n.equals("desktop.ini");
    }

    /** Whether any part of {@code rel} (a path relative to the site) is ignored. */
    public static boolean isIgnored(Path rel) {
        for (Path part : rel) {
            if (isIgnored(part.toString())) return true;
        }
        return false;
    }

    /** The real location of {@code file} if it is inside the site at {@code root} once links are followed. */
    public static Optional<Path> inside(Path root, Path file) {
        try {
            Path r = root.toRealPath();
            Path f = file.toRealPath();
            return f.startsWith(r) ? Optional.of(f) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code file} is, once links are followed, a hidden or backup file of the site (or in such a folder). */
    public static boolean isHidden(Path root, Path file) {
        try {
            Path r = root.toRealPath();
            Path f = file.toRealPath();
            return f.startsWith(r) && !f.equals(r) && isIgnored(r.relativize(f));
        } catch (IOException e) {
            Path r = root.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            return f.startsWith(r) && !f.equals(r) && isIgnored(r.relativize(f));
        }
    }

    /** Whether {@code file}, written relative to something in the site, stays in the site folder (before links). */
    public static boolean staysInside(Path root, Path file) {
        return file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    /**
     * Every publishable file under {@code dir} (a folder of the site at {@code root}), sorted, by its path under
     * {@code dir} as written (not its link target). Links inside the site are followed; a link out of the site, a
     * link loop or an unreadable folder is reported in {@code problems} and left out.
     */
    public static List<Path> walk(Path root, Path dir, List<Diagnostic> problems) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return out;
        }
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && isIgnored(d.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                    // A folder named like a Markdown file (index.md/) is always a mistake: its files would be
                    // published as a paper's files.
                    if (!d.equals(dir) && d.getFileName().toString().endsWith(".md")) {
                        problems.add(Diagnostic.error(SourcePos.of(shown(d)),
                                "this is a folder, but a Markdown file of this name is expected", "rename or remove the folder"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return refused(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (isIgnored(f.getFileName().toString())) return FileVisitResult.CONTINUE;
                    if (attrs.isSymbolicLink()) {
                        problems.add(Diagnostic.warning(SourcePos.of(shown(f)), "symbolic link " + target(f)
                                + " leads nowhere, so it is not published", "remove the link or make it point at a file of the site"));
                    } else if (attrs.isRegularFile() && !refused(f)) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (isIgnored(f.getFileName().toString())) return FileVisitResult.CONTINUE;
                    if (e instanceof FileSystemLoopException) {
                        problems.add(Diagnostic.error(SourcePos.of(shown(f)), "symbolic link " + target(f)
                                + " loops back to a folder that contains it", "remove the link"));
                    } else {
                        problems.add(Diagnostic.error(SourcePos.of(shown(f)), "cannot read: " + e.getMessage(),
                                "check its permissions"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** A link that leads out of the site, or to a hidden file in it: reported, not followed. */
                private boolean refused(Path p) {
                    if (!Files.isSymbolicLink(p)) return false;
                    Path real;
                    try {
                        real = p.toRealPath();
                    } catch (IOException e) {
                        return false; // dangling: visitFile says so
                    }
                    if (real.startsWith(realRoot)) {
                        boolean hidden = !real.equals(realRoot) && isIgnored(realRoot.relativize(real));
                        if (!hidden) return false;
                        problems.add(Diagnostic.error(SourcePos.of(shown(p)), "symbolic link " + target(p)
                                + " leads to a hidden or backup file, which is never published", "remove the link"));
                        return true;
                    }
                    problems.add(Diagnostic.error(SourcePos.of(shown(p)), "symbolic link " + target(p)
                            + " leads out of the site folder",
                            "copy the file into the site instead of linking to it, or remove the link"));
                    return true;
                }

                private Path shown(Path p) {
                    Path abs = p.toAbsolutePath().normalize();
                    Path r = root.toAbsolutePath().normalize();
                    return abs.startsWith(r) ? r.relativize(abs) : p;
                }
            });
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.of(dir), "cannot read the folder: " + e.getMessage(), "check its permissions"));
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static String target(Path link) {
        try {
            return "to " + Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
