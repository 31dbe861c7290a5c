package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;

import java.util.List;


/**
 * What a build did: its findings (sorted), counts for the summary line ({@code cachedPdfs}, {@code cachedPages}: from the build cache),
 * the layout report of each guide typeset, and the pages ({@code .html} output paths) it rendered rather than took
 * from the cache.
 */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis,
                          java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs,
                          int cachedPages, java.util.Set<String> renderedPages) {

    /** Without the pages rendered: a build that rendered none, or that does not tell. */
    public BuildResult(List<Diagnostic> diagnostics, int pages, int pdfs, long millis,
                       java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides, int cachedPdfs,
                       int cachedPages) {
        this(diagnostics, pages, pdfs, millis, guides, cachedPdfs, cachedPages, java.util.Set.of());
    }

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
