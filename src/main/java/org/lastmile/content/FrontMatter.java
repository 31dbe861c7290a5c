package org.lastmile.content;

import org.lastmile.diag.SourcePos;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML header of a content file, validated. Fields a translation leaves out are taken from the default-language
 * version by {@link #inheritFrom}, so translators only write text. {@code params} holds every key lastmile does not
 * know, for templates. {@code lines} says where each key stands, for diagnostics found after loading.
 * {@code unreadable} says the YAML could not be read at all (already reported), so no key is reported missing.
 * {@code type} is a paper's publication type key, {@code image} a news item's picture and {@code papers} the slugs of
 * papers a news item is about.
 */
public record FrontMatter(String title, Optional<LocalDate> date, String summary, List<String> tags,
                          List<String> authors, boolean draft, Optional<Integer> weight, String shortTitle,
                          Optional<String> translationOf, Optional<String> coverImage,
                          Map<String, Object> params, Map<String, SourcePos> lines, java.util.Set<String> keys,
                          boolean unreadable, Optional<String> type, Optional<String> image, List<String> papers) {

    /** This translation's values, with what it does not set taken from {@code base}. */
    public FrontMatter inheritFrom(FrontMatter base) {
        Map<String, Object> p = new LinkedHashMap<>(base.params);
        p.putAll(params);
        return new FrontMatter(
                title.isEmpty() ? base.title : title,
                date.or(base::date),
                summary, // text a translator writes: never shown in another language
                keys.contains("tags") ? tags : base.tags,
                keys.contains("authors") ? authors : base.authors,
                keys.contains("draft") ? draft : base.draft,
                weight.or(base::weight),
                shortTitle,
                translationOf,
                coverImage.or(base::coverImage),
                java.util.Collections.unmodifiableMap(p), lines, keys, unreadable,
                type.or(base::type), image.or(base::image), keys.contains("papers") ? papers : base.papers);
    }

    /** The date only, taken from another file (a guide takes its paper's date). */
    public FrontMatter withDateFrom(FrontMatter other) {
        if (date.isPresent() || other.date.isEmpty()) return this;
        return new FrontMatter(title, other.date, summary, tags, authors, draft, weight, shortTitle, translationOf,
                coverImage, params, lines, keys, unreadable, type, image, papers);
    }

    public SourcePos pos(String key, SourcePos fallback) {
        return lines.getOrDefault(key, fallback);
    }
}
