package org.lastmile.pipeline;

import org.lastmile.config.ConfigLoader;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.SiteFiles;
import org.lastmile.config.Version;
import org.lastmile.content.Bundle;
import org.lastmile.content.ContentKind;
import org.lastmile.content.PageGroup;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.site.ListFilter;
import org.lastmile.site.SiteIndex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a build split across machines ({@code lastmile build --shard I/N}) shares out the site.
 *
 * <p>The unit is the paper folder: a paper's pages, its guide's pages, their PDFs and the files beside them go to one
 * shard, because a paper's page shows its PDFs' sizes and page counts, which only the shard that typesets them knows.
 * Everything else — news, pages, the home and list pages, tags, feeds, sitemap, robots.txt, the status page and the
 * theme's static files — needs the whole site's index but no rendered page or PDF, so shard 1 makes it all, and it
 * comes out exactly as in a one-machine build.
 *
 * <p>Paper folders are sorted by slug and cut into N runs of about equal cost (a PDF costs as much as some twenty
 * pages), shard 1's run counting the site-wide pages too. Runs rather than a hash: shards come out balanced to within
 * one paper even on a small site, and adding or removing a paper moves only the papers next to a cut to another shard,
 * so each CI machine's build cache keeps serving nearly all of its PDFs.
 */
final class Shards {
    /** What typesetting a guide with its booklet costs against rendering one HTML page: about 190 ms of CPU to 8 (bench/). */
    private static final long PDF_COST = 24;

    private Shards() {
    }

    /** Which shard makes what, for one build: everything, or one shard's share. */
    record Plan(Optional<Shard> shard, Map<String, Integer> bundleShard, Map<String, Integer> pathShard,
                Map<Path, Integer> resourceShard, String site) {

        /** The plan of a build that is not split: it makes everything. */
        static final Plan WHOLE = new Plan(Optional.empty(), Map.of(), Map.of(), Map.of(), "");

        /** Whether this build renders the body (and so the page and PDFs) of {@code sf}. */
        boolean ownsDoc(SourceFile sf) {
            if (shard.isEmpty()) return true;
            boolean inBundle = sf.kind() == ContentKind.PAPER || sf.kind() == ContentKind.GUIDE;
            return mine(inBundle ? bundleShard.getOrDefault(sf.slug(), 1) : 1);
        }

        /** Whether this build renders the HTML page, feed or other site file at {@code path} (relative). */
        boolean ownsFile(String path) {
            return shard.isEmpty() || mine(pathShard.getOrDefault(path, 1));
        }

        /** Whether this build publishes the copy of {@code source} (a paper's file, or a static file of the theme). */
        boolean ownsCopy(Path source) {
            return shard.isEmpty() || mine(resourceShard.getOrDefault(source, 1));
        }

        private boolean mine(int s) {
            return s == shard.orElseThrow().index();
        }
    }

    /** The plan for {@code opts}: {@link Plan#WHOLE} unless it asks for a shard. */
    static Plan plan(BuildOptions opts, Build.Site site, List<Language> languages) {
        if (opts.shard().isEmpty()) return Plan.WHOLE;
        Shard shard = opts.shard().get();
        SiteIndex index = site.index();
        SiteConfig cfg = site.config();
        List<Bundle> bundles = new ArrayList<>(index.content().bundles());
        bundles.sort(Comparator.comparing(Bundle::slug));
        long[] cost = new long[bundles.size()];
        for (int i = 0; i < bundles.size(); i++) cost[i] = bundleCost(bundles.get(i), cfg, languages);
        int[] cut = cut(siteWideCost(index, languages), cost, shard.count());
        Map<String, Integer> bundleShard = new HashMap<>();
        Map<String, Integer> pathShard = new HashMap<>();
        Map<Path, Integer> resourceShard = new HashMap<>();
        for (int i = 0; i < bundles.size(); i++) {
            Bundle b = bundles.get(i);
            int s = cut[i];
            bundleShard.put(b.slug(), s);
            for (Language l : languages) {
                String code = l.code();
                // PDFs need no entry: they are made from the documents this shard renders (ownsDoc).
                b.paper(code).ifPresent(p -> pathShard.put(page(p), s));
                b.guide(code).ifPresent(g -> pathShard.put(page(g), s));
            }
            for (Path r : b.resources()) resourceShard.put(r, s);
        }
        return new Plan(Optional.of(shard), Map.copyOf(bundleShard), Map.copyOf(pathShard), Map.copyOf(resourceShard),
                identity(opts, cfg));
    }

    /**
     * The shard (1-based) of each of a row of items costing {@code cost}, after a first block costing {@code first}
     * that shard 1 takes: each item goes to the shard whose equal share of the total holds the item's middle, so the
     * shards are runs of the row, each within one item of an equal share.
     */
    static int[] cut(long first, long[] cost, int shards) {
        long total = first;
        for (long c : cost) total += c;
        int[] out = new int[cost.length];
        long start = first;
        for (int i = 0; i < cost.length; i++) {
            out[i] = (int) Math.min(shards - 1, (2 * start + cost[i]) * shards / Math.max(1, 2 * total)) + 1;
            start += cost[i];
        }
        return out;
    }

    private static String page(SourceFile sf) {
        return SiteIndex.path(sf).substring(1) + "index.html";
    }

    private static long bundleCost(Bundle b, SiteConfig cfg, List<Language> languages) {
        long c = 0;
        for (Language l : languages) {
            if (b.paper(l.code()).isPresent()) c += 1 + (cfg.pdf().papers() ? PDF_COST : 0);
            if (b.guide(l.code()).isPresent()) c += 1 + (cfg.pdf().guides() ? PDF_COST : 0);
        }
        return c;
    }

    /** What shard 1 renders besides its papers: pages, news, every page of every list, homes, feeds, sitemap. */
    private static long siteWideCost(SiteIndex index, List<Language> languages) {
        long c = 4;
        for (Language l : languages) {
            c += 4;
            for (PageGroup g : index.content().pages()) if (g.version(l.code()).isPresent()) c++;
            for (PageGroup g : index.content().news()) if (g.version(l.code()).isPresent()) c++;
            for (ListFilter f : index.lists()) c += index.pageCount(index.catalog().list(l.code(), f).size());
        }
        return c;
    }

    /**
     * The identity of what a build is made from: lastmile's version, the options that change output, and every file
     * of the site it can read (site.yaml, content/, templates/, fonts/, static/, and the hyphenation patterns and logo
     * that site.yaml names). Shards agree on it only when they were built from the same sources the same way.
     */
    static String identity(BuildOptions opts, SiteConfig cfg) {
        MessageDigest d = DiskCache.digest();
        Path root = opts.source().toAbsolutePath().normalize();
        List<String> langs = opts.languages().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).sorted().toList();
        line(d, "lastmile " + Version.VERSION);
        line(d, "languages " + String.join(",", langs));
        line(d, "base-url " + opts.baseUrl().orElse(""));
        line(d, "drafts " + opts.drafts());
        line(d, "epoch " + Reproducible.epoch().map(i -> String.valueOf(i.getEpochSecond())).orElse(""));
        TreeSet<String> files = new TreeSet<>();
        List<Diagnostic> ignored = new ArrayList<>();   // the build itself reports what is wrong with these folders
        for (String dir : List.of("content", "templates", "fonts", "static")) {
            for (Path f : SiteFiles.walk(root, root.resolve(dir), ignored)) files.add(rel(root, f));
        }
        files.add(ConfigLoader.FILE);
        if (cfg.pdf().logo() != null && !cfg.pdf().logo().isBlank()) files.add(cfg.pdf().logo());
        files.addAll(cfg.pdf().hyphenation().values());
        for (String f : files) {
            Path p = root.resolve(f).normalize();
            line(d, "file " + f + " " + (p.startsWith(root) && Files.isRegularFile(p) ? DiskCache.fileHash(p) : "missing"));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static String rel(Path root, Path f) {
        return root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void line(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }

    /** The SHA-256 of a file's bytes, hex, as the manifest lists it. */
    static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(DiskCache.sha256(bytes));
    }

    /**
     * The shard's manifest ({@link ShardManifest}) for the files it is about to publish — {@code made} (path → the
     * {@link #hash} of what was made) and {@code copies} — or an error when a file of the site would take the
     * manifest's name. Empty for a build that is not split.
     */
    static Optional<byte[]> manifest(Plan plan, Map<String, String> made, Map<String, Path> copies, List<Diagnostic> problems, Path root) {
        if (plan.shard().isEmpty()) return Optional.empty();
        if (copies.containsKey(ShardManifest.FILE) || made.containsKey(ShardManifest.FILE)) {
            Path src = copies.get(ShardManifest.FILE);
            problems.add(Diagnostic.error(SourcePos.of(src == null ? Path.of(ShardManifest.FILE) : shown(root, src)),
                    "a sharded build writes its manifest as " + ShardManifest.FILE + " at the top of the output",
                    "rename this file, or build without --shard"));
            return Optional.empty();
        }
        Map<String, String> hashes = new TreeMap<>(made);
        copies.forEach((p, src) -> hashes.put(p, DiskCache.fileHash(src)));
        return Optional.of(new ShardManifest(plan.shard().get(), Version.VERSION, plan.site(), hashes).bytes());
    }

    private static Path shown(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return abs.startsWith(r) ? r.relativize(abs) : p;
    }
}
