package org.lastmile.pipeline;

import org.lastmile.config.SiteConfig;
import org.lastmile.content.SourceFile;
import org.lastmile.site.SiteIndex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the finer levels of the build cache ({@link IndexCache}, {@link PageCache}) key on, taken once per build
 * from the site's fingerprint and its loaded documents. {@link #digest} covers everything but the documents' bodies,
 * the page templates, the UI strings and the fonts, which each level keys more finely: lastmile's code, the options,
 * every other file of the site folder (site.yaml, images beside papers, static files, drafts…), the configuration and
 * every document's path, language and front matter (inherited values included), written down by {@link Canon}.
 */
final class Sources {
    private static final String FORMAT = "lastmile sources 1";

    private final String digest;
    private final Path root;
    private final Map<String, String> files;
    private final Map<String, String> documentHashes = new ConcurrentHashMap<>();

    private Sources(String digest, Path root, Map<String, String> files) {
        this.digest = digest;
        this.root = root;
        this.files = files;
    }

    /** Empty when some part cannot be written down with certainty: then nothing is cached below the site level. */
    static Optional<Sources> of(BuildOptions opts, DiskCache disk, SiteCache.Fingerprint fp, SiteConfig config,
                                Map<String, SourceFile> docs) {
        Path root = opts.source().toAbsolutePath().normalize();
        Set<String> docFiles = new java.util.HashSet<>();
        for (SourceFile sf : docs.values()) {
            Path f = sf.file().toAbsolutePath().normalize();
            if (f.startsWith(root)) docFiles.add(root.relativize(f).toString().replace('\\', '/'));
        }
        MessageDigest d = DiskCache.digest();
        d.update((FORMAT + "\n" + SiteCache.buildInputs(opts, disk)).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : fp.files().entrySet()) {
            String rel = f.getKey();
            if (!docFiles.contains(rel) && !isTemplate(rel) && !isUiStrings(rel) && !rel.startsWith("fonts/")) {
                d.update((rel + "\u0000" + f.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Canon canon = new Canon(root);
        try {
            canon.add("config", config);
            for (Map.Entry<String, SourceFile> e : new TreeMap<>(docs).entrySet()) {
                SourceFile sf = e.getValue();
                canon.add("doc", List.of(e.getKey(), sf.kind(), sf.slug(), sf.lang(), sf.path(), sf.file(), sf.bodyLine()));
                canon.add("fm", sf.fm());
            }
        } catch (Canon.Unknown u) {
            return Optional.empty();
        }
        d.update(canon.text().getBytes(StandardCharsets.UTF_8));
        return Optional.of(new Sources(HexFormat.of().formatHex(d.digest()), root, fp.files()));
    }

    String digest() {
        return digest;
    }

    /** The hash of each file of the site folder, by path in it. */
    Map<String, String> files() {
        return files;
    }

    /** A page template: FreeMarker reads it, and each page records its hash (see {@link PageCache}). */
    static boolean isTemplate(String rel) {
        return rel.startsWith("templates/") && rel.matches(".*\\.ftl[hx]?");
    }

    /** A UI strings file: read by the pages of its language (and of the languages that fall back to it). */
    static boolean isUiStrings(String rel) {
        return rel.matches("templates/i18n/[^/]+\\.yaml");
    }

    /**
     * What stands for a document's body in a key: its short {@code bodyHash} (of the body as loaded), and the
     * SHA-256 of its whole file, which the site's fingerprint already took (the body is part of the file), or of the
     * body itself when the file is not in the site folder. The short hash alone is for people, not for a cache key;
     * with it, a file changed between the fingerprint and its reading is still keyed by the body that was used.
     */
    String documentHash(SourceFile sf) {
        return documentHashes.computeIfAbsent(SiteIndex.path(sf), k -> {
            Path f = sf.file().toAbsolutePath().normalize();
            String file = f.startsWith(root) ? files.get(root.relativize(f).toString().replace('\\', '/')) : null;
            return sf.bodyHash() + " " + (file != null ? "file " + file
                    : "body " + HexFormat.of().formatHex(DiskCache.sha256(sf.body().getBytes(StandardCharsets.UTF_8))));
        });
    }
}
