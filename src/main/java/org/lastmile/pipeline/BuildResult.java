package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;

import java.util.List;

/** What a build did: its findings (sorted) and counts for the summary line. */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis,
                          java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides) {

    public BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis) {
        this(diagnostics, pages, pdfs, millis, java.util.Map.of());
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
