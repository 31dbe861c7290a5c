package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;

import java.util.List;

/** What a build did: its findings (sorted) and counts for the summary line ({@code cachedPdfs}: from the build cache). */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis, int cachedPdfs) {

    public BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis) {
        this(diagnostics, pages, pdfs, millis, 0);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }
}
