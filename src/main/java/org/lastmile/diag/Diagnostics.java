package org.lastmile.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of one build, collected from every stage so that all errors are reported together. Each distinct
 * finding is kept once (a warning about a missing message key is raised by every page that uses it). Thread-safe:
 * stages that work in parallel report into one instance. Not a global: each build makes its own.
 */
public final class Diagnostics {
    private final Set<Diagnostic> items = new LinkedHashSet<>();
    /**
     * What the current thread's {@link #tapped} work reported: the build cache stores a page's findings with the
     * page, so a page taken from the cache reports them again (per instance and per thread, never global).
     */
    private final ThreadLocal<List<Diagnostic>> taps = new ThreadLocal<>();

    public synchronized void report(Diagnostic d) {
        items.add(d);
        List<Diagnostic> tap = taps.get();
        if (tap != null) tap.add(d);
    }

    /** Runs {@code work} on this thread, adding to {@code into} every finding it reports (duplicates included). */
    public <T> T tapped(java.util.function.Supplier<T> work, List<Diagnostic> into) {
        List<Diagnostic> before = taps.get();
        taps.set(into);
        try {
            return work.get();
        } finally {
            if (before == null) taps.remove();
            else taps.set(before);
        }
    }

    public void error(SourcePos pos, String message, String hint) {
        report(Diagnostic.error(pos, message, hint));
    }

    public void warning(SourcePos pos, String message, String hint) {
        report(Diagnostic.warning(pos, message, hint));
    }

    public synchronized void addAll(Collection<Diagnostic> ds) {
        items.addAll(ds);
        List<Diagnostic> tap = taps.get();
        if (tap != null) tap.addAll(ds);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public synchronized long warningCount() {
        return items.size() - errorCount();
    }

    /** All findings in a stable order (file, line, severity, text), so output is the same run to run. */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(Diagnostic.ORDER);
        return List.copyOf(list);
    }
}
