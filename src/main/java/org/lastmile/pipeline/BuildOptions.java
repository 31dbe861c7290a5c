package org.lastmile.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to build: the site at {@code source} into {@code out}. {@code languages} empty means all of the site's; a
 * partial build is a site of just those languages (its switchers and sitemap name no others), unless
 * {@code othersOnDemand}: then pages link every language, as the preview server builds the others when asked.
 * {@code baseUrl} overrides site.yaml's; {@code threads} 0 means one per core; {@code check} adds the findings of
 * {@code lastmile check}; {@code cacheDir} is the persistent build cache (none when empty); {@code shard}, when
 * present, builds only that shard's share of the site (see {@link Shards}).
 */
public record BuildOptions(Path source, Path out, List<String> languages, Optional<String> baseUrl,
                           boolean drafts, int threads, boolean check, boolean othersOnDemand, Optional<Path> cacheDir,
                           Optional<Shard> shard) {

    /** Where the build cache lives unless --cache-dir says otherwise. */
    public static final String DEFAULT_CACHE = ".lastmile/cache";

    public BuildOptions(Path source, Path out, List<String> languages, Optional<String> baseUrl, boolean drafts, int threads) {
        this(source, out, languages, baseUrl, drafts, threads, false, false);
    }

    public BuildOptions(Path source, Path out, List<String> languages, Optional<String> baseUrl, boolean drafts, int threads,
                        boolean check, boolean othersOnDemand) {
        this(source, out, languages, baseUrl, drafts, threads, check, othersOnDemand, Optional.empty());
    }

    public BuildOptions(Path source, Path out, List<String> languages, Optional<String> baseUrl, boolean drafts, int threads,
                        boolean check, boolean othersOnDemand, Optional<Path> cacheDir) {
        this(source, out, languages, baseUrl, drafts, threads, check, othersOnDemand, cacheDir, Optional.empty());
    }

    /** The same build, reading and filling the build cache in {@code dir}. */
    public BuildOptions withCache(Path dir) {
        return new BuildOptions(source, out, languages, baseUrl, drafts, threads, check, othersOnDemand, Optional.of(dir), shard);
    }

    /** The same build, making only shard {@code s} of a build split across machines. */
    public BuildOptions withShard(Shard s) {
        return new BuildOptions(source, out, languages, baseUrl, drafts, threads, check, othersOnDemand, cacheDir, Optional.of(s));
    }

    public static BuildOptions of(Path source, Path out) {
        return new BuildOptions(source, out, List.of(), Optional.empty(), false, 0);
    }

    /** The same build as a check: nothing is written, and findings only a check reports are included. */
    public BuildOptions asCheck() {
        return new BuildOptions(source, out, languages, baseUrl, drafts, threads, true, othersOnDemand, cacheDir, shard);
    }

    /** The same build for the preview server: only {@code languages} are rendered, but pages link all of them. */
    public BuildOptions withOthersOnDemand() {
        return new BuildOptions(source, out, languages, baseUrl, drafts, threads, check, true, cacheDir, shard);
    }
}
