package org.lastmile.pipeline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * The publishing stage: writes a finished build into a fresh folder beside the output, then swaps it in. Readers of
 * the output (a web server, a preview) see the old site or the new one, never half of each, and a failed build never
 * reaches this stage, so the previous output stays as it was.
 */
public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Why {@code out} must not receive a build of the site at {@code source}, if it must not: publishing replaces
     * the folder whole, so it must never be the site itself, a folder above it, one of its source folders, another
     * site, or a file.
     */
    public static java.util.Optional<org.lastmile.diag.Diagnostic> refusal(Path source, Path out) {
        Path src = source.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        String why = null;
        if (src.startsWith(o)) {
            why = "is the site folder or contains it, and a build replaces its output folder whole";
        } else if (java.util.stream.Stream.of("content", "templates", "fonts", "static").anyMatch(d -> o.startsWith(src.resolve(d)))) {
            why = "is inside the site's sources";
        } else if (Files.exists(o) && !Files.isDirectory(o)) {
            why = "is a file, not a folder";
        } else if (Files.isDirectory(o.resolve("content")) || Files.isRegularFile(o.resolve("site.yaml"))) {
            why = "holds a site (content/ or site.yaml), which the build would replace";
        }
        return why == null ? java.util.Optional.empty() : java.util.Optional.of(org.lastmile.diag.Diagnostic.error(
                org.lastmile.diag.SourcePos.of(out), "cannot build into this folder: it " + why,
                "choose another --out, such as public/"));
    }

    /** Writes {@code files} (output path → bytes) and {@code copies} (output path → source file) to {@code out}. */
    public static void publish(Path out, Map<String, byte[]> files, Map<String, Path> copies) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
        try {
            for (Map.Entry<String, Path> c : copies.entrySet()) {
                Path dest = staging.resolve(c.getKey());
                Files.createDirectories(dest.getParent());
                Files.copy(c.getValue(), dest, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path dest = staging.resolve(f.getKey());
                Files.createDirectories(dest.getParent());
                Files.write(dest, f.getValue());
            }
            swap(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void swap(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        } catch (IOException e) {
            if (old != null) Files.move(old, target); // put the previous site back
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
