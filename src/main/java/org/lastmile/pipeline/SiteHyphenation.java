package org.lastmile.pipeline;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.diag.Diagnostic;
import org.lastmile.text.Hyphenation;
import org.lastmile.text.Hyphenator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hyphenation patterns of one build: lastmile's own plus the files the site names under
 * {@code pdf: hyphenation:} in site.yaml (already checked to exist inside the site by the config loader). Made once
 * per build and shared by the guides typeset in parallel.
 */
public final class SiteHyphenation {
    private SiteHyphenation() {
    }

    /** Reads the site's pattern files; a mistake in one is reported as {@code its/path.pat.txt:line: …}. */
    public static Hyphenation load(SiteConfig cfg, List<Diagnostic> problems) {
        Hyphenation h = Hyphenation.builtIn();
        for (Map.Entry<String, String> e : cfg.pdf().hyphenation().entrySet()) {
            h = h.withPatterns(e.getKey(), cfg.root().resolve(e.getValue()), Path.of(e.getValue()), problems);
        }
        return h;
    }

    /** The patterns for {@code lang}, or none when there are none or site.yaml says {@code hyphenate: false}. */
    public static Optional<Hyphenator> forLanguage(Hyphenation h, SiteConfig cfg, String lang) {
        if (!cfg.language(lang).map(Language::hyphenate).orElse(true)) return Optional.empty();
        return h.forLanguage(lang);
    }
}
