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

    public synchronized void report(Diagnostic d) {
        items.add(d);
    }

    public void error(SourcePos pos, String message, String hint) {
        report(Diagnostic.error(pos, message, hint));
    }

    public void warning(SourcePos pos, String message, String hint) {
        report(Diagnostic.warning(pos, message, hint));
    }

    public synchronized void addAll(Collection<Diagnostic> ds) {
        items.addAll(ds);
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
