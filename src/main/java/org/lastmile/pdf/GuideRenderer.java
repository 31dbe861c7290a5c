package org.lastmile.pdf;

import org.lastmile.pdf.layout.GuideLayout;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.text.Hyphenation;

import java.util.ArrayList;
import java.util.List;

/**
 * Typesets a community guide: exactly four pages. Layout ({@link GuideLayout}) chooses the layout and size and
 * places every box; the {@link Painter} writes them. Stateless and thread-safe; {@link Fonts} and
 * {@link Hyphenation} may be shared by parallel renders.
 */
public final class GuideRenderer {
    /** Pages of every guide. */
    public static final int PAGES = GuideLayout.PAGES;

    private GuideRenderer() {
    }

    /** Renders one guide without hyphenation patterns (tests, quick checks). */
    public static RenderResult render(GuideSpec spec, PdfStyle style, Fonts fonts) {
        return render(spec, style, fonts, Hyphenation.builtIn());
    }

    /**
     * Renders one guide.
     *
     * @return the PDF (exactly {@value #PAGES} pages) with the layout report, or the diagnostics (overflow, missing
     * glyphs, bad images) that prevented it
     */
    public static RenderResult render(GuideSpec spec, PdfStyle style, Fonts fonts, Hyphenation hyphenation) {
        GuideLayout.Outcome o = GuideLayout.layout(spec, style, fonts, hyphenation);
        if (o.laidOut().isEmpty()) return RenderResult.failed(o.diagnostics());
        return RenderResult.ok(paint(spec, style, fonts, o.laidOut().get()), o.diagnostics(), o.report().orElseThrow());
    }

    /** The guide laid out but not painted: for layout tests and golden dumps. */
    public static GuideLayout.Outcome layout(GuideSpec spec, PdfStyle style, Fonts fonts, Hyphenation hyphenation) {
        return GuideLayout.layout(spec, style, fonts, hyphenation);
    }

    static byte[] paint(GuideSpec spec, PdfStyle style, Fonts fonts, LaidOut laidOut) {
        List<String> seed = new ArrayList<>(List.of(spec.source().toString(), spec.language(), spec.title(),
                spec.summary(), spec.body().getChars().toString(), style.toString()));
        DocumentInfo info = new DocumentInfo(spec.title(), style.organisation(), spec.summary(), spec.tags(),
                spec.language(), spec.timestamp(), String.join("\n", seed));
        return Painter.paint(laidOut, info, fonts, style.print());
    }
}
