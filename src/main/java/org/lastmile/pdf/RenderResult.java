package org.lastmile.pdf;

import org.lastmile.diag.Diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of rendering one PDF: the bytes, or the errors that stopped it. Warnings may accompany bytes.
 *
 * @param pdf         the PDF, present exactly when there is no error
 * @param diagnostics errors (then no PDF) and warnings, in source order
 * @param report      for guides: the layout chosen, the body size and how full the pages are
 */
public record RenderResult(Optional<byte[]> pdf, List<Diagnostic> diagnostics,
                           Optional<org.lastmile.pdf.layout.GuideLayout.Report> report) {

    public RenderResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static RenderResult ok(byte[] pdf, List<Diagnostic> warnings, org.lastmile.pdf.layout.GuideLayout.Report report) {
        return new RenderResult(Optional.of(pdf), warnings, Optional.ofNullable(report));
    }

    /** Body type size the guide was set at (0 for papers and failed renders). */
    public float bodySize() {
        return report.map(org.lastmile.pdf.layout.GuideLayout.Report::size).orElse(0f);
    }

    static RenderResult failed(List<Diagnostic> diagnostics) {
        List<Diagnostic> sorted = new java.util.ArrayList<>(diagnostics);
        sorted.sort(Diagnostic.ORDER);
        return new RenderResult(Optional.empty(), sorted, Optional.empty());
    }

    /** Whether a PDF was produced. */
    public boolean ok() {
        return pdf.isPresent();
    }

    /** The errors among the diagnostics. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /**
     * The PDF bytes.
     *
     * @throws org.lastmile.diag.LastmileException carrying the diagnostics if rendering failed
     */
    public byte[] orThrow() {
        return pdf.orElseThrow(() -> new org.lastmile.diag.LastmileException(diagnostics));
    }
}
