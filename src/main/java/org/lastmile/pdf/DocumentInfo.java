package org.lastmile.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a painted PDF says about itself: the document information dictionary (title, author, subject, keywords), its
 * language (BCP 47, the catalog's {@code /Lang}), the {@code timestamp} written as creation and modification date so
 * that a rebuild gives the same bytes, and a {@code seed} (any text that determines the document, e.g. source path,
 * language and content) from which the font subset prefixes are derived.
 */
public record DocumentInfo(String title, String author, String subject, List<String> keywords, String language,
                           Instant timestamp, String seed) {
    public DocumentInfo {
        title = Objects.requireNonNullElse(title, "");
        author = Objects.requireNonNullElse(author, "");
        subject = Objects.requireNonNullElse(subject, "");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        language = Objects.requireNonNullElse(language, "");
        timestamp = Objects.requireNonNull(timestamp, "timestamp");
        seed = Objects.requireNonNullElse(seed, "");
    }
}
