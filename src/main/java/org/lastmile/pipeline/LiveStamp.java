package org.lastmile.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the live version of an output was built from (the site fingerprint of the build cache) and how its files
 * looked when it was published (size, modification time and inode of each), kept beside it in the store as
 * {@code stamp-<version>}. A rebuild whose fingerprint is the live version's, and whose files are all as they were
 * published (the quick check make and rsync trust), leaves the output as it is instead of writing the same site again:
 * writing thousands of files, and deleting an old version of as many, was most of a no-change rebuild.
 */
final class LiveStamp {
    private static final String FORMAT = "lastmile live stamp 1";

    private LiveStamp() {
    }

    /** Records the live version of {@code out} as built from {@code fingerprint}; a failure only costs the shortcut. */
    static void record(Path out, String fingerprint) {
        try {
            Optional<Path> live = live(out);
            if (live.isEmpty()) return;
            StringBuilder sb = new StringBuilder(FORMAT).append('\n').append(fingerprint).append('\n');
            for (var e : files(live.get()).entrySet()) sb.append(e.getValue()).append('\t').append(e.getKey()).append('\n');
            Path stamp = stampOf(out, live.get());
            Path tmp = stamp.resolveSibling(".tmp-" + stamp.getFileName() + "-" + ProcessHandle.current().pid());
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, stamp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no stamp: the next build with nothing changed writes the site again, as it would without one
        }
    }

    /** Whether the live version of {@code out} is what a build from {@code fingerprint} publishes, untouched since. */
    static boolean upToDate(Path out, String fingerprint) {
        try {
            Optional<Path> live = live(out);
            if (live.isEmpty()) return false;
            Path stamp = stampOf(out, live.get());
            if (!Files.isRegularFile(stamp)) return false;
            String expected = FORMAT + "\n" + fingerprint + "\n";
            StringBuilder sb = new StringBuilder(expected);
            for (var e : files(live.get()).entrySet()) sb.append(e.getValue()).append('\t').append(e.getKey()).append('\n');
            return sb.toString().equals(Files.readString(stamp, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code name} in the store is the stamp of a version not among {@code kept}. */
    static boolean isStampOfOther(String name, String... kept) {
        if (!name.startsWith("stamp-")) return false;
        for (String k : kept) if (k != null && name.equals("stamp-" + k)) return false;
        return true;
    }

    private static Optional<Path> live(Path out) throws IOException {
        if (!OutputWriter.isOurs(out)) return Optional.empty();
        Path o = out.toAbsolutePath().normalize();
        return Optional.of(OutputWriter.store(o).resolve(Files.readSymbolicLink(o).getFileName()));
    }

    private static Path stampOf(Path out, Path version) {
        return OutputWriter.store(out).resolve("stamp-" + version.getFileName());
    }

    /** Every file of a version (sorted by path) with its size, modification time in nanoseconds and file key. */
    private static TreeMap<String, String> files(Path version) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        Files.walkFileTree(version, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                String rel = version.relativize(f).toString();
                // A name with a line end would make the stamp ambiguous: then never up to date.
                if (rel.indexOf('\n') >= 0) throw new IllegalStateException("unrecordable name");
                out.put(rel, (a.isRegularFile() ? "f" : "o") + a.size() + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                        + "\t" + a.fileKey());
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }
}
