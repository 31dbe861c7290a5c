package org.lastmile.build;

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
