package org.lastmile.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A briefing paper folder: the paper and its community guide, each in the languages it exists in (maps keyed by
 * language code, in site language order), and the other files beside them (images, downloads), copied along.
 */
public record Bundle(String slug, Path dir, Map<String, SourceFile> papers, Map<String, SourceFile> guides,
                     List<Path> resources) {

    public Optional<SourceFile> paper(String lang) {
        return Optional.ofNullable(papers.get(lang));
    }

    public Optional<SourceFile> guide(String lang) {
        return Optional.ofNullable(guides.get(lang));
    }
}
