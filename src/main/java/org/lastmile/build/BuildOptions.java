package org.lastmile.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to build: the site at {@code source} into {@code out}. {@code languages} empty means all of the site's;
 * {@code baseUrl} overrides site.yaml's; {@code threads} 0 means one per core.
 */
public record BuildOptions(Path source, Path out, List<String> languages, Optional<String> baseUrl,
                           boolean drafts, int threads) {

    public static BuildOptions of(Path source, Path out) {
        return new BuildOptions(source, out, List.of(), Optional.empty(), false, 0);
    }
}
