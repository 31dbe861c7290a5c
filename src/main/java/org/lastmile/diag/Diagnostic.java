package org.lastmile.diag;

import java.util.Comparator;

/**
 * One finding about the user's input, carried as a value from whichever stage found it. Printed as
 * {@code file:line: level: what is wrong — what to do}. {@code pos} may be null for findings about the site as a
 * whole (e.g. a missing content/ folder).
 */
public record Diagnostic(Severity severity, SourcePos pos, String message, String hint) {

    /** Report order: findings about the whole site first, then by file and line; errors before warnings. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::pos, Comparator.nullsFirst(Comparator.<SourcePos>naturalOrder()))
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.ERROR, pos, message, hint);
    }

    public static Diagnostic error(SourcePos pos, String message) {
        return new Diagnostic(Severity.ERROR, pos, message, null);
    }

    public static Diagnostic warning(SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.WARNING, pos, message, hint);
    }

    public static Diagnostic warning(SourcePos pos, String message) {
        return new Diagnostic(Severity.WARNING, pos, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message and hint, without position or level: what tests and error pages compare. */
    public String text() {
        return hint == null || hint.isBlank() ? message : message + " — " + hint;
    }

    /**
     * The one line a build prints: {@code file:line: message — hint} for errors (the form every lastmile error
     * takes), {@code file:line: warning: message — hint} for warnings.
     */
    public String format() {
        String where = pos == null ? "" : pos + ": ";
        return where + (isError() ? "" : "warning: ") + text();
    }

    /** {@code file:line: level: message — hint}: the form of {@code lastmile check}, where every line has a level. */
    public String formatWithLevel() {
        String where = pos == null ? "" : pos + ": ";
        return where + severity.label() + ": " + text();
    }

    @Override
    public String toString() {
        return format();
    }
}
