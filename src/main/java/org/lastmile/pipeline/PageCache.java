package org.lastmile.pipeline;

import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Diagnostics;
import org.lastmile.site.PdfFacts;
import org.lastmile.site.SiteIndex;
import org.lastmile.site.Templates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The page level of the build cache: each page (and feed, sitemap…) stored under a key of everything its render
 * reads, so that a change re-renders exactly the pages that depend on it. The key is made of:
 * <ul>
 *   <li>the site's {@link SiteKey}: lastmile's code, the options, every file of the site folder except the bodies
 *   of the documents, the page templates, the UI strings and the fonts (each covered below), and the site index
 *   without bodies: every document's front matter (inherited values included), headings and anchors;</li>
 *   <li>the page's output path, and the UI strings of its language (all languages for the site-wide files);</li>
 *   <li>the bodies of the documents it shows: a document's page shows its body, and whether its translations are
 *   outdated, which reads their bodies' hashes, so every version of the document (the site-wide files, such as the
 *   status page, read every document's body hash).</li>
 * </ul>
 * Two kinds of input are known only once the page is rendered, and are recorded with it, like a compiler's depfile:
 * the templates FreeMarker loaded for it (includes and imports too), by the hash of their source, and the facts
 * (size, pages) of the PDFs it shows. A stored page is served only when every one of them is unchanged. A render
 * that reads anything else (another document's body) is not stored. The findings a render reported are stored
 * with it and reported again when it is served, and a render with an error is not stored.
 */
final class PageCache {
    private static final String KIND = "page";
    private static final String FORMAT = "lastmile page 1";

    private final DiskCache disk;
    private final Templates templates;
    private final Map<String, PdfFacts> facts;
    private final Diagnostics diagnostics;
    private final SiteKey site;
    private final ThreadLocal<Deps> current = new ThreadLocal<>();
    private final AtomicInteger fromCache = new AtomicInteger();
    private final Set<String> rendered = ConcurrentHashMap.newKeySet();

    /** What one render read besides its key, filled in as it runs. */
    private static final class Deps {
        final String out;
        final Map<String, String> templates = new TreeMap<>();
        final Map<String, String> pdfs = new TreeMap<>();
        boolean unkeyed;

        Deps(String out) {
            this.out = out;
        }
    }

    PageCache(DiskCache disk, SiteKey site, Templates templates, Map<String, PdfFacts> facts, Diagnostics diagnostics) {
        this.disk = disk;
        this.site = site;
        this.templates = templates;
        this.facts = facts;
        this.diagnostics = diagnostics;
    }

    /** How many pages ({@code .html} files) came from the cache. */
    int fromCache() {
        return fromCache.get();
    }

    /** The {@code .html} files that were rendered (not taken from the cache), by output path. */
    Set<String> rendered() {
        return Set.copyOf(rendered);
    }

    /** Makes the file {@code out}: from the cache when nothing it reads changed, else by {@code render} (then stored). */
    byte[] make(String out, Supplier<byte[]> render) {
        String key = site.key(out);
        Optional<byte[]> hit = lookup(key);
        if (hit.isPresent()) {
            if (out.endsWith(".html")) fromCache.incrementAndGet();
            return hit.get();
        }
        Deps deps = new Deps(out);
        List<Diagnostic> notes = new ArrayList<>();
        byte[] page;
        current.set(deps);
        try {
            page = templates.recording(() -> diagnostics.tapped(render, notes), deps.templates);
        } finally {
            current.remove();
        }
        if (out.endsWith(".html")) rendered.add(out);
        boolean storable = !deps.unkeyed && notes.stream().noneMatch(Diagnostic::isError)
                && deps.templates.values().stream().allMatch(h -> h.equals("missing") || h.length() == 64);
        if (storable) {
            String sha = HexFormat.of().formatHex(DiskCache.sha256(page));
            disk.knowHash(page, sha);
            encode(deps, notes, sha).ifPresent(b -> disk.put(KIND, key, b));
        }
        return page;
    }

    /** Called before a render reads the body of the document at site path {@code path}. */
    void readsBody(String path) {
        Deps d = current.get();
        if (d != null && !site.covers(d.out, path)) d.unkeyed = true; // not in its key: never stored
    }

    /** This build's PDF facts, as the pages see them: what each render looks up is recorded with it. */
    Map<String, PdfFacts> facts() {
        return new AbstractMap<>() {
            @Override
            public PdfFacts get(Object path) {
                PdfFacts f = facts.get(path);
                Deps d = current.get();
                if (d != null) d.pdfs.put(String.valueOf(path), describe(f));
                return f;
            }

            @Override
            public boolean containsKey(Object path) {
                return get(path) != null;
            }

            @Override
            public Set<Entry<String, PdfFacts>> entrySet() {
                Deps d = current.get();
                if (d != null) d.unkeyed = true; // a render that reads every PDF's facts is not worth a depfile
                return facts.entrySet();
            }
        };
    }

    private static String describe(PdfFacts f) {
        return f == null ? "none" : f.bytes() + " " + f.pages();
    }

    private Optional<byte[]> lookup(String key) {
        Optional<byte[]> stored = disk.get(KIND, key);
        if (stored.isEmpty()) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.get()))) {
            if (!in.readUTF().equals(FORMAT)) return Optional.empty();
            for (int n = in.readInt(); n > 0; n--) {
                String name = in.readUTF();
                if (!templates.sourceHash(name).equals(in.readUTF())) return Optional.empty();
            }
            for (int n = in.readInt(); n > 0; n--) {
                String path = in.readUTF();
                if (!describe(facts.get(path)).equals(in.readUTF())) return Optional.empty();
            }
            List<Diagnostic> notes = CacheCodec.readNotes(in);
            String sha = in.readUTF();
            if (in.read() != -1) return Optional.empty();
            Optional<byte[]> page = disk.get(SiteCache.FILES, sha);
            if (page.isEmpty()) {
                disk.drop(SiteCache.FILES, sha); // damaged: removed, so that the build stores it again
                return Optional.empty();
            }
            disk.knowHash(page.get(), sha);
            diagnostics.addAll(notes);
            return page;
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a foreign entry, or one of another version: rendered instead
        }
    }

    /**
     * A page's entry: what it read, its findings and the SHA-256 of its bytes, which the whole-site level stores
     * once (under {@link SiteCache#FILES}) for both levels, since every build with a page cache records them there.
     */
    private static Optional<byte[]> encode(Deps deps, List<Diagnostic> notes, String sha) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(deps.templates.size());
            for (Map.Entry<String, String> t : deps.templates.entrySet()) {
                out.writeUTF(t.getKey());
                out.writeUTF(t.getValue());
            }
            out.writeInt(deps.pdfs.size());
            for (Map.Entry<String, String> p : deps.pdfs.entrySet()) {
                out.writeUTF(p.getKey());
                out.writeUTF(p.getValue());
            }
            CacheCodec.writeNotes(out, notes);
            out.writeUTF(sha);
        } catch (IOException e) {
            return Optional.empty(); // a message too long to store: the page is simply rendered next time
        }
        return Optional.of(bytes.toByteArray());
    }

    /** The parts of a page's key that come from the whole site, taken once per build. */
    static final class SiteKey {
        private final String global;
        private final Map<String, String> uiFiles = new TreeMap<>();
        private final String defaultLang;
        private final Set<String> languages = new java.util.HashSet<>();
        private final Map<String, List<SourceFile>> groups = new java.util.HashMap<>();
        private final String allBodyHashes;
        private final Sources sources;

        private SiteKey(String global, Sources sources, Build.Site site) {
            this.global = global;
            this.sources = sources;
            this.defaultLang = site.config().defaultLanguage();
            site.config().languages().forEach(l -> languages.add(l.code()));
            sources.files().forEach((rel, h) -> {
                if (Sources.isUiStrings(rel)) uiFiles.put(rel, h);
            });
            Map<String, SourceFile> docs = site.docs().sources();
            // A document's page reads the bodies of its versions in every language (whether they are outdated).
            Map<String, List<SourceFile>> byDocument = new TreeMap<>();
            new TreeMap<>(docs).values().forEach(sf -> byDocument.computeIfAbsent(sf.kind() + "\u0000" + sf.slug(), k -> new ArrayList<>()).add(sf));
            for (SourceFile sf : docs.values()) groups.put(outFile(sf), byDocument.get(sf.kind() + "\u0000" + sf.slug()));
            StringBuilder all = new StringBuilder();
            new TreeMap<>(docs).forEach((path, sf) -> all.append(path).append('\u0000').append(sf.bodyHash()).append('\n'));
            this.allBodyHashes = all.toString();
        }

        /**
         * {@link Sources#digest} and the site index without bodies: every document's headings and anchors (what
         * links to it are checked against), every list and every URL. Empty when it cannot be written down.
         */
        static Optional<SiteKey> of(Sources sources, BuildOptions opts, Build.Site site) {
            Canon canon = new Canon(opts.source().toAbsolutePath().normalize());
            try {
                canon.add("lists", site.index().lists());
                canon.add("paths", site.index().paths());
                for (String path : new TreeMap<>(site.docs().sources()).keySet()) canon.add("facts " + path, site.docs().facts(path));
            } catch (Canon.Unknown u) {
                return Optional.empty();
            }
            String global = HexFormat.of().formatHex(DiskCache.sha256((FORMAT + "\n" + sources.digest() + "\n" + canon.text())
                    .getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new SiteKey(global, sources, site));
        }

        private static String outFile(SourceFile sf) {
            return SiteIndex.path(sf).substring(1) + "index.html";
        }

        /** Whether the key of {@code out} covers the body of the document at site path {@code path}. */
        boolean covers(String out, String path) {
            List<SourceFile> g = groups.get(out);
            return g != null && g.stream().anyMatch(sf -> SiteIndex.path(sf).equals(path));
        }

        String key(String out) {
            StringBuilder k = new StringBuilder(global).append('\n').append(out).append('\n');
            int slash = out.indexOf('/');
            String lang = slash > 0 ? out.substring(0, slash) : "";
            if (languages.contains(lang)) {
                // Messages.format: the language's strings, then the default language's, then English; a language
                // such as pt-BR may read pt's file.
                List<String> read = new ArrayList<>(List.of(lang, defaultLang, "en"));
                if (lang.contains("-")) read.add(lang.substring(0, lang.indexOf('-')));
                for (String l : read) k.append("ui ").append(l).append(' ').append(uiFiles.getOrDefault("templates/i18n/" + l + ".yaml", "none")).append('\n');
            } else {
                // Site-wide files (the language picker, the status page): every language's strings, every body's hash.
                uiFiles.forEach((rel, h) -> k.append("ui ").append(rel).append(' ').append(h).append('\n'));
                k.append(allBodyHashes);
            }
            List<SourceFile> g = groups.get(out);
            if (g != null) {
                for (SourceFile sf : g) k.append("body ").append(SiteIndex.path(sf)).append(' ').append(sources.documentHash(sf)).append('\n');
            }
            return HexFormat.of().formatHex(DiskCache.sha256(k.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
