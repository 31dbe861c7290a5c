package org.lastmile.content;

/**
 * Where a translation stands against its default-language source: up to date (its {@code translation_of} is the
 * source's current hash), outdated (the source changed since), unknown (no {@code translation_of}), or missing.
 */
public enum TranslationState {
    UP_TO_DATE("up to date"), OUTDATED("outdated"), UNKNOWN("unknown"), MISSING("missing");

    private final String label;

    TranslationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word used in --fail-on and JSON: up-to-date, outdated, unknown, missing. */
    public String id() {
        return label.replace(' ', '-');
    }
}
