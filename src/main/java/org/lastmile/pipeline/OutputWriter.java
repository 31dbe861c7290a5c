package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The publishing stage. The output path ({@code public/}) is a symbolic link to a complete version of the site kept
 * in a store beside it ({@code .public.lastmile/site-…/}); a build writes a new version there and then swaps the link
 * with one {@code rename}, which is atomic. So whatever stops the process, and at any instant, the output path is
 * the whole previous site or the whole new one, and a web server serving it never sees a half-written site. The
 * previous version is kept until the next build, so requests that started on it can finish.
 *
 * <p>The store holds a marker file, which is how lastmile knows an output is its own: it replaces only its own
 * output, an empty folder, or (with {@code --force}) whatever the user said it may.
 */
public final class OutputWriter {
    static final String MARKER = "LASTMILE";
    private static final String LOCK = "lock";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private OutputWriter() {
    }

    /** The store of the output at {@code out}: a hidden folder beside it. */
    static Path store(Path out) {
        Path o = out.toAbsolutePath().normalize();
        return o.resolveSibling("." + o.getFileName() + ".lastmile");
    }

    /** Whether {@code out} is an output lastmile published: a link into its own, marked store. */
    static boolean isOurs(Path out) {
        Path o = out.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(o)) return false;
        try {
            Path target = Files.readSymbolicLink(o);
            Path store = store(o);
            return target.getNameCount() == 2 && target.getName(0).toString().equals(store.getFileName().toString())
                    && target.getName(1).toString().startsWith("site-") && !target.isAbsolute()
                    && Files.isRegularFile(store.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@link #refusal(Path, Path, boolean)} without {@code --force}. */
    public static Optional<Diagnostic> refusal(Path source, Path out) {
        return refusal(source, out, false);
    }

    /**
     * Why {@code out} must not receive a build of the site at {@code source}, if it must not. Never the site itself,
     * a folder above it or one of its source folders, another site, or a file (not even with {@code force}); a
     * symbolic link or a folder holding files lastmile did not make only with {@code force}.
     */
    public static Optional<Diagnostic> refusal(Path source, Path out, boolean force) {
        Path src = real(source);
        Path o = real(out);
        String why = null;
        String todo = "choose another --out, such as public/";
        Path given = out.toAbsolutePath().normalize();
        if (src.startsWith(o)) {
            why = "is the site folder or contains it, and a build replaces its output folder whole";
        } else if (Stream.of("content", "templates", "fonts", "static").anyMatch(d -> o.startsWith(src.resolve(d)))) {
            why = "is inside the site's sources";
        } else if (Files.exists(given) && !Files.isDirectory(given)) {
            why = "is a file, not a folder";
        } else if (Files.isDirectory(o.resolve("content")) || Files.isRegularFile(o.resolve("site.yaml"))) {
            why = "holds a site (content/ or site.yaml), which the build would replace";
        } else if (Files.exists(store(given), LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(store(given).resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            why = "has a " + store(given).getFileName() + " beside it that lastmile did not make (lastmile keeps its versions there)";
            todo = "move that folder away, or choose another --out";
        } else if (!force && Files.isSymbolicLink(given) && !isOurs(given)) {
            why = "is a symbolic link" + linkTarget(given) + " that lastmile did not make";
            todo = "give the real folder as --out, choose another --out, or pass --force to replace the link (what it points to is left alone)";
        } else if (!force && Files.isDirectory(given, LinkOption.NOFOLLOW_LINKS) && !isEmpty(given)) {
            why = "holds files that lastmile did not make";
            todo = "choose a new or empty folder as --out, or pass --force to replace this folder and everything in it";
        }
        return why == null ? Optional.empty() : Optional.of(Diagnostic.error(SourcePos.of(out),
                "cannot build into this folder: it " + why, todo));
    }

    /**
     * Why {@code lastmile pdf -o file} must not write {@code file} for the site at {@code source}, if it must not:
     * never over site.yaml or anything in the site's sources, and never over a file that is not a PDF.
     */
    public static Optional<String> pdfRefusal(Path source, Path file) {
        Path src = real(source);
        Path f = real(file);
        if (f.equals(src.resolve("site.yaml"))) return Optional.of("is the site's configuration");
        if (src.startsWith(f)) return Optional.of("is the site folder or contains it");
        for (String d : List.of("content", "templates", "fonts", "static")) {
            if (f.startsWith(src.resolve(d))) return Optional.of("is inside the site's " + d + "/ folder, which holds its sources");
        }
        if (Files.isDirectory(f)) return Optional.of("is a folder");
        if (Files.exists(f)) {
            byte[] head = new byte[5];
            try (var in = Files.newInputStream(f)) {
                int n = in.readNBytes(head, 0, 5);
                if (n < 5 || !new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                    return Optional.of("is a file that is not a PDF, and lastmile pdf overwrites only PDFs");
                }
            } catch (IOException e) {
                return Optional.of("cannot be read (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** The path with symbolic links resolved as far as it exists, so a path through a link is seen for what it is. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path rest = abs.getRoot().relativize(abs);
        for (int i = rest.getNameCount(); i >= 0; i--) {
            Path head = i == 0 ? abs.getRoot() : abs.getRoot().resolve(rest.subpath(0, i));
            try {
                Path r = head.toRealPath();
                return i == rest.getNameCount() ? r : r.resolve(rest.subpath(i, rest.getNameCount()));
            } catch (IOException e) {
                // not there (or a dangling link): try the folder above
            }
        }
        return abs;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Publishes {@code files} (output path → bytes) and {@code copies} (output path → source file) at {@code out}. */
    public static void publish(Path out, Map<String, byte[]> files, Map<String, Path> copies) throws IOException {
        publish(out, files, copies, false);
    }

    /**
     * Writes a new version of the site into the store and swaps the output link to it. With {@code force}, a
     * foreign link or folder at {@code out} is replaced (a link's target is never touched).
     */
    public static void publish(Path out, Map<String, byte[]> files, Map<String, Path> copies, boolean force) throws IOException {
        try (Staging s = stage(out, force)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) s.write(f.getKey(), f.getValue());
            s.commit(copies);
        }
    }

    /**
     * A new version of the site at {@code out}, to be written file by file while the build renders (so no build
     * holds its whole output in memory) and swapped in by {@link Staging#commit}. Nothing is touched before the
     * first file is written; a staging closed without commit leaves the previous output exactly as it was.
     */
    public static Staging stage(Path out, boolean force) {
        return new Staging(out.toAbsolutePath().normalize(), force);
    }

    /** A version of the site being written; see {@link #stage}. Thread-safe: pages are written as workers finish them. */
    public static final class Staging implements AutoCloseable {
        private final Path target;
        private final Path store;
        private final boolean force;
        private final java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        private FileChannel channel;
        private FileLock lock;
        private Path building;
        private String stamp;
        private boolean createdStore;
        private boolean done;
        /** Deletes old versions while the build renders (see {@link #open}); joined before the swap and on close. */
        private Thread cleaner;
        private volatile IOException cleanerFailed;
        /** Folders of the new version known to exist: most pages share theirs, and a mkdir per file is disk work. */
        private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Staging(Path target, boolean force) {
            this.target = target;
            this.store = store(target);
            this.force = force;
        }

        /** Writes one file of the new version; a later write of the same path replaces it. */
        public void write(String rel, byte[] content) throws IOException {
            Path dest = inside(open(), rel);
            if (!folders.contains(dest.getParent())) {
                Files.createDirectories(dest.getParent());
                folders.add(dest.getParent());
            }
            Files.write(dest, content);
            written.add(rel);
            bytes.addAndGet(content.length);
        }

        /** How many files were written so far. */
        public int files() {
            return written.size();
        }

        /**
         * Copies {@code copies} (output path → source file) where no written file took the path, then swaps the
         * output link to the new version.
         */
        public void commit(Map<String, Path> copies) throws IOException {
            Path dir = open();
            awaitCleaner();
            for (Map.Entry<String, Path> c : copies.entrySet()) {
                if (written.contains(c.getKey())) continue; // a page the build made wins over a static file
                Path dest = inside(dir, c.getKey());
                Files.createDirectories(dest.getParent());
                // Through a stream, so the copy gets the umask's permissions, not the source's (a web server must read it).
                try (OutputStream os = Files.newOutputStream(dest)) {
                    Files.copy(c.getValue(), os);
                }
            }
            Path version = store.resolve("site-" + stamp);
            Files.move(dir, version, StandardCopyOption.ATOMIC_MOVE);
            building = null;
            swap(target, store, version, force);
            cleanUp(target, store);
            done = true;
        }

        /** The folder being written: made, with the store and its lock, on first use. */
        private synchronized Path open() throws IOException {
            if (done) throw new IOException("this version of " + target + " was already published");
            if (building != null) return building;
            // The command checked already; the library checks again, so no caller can replace what is not ours.
            if (!force && Files.isSymbolicLink(target) && !isOurs(target)) {
                throw new IOException(target + " is a symbolic link that lastmile did not make");
            }
            if (!force && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !isEmpty(target)) {
                throw new IOException(target + " holds files that lastmile did not make");
            }
            if (Files.exists(store, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(store.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                    && !(Files.isDirectory(store, LinkOption.NOFOLLOW_LINKS) && isEmpty(store))) {
                throw new IOException(store + " was not made by lastmile");
            }
            createdStore = !Files.exists(store, LinkOption.NOFOLLOW_LINKS);
            Files.createDirectories(store);
            Path marker = store.resolve(MARKER);
            if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                Files.writeString(marker, "This folder holds the versions of " + target.getFileName() + " published by lastmile;\n"
                        + target.getFileName() + " is a link to the current one. Remove both together, or leave them to lastmile.\n",
                        StandardCharsets.UTF_8);
            }
            channel = FileChannel.open(store.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                channel = null;
                throw new IOException("another lastmile build is publishing to " + target + " right now");
            }
            // Old versions are deleted on another thread: open() holds this object's lock, so deleting a site of
            // thousands of files here would stop every worker at its first page for as long as the disk takes.
            List<Path> old = stale(target, store);
            cleaner = Thread.ofPlatform().name("lastmile-clean-up").daemon().start(() -> {
                try {
                    for (Path p : old) deleteTree(p);
                } catch (IOException e) {
                    cleanerFailed = e;
                }
            });
            String s = STAMP.format(Instant.now()) + "-" + ProcessHandle.current().pid();
            for (int i = 2; Files.exists(store.resolve("site-" + s), LinkOption.NOFOLLOW_LINKS); i++) {
                s = STAMP.format(Instant.now()) + "-" + ProcessHandle.current().pid() + "-" + i;
            }
            stamp = s;
            building = store.resolve("build-" + stamp);
            Files.createDirectory(building);
            return building;
        }

        private void joinCleaner() {
            if (cleaner == null) return;
            boolean interrupted = false;
            while (true) {
                try {
                    cleaner.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the store must not be touched while old versions are deleted
                }
            }
            cleaner = null;
            if (interrupted) Thread.currentThread().interrupt();
        }

        /** Waits for the deletion of old versions and reports its failure as the build's. */
        private void awaitCleaner() throws IOException {
            joinCleaner();
            IOException e = cleanerFailed;
            cleanerFailed = null;
            if (e != null) throw e;
        }

        /** Releases the lock; a version not committed is removed, and so is a store this staging made for it. */
        @Override
        public synchronized void close() throws IOException {
            try {
                joinCleaner();
                if (building != null) {
                    deleteTree(building);
                    building = null;
                    if (createdStore && !done) {
                        if (lock != null) lock.release();
                        if (channel != null) channel.close();
                        lock = null;
                        channel = null;
                        deleteTree(store);
                    }
                }
            } finally {
                done = true;
                if (lock != null) lock.release();
                if (channel != null) channel.close();
            }
        }
    }

    /**
     * Removes what killed builds left beside an output that stays as it is (a build that found its output already up
     * to date writes nothing, so it has no staging to tidy with): only under the store's lock, and not at all when
     * another build holds it, since that build's folder is one of those leftovers until it commits.
     */
    static void tidy(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (!isOurs(target)) return;
        Path store = store(target);
        try (FileChannel ch = FileChannel.open(store.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = tryLock(ch);
            if (l == null) return;
            try {
                cleanUp(target, store);
            } finally {
                l.release();
            }
        } catch (IOException e) {
            // leftovers stay until the next build that publishes
        }
    }

    /** The lock, or null when another build (in another process or this one) holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static Path inside(Path dir, String rel) throws IOException {
        Path p = dir.resolve(rel).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) throw new IOException("output path '" + rel + "' leaves the output folder");
        return p;
    }

    private static void swap(Path target, Path store, Path version, boolean force) throws IOException {
        Path link = store.resolve("link-" + version.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(store.getFileName().toString(), version.getFileName().toString()));
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            // An empty folder (or, with --force, a foreign one) becomes the link: the one step that cannot be a
            // single rename, and only ever taken on a folder that holds no site of ours.
            if (isEmpty(target)) {
                Files.delete(target);
            } else if (force) {
                Files.move(target, store.resolve("replaced-" + version.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            } else {
                throw new IOException(target + " holds files that lastmile did not make");
            }
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a file, not a folder");
        }
        // rename(2) replaces the old link in one step: readers see the old site or the new one.
        Files.move(link, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes what is no longer needed, all of it clearly lastmile's: versions older than the one before the live
     * one, folders and links of builds that were killed, and the leftovers of older lastmile versions beside the
     * output ({@code .public.new-…}, {@code .public.old-…}).
     */
    private static void cleanUp(Path target, Path store) throws IOException {
        for (Path p : stale(target, store)) deleteTree(p);
    }

    /** What {@link #cleanUp} deletes, listed now (a folder made after this is never in it). */
    private static List<Path> stale(Path target, Path store) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        String live = null;
        if (isOurs(target)) live = Files.readSymbolicLink(target).getFileName().toString();
        List<Path> entries;
        try (Stream<Path> s = Files.list(store)) {
            entries = s.sorted().toList();
        }
        List<Path> versions = entries.stream().filter(p -> p.getFileName().toString().startsWith("site-")).toList();
        String previous = null;
        for (Path v : versions) {
            String n = v.getFileName().toString();
            if (live != null && n.compareTo(live) < 0) previous = n;
        }
        for (Path e : entries) {
            String n = e.getFileName().toString();
            boolean stale = n.startsWith("build-") || n.startsWith("link-") || n.startsWith("replaced-")
                    || (n.startsWith("site-") && !n.equals(live) && !n.equals(previous))
                    || LiveStamp.isStampOfOther(n, live, previous) || n.startsWith(".tmp-stamp-");
            if (stale) out.add(e);
        }
        String name = target.getFileName().toString();
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("\\." + java.util.regex.Pattern.quote(name) + "\\.(new|old)-[0-9]+")) out.add(p);
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
