package org.lastmile.content;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** All content of a site, loaded and validated; bundles, pages and news items sorted by slug. */
public record Content(List<Bundle> bundles, List<PageGroup> pages, List<PageGroup> news) {

    public Optional<Bundle> bundle(String slug) {
        return bundles.stream().filter(b -> b.slug().equals(slug)).findFirst();
    }

    public Optional<PageGroup> page(String slug) {
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public Optional<PageGroup> newsItem(String slug) {
        return news.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** Every source file: papers, guides, pages, news. */
    public Stream<SourceFile> files() {
        return Stream.concat(Stream.concat(bundles.stream().flatMap(b -> Stream.concat(b.papers().values().stream(),
                b.guides().values().stream())), pages.stream().flatMap(p -> p.versions().values().stream())),
                news.stream().flatMap(p -> p.versions().values().stream()));
    }
}
