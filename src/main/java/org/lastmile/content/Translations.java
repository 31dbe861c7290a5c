package org.lastmile.content;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes the translation state of every paper, guide and page in every language of the site. */
public final class Translations {
    private Translations() {
    }

    /** All cells, in content order (papers, then their guides, then pages) and site language order. */
    public static List<TranslationStatus> matrix(SiteConfig cfg, Content content) {
        List<TranslationStatus> out = new ArrayList<>();
        for (Bundle b : content.bundles()) {
            cells(cfg, ContentKind.PAPER, b.slug(), b.papers(), out);
            cells(cfg, ContentKind.GUIDE, b.slug(), b.guides(), out);
        }
        for (PageGroup p : content.pages()) cells(cfg, ContentKind.PAGE, p.slug(), p.versions(), out);
        for (PageGroup n : content.news()) cells(cfg, ContentKind.NEWS, n.slug(), n.versions(), out);
        return List.copyOf(out);
    }

    private static void cells(SiteConfig cfg, ContentKind kind, String slug, Map<String, SourceFile> versions,
                              List<TranslationStatus> out) {
        SourceFile source = versions.get(cfg.defaultLanguage());
        if (source == null) return; // content that exists only in translation has no source to compare with
        for (Language l : cfg.languages()) {
            if (l.code().equals(cfg.defaultLanguage())) continue;
            Optional<SourceFile> tr = Optional.ofNullable(versions.get(l.code()));
            out.add(new TranslationStatus(kind, slug, l.code(), state(source, tr), source, tr));
        }
    }

    public static TranslationState state(SourceFile source, Optional<SourceFile> translation) {
        if (translation.isEmpty()) return TranslationState.MISSING;
        Optional<String> recorded = translation.get().fm().translationOf();
        if (recorded.isEmpty()) return TranslationState.UNKNOWN;
        return recorded.get().equalsIgnoreCase(source.bodyHash()) ? TranslationState.UP_TO_DATE : TranslationState.OUTDATED;
    }

    /** The state of one published file against its source, for the outdated notice on its page. */
    public static Optional<TranslationState> of(SiteConfig cfg, Map<String, SourceFile> versions, SourceFile file) {
        SourceFile source = versions.get(cfg.defaultLanguage());
        if (source == null || source == file) return Optional.empty();
        return Optional.of(state(source, Optional.of(file)));
    }
}
