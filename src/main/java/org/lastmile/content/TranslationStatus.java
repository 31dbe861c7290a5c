package org.lastmile.content;

import java.util.Optional;

/**
 * One cell of the translation matrix: a paper, guide or page in one language, with its source (the
 * default-language file) and, when it exists, the translation.
 */
public record TranslationStatus(ContentKind kind, String slug, String lang, TranslationState state,
                                SourceFile source, Optional<SourceFile> translation) {

    /** The hash the translation says it was made from, if any. */
    public Optional<String> recordedHash() {
        return translation.flatMap(t -> t.fm().translationOf());
    }
}
