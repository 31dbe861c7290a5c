package org.lastmile.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The persistent build cache ({@code .lastmile/cache/} by default): results stored under the SHA-256 of everything
 * that went into them, so a result is found again only when all its inputs are the same, on this machine or on a CI
 * runner that restored the folder. Each entry carries its key and a checksum of its bytes: a truncated, corrupt or
 * foreign file is ignored and made again, never served. Writing is best effort (a full disk slows the next build
 * down, it does not fail this one); the first failure is kept for one warning.
 */
public final class DiskCache {
    private static final byte[] MAGIC = "LMC2".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 64;
    private static final int HEADER = MAGIC.length + KEY_LENGTH + Long.BYTES + Long.BYTES;

    private final Path dir;
    private final String codeFingerprint;
    private final AtomicReference<String> writeProblem = new AtomicReference<>();
    /** Every entry this instance stored, so that a build whose site changed under it can take them back. */
    private final java.util.Queue<Path> written = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public DiskCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.codeFingerprint = rememberedFingerprint();
    }

    /**
     * {@link #computeFingerprint()}, remembered in the cache under the jar's path, size and date: hashing 25 MB of
     * classes, templates and fonts on every build would cost a no-change rebuild a good part of its time. A jar
     * built again (a CI runner's) has a new date, so its content is hashed again.
     */
    private String rememberedFingerprint() {
        Path code;
        try {
            code = Path.of(DiskCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) return computeFingerprint();
            String stat = "code " + code.toAbsolutePath() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            String key = HexFormat.of().formatHex(sha256(stat.getBytes(StandardCharsets.UTF_8)));
            Optional<String> known = get("code", key).map(b -> new String(b, StandardCharsets.US_ASCII))
                    .filter(f -> f.length() == KEY_LENGTH);
            if (known.isPresent()) return known.get();
            String f = computeFingerprint();
            put("code", key, f.getBytes(StandardCharsets.US_ASCII));
            return f;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return computeFingerprint();
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * lastmile's version and a hash of its own classes and bundled library versions: a cache made by another build
     * of lastmile (say, before an upgrade of the typesetter) never serves this one.
     */
    String codeFingerprint() {
        return codeFingerprint;
    }

    /** The stored bytes of {@code key} in {@code kind}, when present and intact. */
    Optional<byte[]> get(String kind, String key) {
        Path f = file(kind, key);
        byte[] all;
        try {
            if (!Files.isRegularFile(f)) return Optional.empty();
            all = Files.readAllBytes(f);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (all.length < HEADER || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return Optional.empty();
        if (!new String(all, MAGIC.length, KEY_LENGTH, StandardCharsets.US_ASCII).equals(key)) return Optional.empty();
        long length = ByteBuffer.wrap(all, MAGIC.length + KEY_LENGTH, Long.BYTES).getLong();
        if (length != all.length - HEADER) return Optional.empty();
        long sum = ByteBuffer.wrap(all, HEADER - Long.BYTES, Long.BYTES).getLong();
        if (sum != checksum(all, HEADER, all.length - HEADER)) return Optional.empty();
        return Optional.of(Arrays.copyOfRange(all, HEADER, all.length));
    }

    /** Whether an entry is stored under {@code key} (not whether it is intact: {@link #get} checks that). */
    boolean has(String kind, String key) {
        return Files.isRegularFile(file(kind, key));
    }

    /** Removes the entry stored under {@code key}, if any (a damaged one, so that it is made again). */
    void drop(String kind, String key) {
        try {
            Files.deleteIfExists(file(kind, key));
        } catch (IOException e) {
            writeProblem.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Removes every entry this instance stored. A build keys its entries by the site as it was when the build began
     * but makes them from the files as it reads them; when a file changed in between, the entries may be the new
     * file's work under the old file's key, which would be served once the file is put back.
     */
    void forgetWritten() {
        for (Path f; (f = written.poll()) != null; ) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                writeProblem.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** Stores {@code bytes} under {@code key}; the entry appears whole or not at all. */
    void put(String kind, String key, byte[] bytes) {
        Path f = file(kind, key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".tmp-", "");
            try {
                ByteBuffer head = ByteBuffer.allocate(HEADER);
                head.put(MAGIC).put(key.getBytes(StandardCharsets.US_ASCII)).putLong(bytes.length).putLong(checksum(bytes, 0, bytes.length));
                try (var out = Files.newOutputStream(tmp)) {
                    out.write(head.array());
                    out.write(bytes);
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(f);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            writeProblem.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The SHA-256 of byte arrays this build already knows (by identity, held weakly): a page served from or stored
     * in the page cache carries its hash, so the whole-site level does not hash it again.
     */
    private final java.util.Map<byte[], String> known = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    void knowHash(byte[] bytes, String sha256) {
        known.put(bytes, sha256);
    }

    /** The hex SHA-256 of {@code bytes}: remembered by {@link #knowHash}, else computed. */
    String hashOf(byte[] bytes) {
        String h = known.get(bytes);
        return h != null ? h : HexFormat.of().formatHex(sha256(bytes));
    }

    /** Why the cache could not be written, if it could not. */
    Optional<String> writeProblem() {
        return Optional.ofNullable(writeProblem.get());
    }

    private Path file(String kind, String key) {
        if (key.length() != KEY_LENGTH || !key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(kind).resolve(key.substring(0, 2)).resolve(key);
    }

    /**
     * The checksum that finds a damaged entry: CRC-32C, which the JVM computes with the processor's own instruction,
     * where re-hashing every page with SHA-256 would be most of a cached build's work. (The key says what an entry
     * is; the checksum only that its bytes are the ones written.)
     */
    private static long checksum(byte[] b, int off, int len) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }

    static byte[] sha256(byte[] b) {
        return digest().digest(b);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The SHA-256 of a file's content, hex; "missing" when it cannot be read (a later stage reports that). */
    static String fileHash(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = digest();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            return "missing";
        }
    }

    private static String computeFingerprint() {
        MessageDigest d = digest();
        d.update(org.lastmile.config.Version.VERSION.getBytes(StandardCharsets.UTF_8));
        try {
            Path code = Path.of(DiskCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                try (JarFile jar = new JarFile(code.toFile())) {
                    List<JarEntry> entries = jar.stream()
                            .filter(e -> (e.getName().startsWith("org/lastmile/") && e.getName().endsWith(".class"))
                                    || e.getName().endsWith("/pom.properties")
                                    || (e.getName().startsWith("lastmile/") && !e.isDirectory())) // the built-in theme
                            .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry e : entries) {
                        d.update(e.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            d.update(in.readAllBytes());
                        }
                    }
                }
            } else if (Files.isDirectory(code)) {
                try (Stream<Path> s = Stream.concat(Files.walk(code.resolve("org/lastmile")),
                        Files.isDirectory(code.resolve("lastmile")) ? Files.walk(code.resolve("lastmile")) : Stream.empty())) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".class") || (Files.isRegularFile(p)
                            && code.relativize(p).toString().startsWith("lastmile"))).sorted().toList()) {
                        d.update(code.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        if (p.toString().endsWith(".class")) {
                            d.update(Files.readAllBytes(p));
                        } else {
                            // Classes from a folder (a developer's build, the tests): the theme's 25 MB of fonts and
                            // templates count by size and date, which every edit changes, not by a hash each build.
                            d.update((Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a fingerprint of the code, the version alone keys it: still correct for released versions.
            d.update("unknown code".getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
