package org.lastmile.build;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PDFs kept between builds of one process (the preview server), keyed by a hash of everything that went into them,
 * so an edit re-typesets only the guides it touched. A one-off build starts with an empty cache.
 */
public final class PdfCache {
    private final Map<String, byte[]> byKey = new ConcurrentHashMap<>();

    Optional<byte[]> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    void put(String key, byte[] pdf) {
        byKey.put(key, pdf);
    }
}
