package org.lastmile.pipeline;

import java.time.Instant;
import java.util.Optional;

/** SOURCE_DATE_EPOCH (reproducible-builds.org): when set, the date stamped into output instead of content dates. */
public final class Reproducible {
    private Reproducible() {
    }

    public static Optional<Instant> epoch() {
        String v = System.getenv("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
