package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code lastmile merge}: joins the outputs of a split build ({@code lastmile build --shard I/N}) into one site,
 * the same bytes a one-machine build gives. Nothing is published unless every shard of one build is there, once,
 * built from the same sources with the same options and lastmile, and holds exactly the files its manifest lists;
 * the site is then published like a build's (a new version beside the output, swapped in with one rename).
 */
public final class ShardMerge {
    /** More findings than this about the files of one shard say only "the folder is damaged": the rest is counted. */
    private static final int FILE_FINDINGS = 10;

    private ShardMerge() {
    }

    /** What a merge did: its findings, how many shards and files it joined, and how long it took. */
    public record Result(List<Diagnostic> diagnostics, int shards, int files, long millis) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    /** A shard folder as given, where it really is, and its manifest. */
    private record Given(Path given, Path real, ShardManifest manifest) {
    }

    /**
     * Why {@code out} must not receive the merge of {@code shards}, if it must not: never a shard folder, a folder
     * inside one or holding one; otherwise the rules of every lastmile output ({@link OutputWriter#refusal}).
     */
    public static Optional<Diagnostic> refusal(List<Path> shards, Path out, boolean force) {
        Path o = OutputWriter.real(out);
        for (Path s : shards) {
            Path r = OutputWriter.real(s);
            String why = r.startsWith(o) ? "is the shard folder " + s + " or holds it"
                    : o.startsWith(r) ? "is inside the shard folder " + s : null;
            if (why != null) {
                return Optional.of(Diagnostic.error(SourcePos.of(out), "cannot merge into this folder: it " + why,
                        "choose another --out, such as public/"));
            }
        }
        Path anySource = shards.isEmpty() ? out.toAbsolutePath().normalize().resolveSibling(".lastmile-merge") : shards.get(0);
        return OutputWriter.refusal(anySource, out, force)
                .map(d -> Diagnostic.error(d.pos(), d.message().replace("cannot build into", "cannot merge into"), d.hint()));
    }

    /** Checks the shards and, when they make one whole site, publishes it at {@code out}. */
    public static Result run(List<Path> shards, Path out, boolean force) {
        long start = System.nanoTime();
        List<Diagnostic> ds = new ArrayList<>();
        refusal(shards, out, force).ifPresent(ds::add);
        List<Given> given = ds.isEmpty() ? read(shards, ds) : List.of();
        if (ds.isEmpty()) agree(given, ds);
        Map<String, Path> copies = ds.isEmpty() ? files(given, ds) : Map.of();
        if (ds.isEmpty()) {
            try {
                OutputWriter.publish(out, Map.of(), copies, force);
            } catch (IOException e) {
                boolean busy = String.valueOf(e.getMessage()).startsWith("another lastmile build is publishing");
                ds.add(Diagnostic.error(SourcePos.of(out), "cannot write the output: " + e.getMessage(),
                        busy ? "wait for that build to finish, then merge again" : "check that the folder is writable and the disk is not full"));
            }
        }
        return new Result(List.copyOf(ds), given.size(), copies.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private static List<Given> read(List<Path> shards, List<Diagnostic> ds) {
        List<Given> out = new ArrayList<>();
        for (Path s : shards) {
            if (!Files.isDirectory(s)) {
                ds.add(Diagnostic.error(SourcePos.of(s), Files.exists(s) ? "not a folder" : "no such folder",
                        "give the folders that 'lastmile build --shard I/N' wrote"));
                continue;
            }
            Path m = s.resolve(ShardManifest.FILE);
            if (!Files.isRegularFile(m)) {
                ds.add(Diagnostic.error(SourcePos.of(s), "not the output of a shard: it has no " + ShardManifest.FILE,
                        "give the folders that 'lastmile build --shard I/N' wrote"));
                continue;
            }
            try {
                out.add(new Given(s, s.toRealPath(), ShardManifest.parse(Files.readAllBytes(m))));
            } catch (ShardManifest.Unreadable e) {
                ds.add(Diagnostic.error(SourcePos.of(m, e.line()), "damaged shard manifest: " + e.getMessage(),
                        "build that shard again"));
            } catch (IOException e) {
                ds.add(Diagnostic.error(SourcePos.of(m), "cannot read: " + e.getMessage(), "check its permissions"));
            }
        }
        return out;
    }

    /** The shards are one build's: same lastmile, same N, same sources and options, each shard once, none missing. */
    private static void agree(List<Given> given, List<Diagnostic> ds) {
        if (given.isEmpty()) return;
        Given first = given.get(0);
        ShardManifest ref = first.manifest();
        for (Given g : given.subList(1, given.size())) {
            ShardManifest m = g.manifest();
            if (!m.version().equals(ref.version())) {
                ds.add(Diagnostic.error(SourcePos.of(g.given()), "made by lastmile " + m.version() + ", but "
                        + first.given() + " by lastmile " + ref.version(), "build every shard with the same lastmile"));
            } else if (m.shard().count() != ref.shard().count()) {
                ds.add(Diagnostic.error(SourcePos.of(g.given()), "shard " + m.shard().index() + " of " + m.shard().count()
                        + ", but " + first.given() + " is shard " + ref.shard().index() + " of " + ref.shard().count(),
                        "give the shards of one split build, all made with the same N"));
            } else if (!m.site().equals(ref.site())) {
                ds.add(Diagnostic.error(SourcePos.of(g.given()), "built from other sources or options than " + first.given(),
                        "build every shard from the same commit with the same --lang, --base-url, --drafts and SOURCE_DATE_EPOCH"));
            }
        }
        if (!ds.isEmpty()) return;
        int n = ref.shard().count();
        Map<Integer, Given> byIndex = new TreeMap<>();
        for (Given g : given) {
            Given before = byIndex.putIfAbsent(g.manifest().shard().index(), g);
            if (before != null) {
                ds.add(Diagnostic.error(SourcePos.of(g.given()), "shard " + g.manifest().shard().index() + " of " + n
                        + " again (" + before.given() + " is that shard too)", "give each shard once"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= n; i++) if (!byIndex.containsKey(i)) missing.add(String.valueOf(i));
        if (!missing.isEmpty()) {
            String which = missing.size() == 1 ? "shard " + missing.get(0) + " of " + n + " is missing"
                    : "shards " + String.join(", ", missing) + " of " + n + " are missing";
            ds.add(Diagnostic.error(null, which, "give the folders of all " + n + " shards (given: "
                    + String.join(", ", byIndex.keySet().stream().map(String::valueOf).toList()) + ")"));
        }
    }

    /**
     * Every file of the site, by its path, from the shard that made it: each shard must hold exactly what its
     * manifest lists, byte for byte, and no file may come from two shards.
     */
    private static Map<String, Path> files(List<Given> given, List<Diagnostic> ds) {
        Map<String, Path> out = new TreeMap<>();
        Map<String, Given> from = new HashMap<>();
        for (Given g : given) {
            List<Diagnostic> found = new ArrayList<>();
            Map<String, String> listed = g.manifest().files();
            TreeSet<String> present = new TreeSet<>();
            try (Stream<Path> s = Files.walk(g.real())) {
                for (Path p : s.sorted().toList()) {
                    String rel = g.real().relativize(p).toString().replace('\\', '/');
                    if (rel.isEmpty() || rel.equals(ShardManifest.FILE) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        found.add(Diagnostic.error(SourcePos.of(g.given().resolve(rel)), "a link or special file, which lastmile never makes",
                                "build that shard again"));
                    } else if (!listed.containsKey(rel)) {
                        found.add(Diagnostic.error(SourcePos.of(g.given().resolve(rel)), "not listed in " + ShardManifest.FILE
                                + ": the folder changed after the build", "build that shard again"));
                    } else {
                        present.add(rel);
                        if (!DiskCache.fileHash(p).equals(listed.get(rel))) {
                            found.add(Diagnostic.error(SourcePos.of(g.given().resolve(rel)), "not the file the shard built (its "
                                    + "SHA-256 differs from " + ShardManifest.FILE + ")", "build that shard again"));
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                found.add(Diagnostic.error(SourcePos.of(g.given()), "cannot read the folder: " + e.getMessage(), "check its permissions"));
            }
            for (String rel : listed.keySet()) {
                // Only files found inside the folder are taken: a listed path that is not one of them is missing.
                if (!present.contains(rel)) {
                    found.add(Diagnostic.error(SourcePos.of(g.given().resolve(rel)), "listed in " + ShardManifest.FILE
                            + " but missing", "copy the whole folder the shard wrote, or build that shard again"));
                    continue;
                }
                Given other = from.putIfAbsent(rel, g);
                if (other != null) {
                    found.add(Diagnostic.error(SourcePos.of(g.given().resolve(rel)), "also made by " + other.given()
                            + " (shard " + other.manifest().shard().index() + "): two shards made the same file",
                            "build every shard again from the same commit"));
                }
                out.putIfAbsent(rel, g.real().resolve(rel));
            }
            ds.addAll(found.subList(0, Math.min(FILE_FINDINGS, found.size())));
            if (found.size() > FILE_FINDINGS) {
                ds.add(Diagnostic.error(SourcePos.of(g.given()), (found.size() - FILE_FINDINGS) + " more files of this shard are wrong",
                        "build that shard again"));
            }
        }
        return out;
    }
}
