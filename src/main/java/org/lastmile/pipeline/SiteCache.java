package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Severity;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.layout.GuideLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole-site level of the build cache. A build's output depends only on the files of the site folder, the
 * build's options, {@code SOURCE_DATE_EPOCH} and lastmile's own code (its classes and built-in theme); the SHA-256 of
 * all of them is the site's fingerprint. A build stores the list of what it published under that fingerprint (each
 * file by the hash of its bytes, so unchanged pages are stored once however many builds made them), with its
 * warnings and guide reports; the next build with the same fingerprint publishes that list without loading,
 * parsing or rendering anything. Any change at all, in any file of the site, is a different fingerprint and a full
 * build. An entry that is missing, damaged or foreign is never served: the build falls back to rendering.
 *
 * <p>Hashing every file on every build would cost as much as reading the site; each file's hash is therefore kept
 * with its size and modification time (as git's index does), and read again only when one of them changed. A CI
 * checkout gives every file a new time, so there every file is hashed again, and the fingerprint still matches when
 * the content did.
 */
final class SiteCache {
    private static final String SITE = "site";
    /** Published files by the SHA-256 of their bytes: shared with the page level ({@link PageCache}). */
    static final String FILES = "out";
    private static final String STATS = "stat";
    private static final String FORMAT = "lastmile site manifest 1";
    /** How much older than a walk a file's time must be for its hash to be trusted by size and time later. */
    static final long RACY_MILLIS = 2_000;

    private final DiskCache disk;

    SiteCache(DiskCache disk) {
        this.disk = disk;
    }

    /**
     * The fingerprint of everything a build of {@code opts} reads, or empty when it cannot be taken with certainty
     * (an unreadable file, a link to a folder): then the build simply renders everything.
     */
    Optional<String> fingerprint(BuildOptions opts) {
        return take(opts).map(Fingerprint::digest);
    }

    /**
     * A site's fingerprint and the SHA-256 of each file it covers, by path in the site folder ("/"-separated): the
     * page level of the cache ({@link PageCache}) keys pages by the parts of the site they read.
     */
    record Fingerprint(String digest, Map<String, String> files) {
    }

    /** {@link #fingerprint}, with the hash of each file. */
    Optional<Fingerprint> take(BuildOptions opts) {
        Path root = opts.source().toAbsolutePath().normalize();
        Path out = opts.out().toAbsolutePath().normalize();
        Map<String, String> files = new TreeMap<>();
        Map<String, Stat> known = stats(root);
        Map<String, Stat> seen = new ConcurrentHashMap<>();
        // A file changed within the same clock tick as its hashing keeps its size and time (git's "racy" case): a
        // hash is only trusted by size and time once the file's time is safely older than the walk that took it.
        long racy = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - RACY_MILLIS);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) return FileVisitResult.CONTINUE;
                    // Hidden folders (.git, .lastmile) are never read by a build; nor is the output it replaces.
                    if (org.lastmile.config.SiteFiles.isIgnored(d.getFileName().toString()) || d.equals(out)
                            || opts.cacheDir().map(c -> d.equals(c.toAbsolutePath().normalize())).orElse(false)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (org.lastmile.config.SiteFiles.isIgnored(f.getFileName().toString()) || f.equals(out)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) {
                        // A link to a file counts by what it leads to; a link to a folder would need a walk of its
                        // own (and loops guarded): such a site is rendered every time instead.
                        if (Files.isDirectory(f)) {
                            if (OutputWriter.isOurs(f)) return FileVisitResult.CONTINUE; // an older output of a build
                            throw new IOException("link to a folder: " + rel);
                        }
                        files.put(rel, "link " + Files.readSymbolicLink(f) + " " + (Files.isRegularFile(f) ? DiskCache.fileHash(f) : "none"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                    Stat s = new Stat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), null);
                    Stat before = known.get(rel);
                    String hash = before != null && before.size() == s.size() && before.modified() == s.modified()
                            ? before.hash() : DiskCache.fileHash(f);
                    if (hash.equals("missing")) throw new IOException("cannot read " + rel);
                    if (s.modified() < racy) seen.put(rel, new Stat(s.size(), s.modified(), hash));
                    files.put(rel, hash);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (org.lastmile.config.SiteFiles.isIgnored(f.getFileName().toString())) return FileVisitResult.CONTINUE;
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (!seen.equals(known)) putStats(root, seen);
        MessageDigest d = DiskCache.digest();
        d.update((FORMAT + "\n" + buildInputs(opts, disk)).getBytes(StandardCharsets.UTF_8));
        files.forEach((rel, hash) -> d.update((rel + "\u0000" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        return Optional.of(new Fingerprint(HexFormat.of().formatHex(d.digest()), java.util.Collections.unmodifiableMap(files)));
    }

    /**
     * What besides the site's files decides a build's output: lastmile's code, the options that change the output
     * and {@code SOURCE_DATE_EPOCH}. One list for every key that covers them (the site fingerprint, the page keys),
     * so an option added here is in all of them.
     */
    static String buildInputs(BuildOptions opts, DiskCache disk) {
        return disk.codeFingerprint() + "\n"
                + "languages " + opts.languages() + "\n"
                + "base-url " + opts.baseUrl().orElse("") + "\n"
                + "drafts " + opts.drafts() + " check " + opts.check() + " others " + opts.othersOnDemand() + "\n"
                + "shard " + opts.shard().map(String::valueOf).orElse("whole") + "\n"
                + "SOURCE_DATE_EPOCH " + System.getenv("SOURCE_DATE_EPOCH") + "\n";
    }

    /** A file's size, modification time and content hash, as last seen. */
    private record Stat(long size, long modified, String hash) {
    }

    private String statKey(Path root) {
        return HexFormat.of().formatHex(DiskCache.sha256(("stats of " + root).getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, Stat> stats(Path root) {
        Map<String, Stat> out = new ConcurrentHashMap<>();
        disk.get(STATS, statKey(root)).ifPresent(b -> {
            for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t", 4);
                if (p.length != 4) continue;
                try {
                    out.put(p[3], new Stat(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2]));
                } catch (NumberFormatException e) {
                    // a damaged line: that file is hashed again
                }
            }
        });
        return out;
    }

    private void putStats(Path root, Map<String, Stat> seen) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(seen).forEach((rel, s) -> {
            if (rel.indexOf('\n') < 0) sb.append(s.size()).append('\t').append(s.modified()).append('\t').append(s.hash()).append('\t').append(rel).append('\n');
        });
        disk.put(STATS, statKey(root), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What a build published, recorded as it goes: each file's bytes go into the cache under their hash. */
    final class Recorder {
        private final Map<String, String> files = new ConcurrentHashMap<>();

        void file(String path, byte[] bytes) {
            String hash = disk.hashOf(bytes);
            if (!disk.has(FILES, hash)) disk.put(FILES, hash, bytes);
            files.put(path, hash);
        }

        /**
         * Stores the manifest of a successful build: its files, the copies of site files (by path in the site;
         * the fingerprint covers their content), the built-in theme's copies (stored like pages), its findings and
         * guide reports. A build with a name the manifest cannot hold is simply not stored.
         */
        void store(String fingerprint, Path root, Map<String, Path> copies, List<Diagnostic> diagnostics, int pages,
                   int pdfs, Map<String, GuideLayout.Report> guides) {
            StringBuilder sb = new StringBuilder(FORMAT).append('\n');
            sb.append("counts\t").append(pages).append('\t').append(pdfs).append('\n');
            Path r = root.toAbsolutePath().normalize();
            for (Map.Entry<String, Path> c : new TreeMap<>(copies).entrySet()) {
                if (files.containsKey(c.getKey())) continue;
                Path p = c.getValue();
                if (p.getFileSystem() == r.getFileSystem() && p.toAbsolutePath().normalize().startsWith(r)) {
                    sb.append("copy\t").append(c.getKey()).append('\t').append(r.relativize(p.toAbsolutePath().normalize())).append('\n');
                } else {
                    try {
                        file(c.getKey(), Files.readAllBytes(p));
                    } catch (IOException e) {
                        return;
                    }
                }
            }
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                sb.append("file\t").append(f.getValue()).append('\t').append(f.getKey()).append('\n');
            }
            for (Diagnostic x : diagnostics) {
                sb.append("note\t").append(x.severity().name()).append('\t')
                        .append(x.pos() == null ? "" : x.pos().path() == null ? "" : x.pos().path().toString()).append('\t')
                        .append(x.pos() == null ? -1 : x.pos().line()).append('\t')
                        .append(x.pos() == null ? 0 : x.pos().col()).append('\t')
                        .append(x.message()).append('\t').append(x.hint() == null ? "\u0000" : x.hint()).append('\n');
            }
            guides.forEach((path, g) -> sb.append("guide\t").append(path).append('\t').append(g.layout().name()).append('\t')
                    .append(g.size()).append('\t').append(g.fullness()).append('\n'));
            String text = sb.toString();
            // A tab or line break inside a name or message would make the list ambiguous: better not to store it.
            if (text.lines().anyMatch(l -> l.split("\t", -1).length > 7)) return;
            disk.put(SITE, fingerprint, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    Recorder recorder() {
        return new Recorder();
    }

    /** What a manifest says a build published. */
    record Manifest(Map<String, String> files, Map<String, Path> copies, List<Diagnostic> diagnostics, int pages, int pdfs,
                    Map<String, GuideLayout.Report> guides) {
    }

    /** The manifest stored under {@code fingerprint}, when there is one whose every file is in the cache. */
    Optional<Manifest> manifest(String fingerprint, Path root) {
        Optional<byte[]> b = disk.get(SITE, fingerprint);
        if (b.isEmpty()) return Optional.empty();
        String[] lines = new String(b.get(), StandardCharsets.UTF_8).split("\n");
        if (lines.length < 2 || !lines[0].equals(FORMAT)) return Optional.empty();
        Map<String, String> files = new TreeMap<>();
        Map<String, Path> copies = new TreeMap<>();
        List<Diagnostic> notes = new ArrayList<>();
        Map<String, GuideLayout.Report> guides = new TreeMap<>();
        int pages = -1;
        int pdfs = -1;
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] p = lines[i].split("\t", -1);
                switch (p[0]) {
                    case "counts" -> {
                        pages = Integer.parseInt(p[1]);
                        pdfs = Integer.parseInt(p[2]);
                    }
                    case "copy" -> copies.put(p[1], root.resolve(p[2]));
                    case "file" -> {
                        if (!disk.has(FILES, p[1])) return Optional.empty();
                        files.put(p[2], p[1]);
                    }
                    case "note" -> {
                        int line = Integer.parseInt(p[3]);
                        SourcePos pos = line < 0 ? null : new SourcePos(p[2].isEmpty() ? null : Path.of(p[2]), line, Integer.parseInt(p[4]));
                        notes.add(new Diagnostic(Severity.valueOf(p[1]), pos, p[5], p[6].equals("\u0000") ? null : p[6]));
                    }
                    case "guide" -> guides.put(p[1], new GuideLayout.Report(GuideLayout.Kind.valueOf(p[2]),
                            Float.parseFloat(p[3]), Float.parseFloat(p[4])));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a manifest this version cannot read is no manifest
        }
        if (pages < 0) return Optional.empty();
        return Optional.of(new Manifest(files, copies, List.copyOf(notes), pages, pdfs, guides));
    }

    /**
     * A stored file's bytes, when intact. A damaged entry is removed: the build that follows stores only files
     * that are not there yet, and must store this one again.
     */
    Optional<byte[]> file(String hash) {
        Optional<byte[]> b = disk.get(FILES, hash);
        if (b.isEmpty()) disk.drop(FILES, hash);
        return b;
    }
}
