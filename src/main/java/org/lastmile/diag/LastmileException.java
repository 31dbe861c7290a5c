package org.lastmile.diag;

import java.util.List;

/**
 * Thrown when a stage cannot go on because the user's input is wrong; carries the findings so the CLI can print them
 * as {@code file:line} lines instead of a stack trace.
 */
public final class LastmileException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public LastmileException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "build failed" : diagnostics.get(0).format());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public LastmileException(Diagnostic d) {
        this(List.of(d));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
