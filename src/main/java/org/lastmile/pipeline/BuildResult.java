package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;

import java.util.List;


/**
 * What a build did: its findings (sorted), counts for the summary line ({@code cachedPdfs}, {@code cachedPages}: from the build cache)
 * and the layout report of each guide typeset.
 */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis,
                          java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs,
                          int cachedPages) {

    public BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis,
                       java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs) {
        this(diagnostics, pages, pdfs, millis, guides, cachedPdfs, 0);
    }

    public BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis) {
        this(diagnostics, pages, pdfs, millis, java.util.Map.of(), 0);
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
