package org.lastmile.pipeline;

import org.lastmile.config.Theme;
import org.lastmile.pdf.Booklet;
import org.lastmile.pdf.Direction;
import org.lastmile.pdf.Fonts;
import org.lastmile.pdf.PdfStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PDFs kept between builds of one process (the preview server), keyed by a hash of everything that went into them,
 * so an edit re-typesets only the guides it touched; with a {@link DiskCache}, also between builds (and machines).
 */
public final class PdfCache {
    private final Optional<DiskCache> disk;
    private final Map<String, byte[]> byKey = new ConcurrentHashMap<>();
    private final Map<String, byte[]> booklets = new ConcurrentHashMap<>();
    private final Map<String, Fonts> fonts = new ConcurrentHashMap<>();
    private final Map<String, String> fileHashes = new ConcurrentHashMap<>();

    /** A cache in memory only: the preview server's, or a build's with --no-cache. */
    public PdfCache() {
        this(Optional.empty());
    }

    public PdfCache(Optional<DiskCache> disk) {
        this(disk, true);
    }

    /**
     * With {@code remember} false, PDFs are not kept in memory once handed out: a one-off build writes each PDF and
     * lets it go, where a preview server wants it again on the next rebuild.
     */
    PdfCache(Optional<DiskCache> disk, boolean remember) {
        this.disk = disk;
        this.remember = remember;
    }

    private final boolean remember;

    Optional<DiskCache> disk() {
        return disk;
    }

    /**
     * What identifies a font file's content in PDF keys. Without a disk cache the keys live only as long as the
     * process, so the file's path, size and modification time do (as for {@link #fonts}, which reloads a font when
     * they change): hashing 50 MB of CJK fonts on every build cost about 3 ms per guide. With a disk cache the key
     * must notice a changed font even when its name, size and date did not change, so it is the content's SHA-256,
     * remembered in the cache under path, size and time (as the site's fingerprint remembers file hashes): a CI
     * checkout, which gives every file a new date, hashes each font once again.
     */
    String fontHash(java.nio.file.Path font) {
        String stamp;
        long modified;
        try {
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(font);
            modified = time.toMillis();
            stamp = font.toAbsolutePath() + " " + Files.size(font) + " " + time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return "missing"; // Fonts.load reports the file
        }
        if (disk.isEmpty()) return stamp;
        DiskCache d = disk.get();
        // A font written in the last moments may change again within the same clock tick, keeping its size and
        // date: its hash is not remembered under them (the site's files follow the same rule, SiteCache.RACY_MILLIS).
        if (modified > System.currentTimeMillis() - SiteCache.RACY_MILLIS) return DiskCache.fileHash(font);
        return fileHashes.computeIfAbsent(stamp, k -> {
            String memo = java.util.HexFormat.of().formatHex(DiskCache.sha256(("font " + k).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Optional<String> known = d.get("font", memo).map(b -> new String(b, java.nio.charset.StandardCharsets.US_ASCII))
                    .filter(h -> h.length() == 64);
            if (known.isPresent()) return known.get();
            String h = DiskCache.fileHash(font);
            if (h.length() == 64) d.put("font", memo, h.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return h;
        });
    }

    /**
     * The fonts of {@code style}, loaded once: parsing a 10 MB CJK font per document (or per rebuild in the
     * preview) would cost more than typesetting. Keyed by the font files' names, sizes and dates.
     */
    Fonts fonts(PdfStyle style, Theme theme) {
        StringBuilder key = new StringBuilder();
        for (String f : style.fontFiles()) {
            key.append(f).append('@');
            theme.font(f).ifPresent(p -> {
                try {
                    key.append(p).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    key.append("?");
                }
            });
            key.append('\n');
        }
        return fonts.computeIfAbsent(key.toString(), k -> Fonts.load(style, PdfTheme.fonts(theme)));
    }

    /** The booklet of a guide; {@code cached} tells whether it was made before (in memory or on disk). */
    byte[] booklet(String key, byte[] guide, Direction direction, boolean cropMarks, boolean[] cached) {
        String bookletKey = java.util.HexFormat.of().formatHex(DiskCache.sha256((key + "\nbooklet").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        cached[0] = true;
        java.util.function.Function<String, byte[]> make = k -> disk.flatMap(d -> d.get("pdf", k)).orElseGet(() -> {
            cached[0] = false;
            byte[] b = Booklet.impose(guide, direction, cropMarks);
            disk.ifPresent(d -> d.put("pdf", k, b));
            return b;
        });
        return remember ? booklets.computeIfAbsent(bookletKey, make) : make.apply(bookletKey);
    }

    Optional<byte[]> get(String key) {
        byte[] b = byKey.get(key);
        if (b != null) return Optional.of(b);
        Optional<byte[]> stored = disk.flatMap(d -> d.get("pdf", key));
        if (remember) stored.ifPresent(x -> byKey.put(key, x));
        return stored;
    }

    void put(String key, byte[] pdf) {
        if (remember) byKey.put(key, pdf);
        disk.ifPresent(d -> d.put("pdf", key, pdf));
    }

    private final Map<String, org.lastmile.pdf.layout.GuideLayout.Report> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    /** How the guide stored under {@code key} was laid out, so a guide from the cache is still reported. */
    void putReport(String key, org.lastmile.pdf.layout.GuideLayout.Report r) {
        layouts.put(key, r);
        String text = r.layout().name() + " " + r.size() + " " + r.fullness();
        disk.ifPresent(d -> d.put("layout", key, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    Optional<org.lastmile.pdf.layout.GuideLayout.Report> report(String key) {
        var r = layouts.get(key);
        if (r != null) return Optional.of(r);
        return disk.flatMap(d -> d.get("layout", key)).flatMap(b -> {
            String[] p = new String(b, java.nio.charset.StandardCharsets.US_ASCII).split(" ");
            try {
                return Optional.of(new org.lastmile.pdf.layout.GuideLayout.Report(
                        org.lastmile.pdf.layout.GuideLayout.Kind.valueOf(p[0]), Float.parseFloat(p[1]),
                        Float.parseFloat(p[2])));
            } catch (RuntimeException e) {
                return Optional.empty(); // a foreign or damaged entry: the guide is simply not reported
            }
        });
    }
}
