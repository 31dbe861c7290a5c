package org.lastmile.pdf;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;

/**
 * Typesets a whole briefing paper as a PDF of any length: a title page with the table of contents (with page
 * numbers, clickable), then the body in two columns with the guides' typography, running footers, bookmarks, and the
 * organisation and licence after the notes. Same diagnostics as {@link GuideRenderer} except there is no overflow.
 * Stateless and thread-safe.
 */
public final class PaperPdfRenderer {
    private PaperPdfRenderer() {
    }

    /** Renders the paper; the result holds the PDF or the errors (missing glyphs, bad images). */
    public static RenderResult render(PaperSpec paper, PdfStyle style, Fonts fonts) {
        return render(paper, style, fonts, org.lastmile.text.Hyphenation.builtIn());
    }

    /** Renders the paper with the build's hyphenation patterns. */
    public static RenderResult render(PaperSpec paper, PdfStyle style, Fonts fonts,
                                      org.lastmile.text.Hyphenation hyphenation) {
        var o = org.lastmile.pdf.layout.PaperLayout.layout(paper, style, fonts, hyphenation);
        if (o.laidOut().isEmpty()) return RenderResult.failed(o.diagnostics());
        GuideSpec spec = paper.asGuide();
        DocumentInfo info = new DocumentInfo(spec.title(), style.organisation(), spec.summary(), spec.tags(),
                spec.language(), spec.timestamp(), String.join("\n", spec.source().toString(), spec.language(),
                spec.title(), spec.body().getChars().toString(), style.toString()));
        return RenderResult.ok(Painter.paint(o.laidOut().get(), info, fonts, style.print()), o.diagnostics(), null);
    }
}
