package org.lastmile.content;

import java.util.Map;
import java.util.Optional;

/**
 * A standalone page ({@code content/pages/<slug>.<lang>.md}) or a news item ({@code content/news/<slug>.<lang>.md}) in
 * the languages it exists in.
 */
public record PageGroup(String slug, Map<String, SourceFile> versions) {
    public Optional<SourceFile> version(String lang) {
        return Optional.ofNullable(versions.get(lang));
    }
}
