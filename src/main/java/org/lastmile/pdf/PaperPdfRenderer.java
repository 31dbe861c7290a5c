package org.lastmile.pdf;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.DottedLineSeparator;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typesets a whole briefing paper as a PDF of any length: a title page with the table of contents (with page
 * numbers, clickable), then the body in two columns with the guides' typography, running footers, bookmarks, and the
 * organisation and licence after the notes. Same diagnostics as {@link LegacyLayout} except there is no overflow.
 * Stateless and thread-safe.
 */
public final class PaperPdfRenderer {
    private static final int MAX_PAGES = 400;

    private PaperPdfRenderer() {
    }

    /** Renders the paper; the result holds the PDF or the errors (missing glyphs, bad images). */
    public static RenderResult render(PaperSpec paper, PdfStyle style, Fonts fonts) {
        GuideSpec spec = paper.asGuide();
        Typesetter ts = new Typesetter(fonts, style, spec.language(), spec.direction(), spec.source());
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, Image> images = BodyBuilder.newImageCache();
        LegacyLayout.Geometry g = new LegacyLayout.Geometry(style, spec.direction());
        float size = style.baseSize();
        List<Block> blocks = new ArrayList<>(
                LegacyLayout.body(spec, style, ts, g, size, diags, images, true).blocks());
        blocks.addAll(backMatter(paper, style, ts, size));

        Flow measure = new Flow(g.slots(2, MAX_PAGES), null, spec.direction());
        Flow.Result r = measure.run(blocks);
        if (!r.fits()) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()),
                    "the paper is longer than " + MAX_PAGES + " pages"));
            return RenderResult.failed(diags);
        }
        int lastPage = Math.max(2, g.slots(2, MAX_PAGES).get(r.lastSlot()).page());
        List<Flow.Heading> toc = measure.headings().stream().filter(h -> h.level() == 1).toList();

        byte[] pdf;
        try {
            pdf = write(paper, spec, style, ts, g, blocks, toc, lastPage);
        } catch (RuntimeException e) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()), "cannot write the PDF: " + e.getMessage()));
            return RenderResult.failed(diags);
        }
        diags.addAll(ts.glyphDiagnostics());
        if (diags.stream().anyMatch(Diagnostic::isError)) return RenderResult.failed(diags);
        diags.sort(Diagnostic.ORDER);
        return RenderResult.ok(pdf, diags, null);
    }

    /** Organisation, licence, date and web address after the body. */
    private static List<Block> backMatter(PaperSpec paper, PdfStyle style, Typesetter ts, float size) {
        Look look = new Look(style, size, ts.cjk());
        List<Block> out = new ArrayList<>();
        out.add(new Block.Rule(Look.HAIRLINE, 0.6f, size * 2f, size * 0.6f));
        List<Run> lines = new ArrayList<>();
        if (!style.organisation().isBlank()) lines.add(Run.of(style.organisation(), TextStyle.PLAIN.withBold(true)));
        if (!paper.dateText().isBlank()) {
            if (!lines.isEmpty()) lines.add(Run.of("\n", TextStyle.PLAIN));
            lines.add(Run.of(paper.dateText(), TextStyle.PLAIN));
        }
        if (!paper.url().isBlank()) {
            if (!lines.isEmpty()) lines.add(Run.of("\n", TextStyle.PLAIN));
            lines.add(Run.of(paper.url(), TextStyle.PLAIN.withLink(paper.url()).withColor(look.primary())));
        }
        if (!style.licence().isBlank()) {
            if (!lines.isEmpty()) lines.add(Run.of("\n", TextStyle.PLAIN));
            lines.add(Run.of(style.licence(), TextStyle.PLAIN));
        }
        if (lines.isEmpty()) return List.of();
        Phrase p = ts.phrase(lines, look.small(), look.smallLeading(), Look.MUTED);
        out.add(new Block.Text(p, look.small(), look.smallLeading(), Element.ALIGN_LEFT, 0, 0, 0, 0, null, 0, false,
                true, 0, null, null, PdfWriter.NO_SPACE_CHAR_RATIO, ts.breaker, ts.cjk(), null));
        return out;
    }

    private static byte[] write(PaperSpec paper, GuideSpec spec, PdfStyle style, Typesetter ts,
                                LegacyLayout.Geometry g, List<Block> blocks, List<Flow.Heading> toc, int lastPage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(style.paperSize().page(), 0, 0, 0, 0);
        PdfWriter w = PdfWriter.getInstance(doc, out);
        PdfFiles.configure(w);
        PdfFiles.metadata(doc, spec.title(), style.organisation(), spec.summary(), spec.tags());
        Fonts.startDocument(PdfFiles.seed("paper", spec.source().toString(), spec.language(), spec.title(),
                spec.body().getChars().toString(), style.toString()));
        doc.open();
        PdfFiles.afterOpen(w, spec.timestamp(), spec.language());

        Runnable[] onLeave = new Runnable[lastPage + 2];
        for (int p = 2; p <= lastPage; p++) {
            int page = p;
            onLeave[p] = () -> LegacyLayout.footer(w, spec, style, ts, g, page, lastPage);
        }
        LegacyLayout.Pages pages = new LegacyLayout.Pages(doc, w, onLeave);
        titlePage(w, paper, style, ts, g, toc);
        if (!spec.title().isBlank()) {
            new PdfOutline(w.getRootOutline(), new PdfDestination(PdfDestination.FITH, g.height()), spec.title(),
                    true);
        }
        pages.show(2);
        LegacyLayout.bodyPageDecoration(w, style, g);
        new Flow(g.slots(2, lastPage), new LegacyLayout.DecoratingPages(pages, w, style, g), spec.direction())
                .run(blocks);
        pages.show(lastPage);
        onLeave[lastPage].run();
        doc.close();
        return PdfFiles.fixId(out.toByteArray());
    }

    private static void titlePage(PdfWriter w, PaperSpec paper, PdfStyle style, Typesetter ts,
                                  LegacyLayout.Geometry g, List<Flow.Heading> toc) {
        PdfContentByte cb = w.getDirectContent();
        PdfContentByte under = w.getDirectContentUnder();
        float W = g.width();
        float H = g.height();
        float m = Math.max(48f, Math.max(style.marginInner(), style.marginOuter())) + 6f;
        float x1 = m;
        float x2 = W - m;
        boolean rtl = paper.direction().rtl();
        boolean cjk = ts.cjk();

        // Band with series label and title.
        List<Run> title = Run.styled(paper.title(), TextStyle.PLAIN.withBold(true));
        float titleSize = cjk ? 26f : 28f;
        float titleLeading = titleSize * (cjk ? 1.3f : 1.16f);
        for (float s = titleSize; s >= 16f; s -= 1f) {
            titleSize = s;
            titleLeading = s * (cjk ? 1.3f : 1.16f);
            if (TextBox.lines(ts, title, s, titleLeading, x2 - x1) <= 4) break;
        }
        int titleLines = TextBox.lines(ts, title, titleSize, titleLeading, x2 - x1);
        float y = H - m - 6f;
        fill(under, style.accent(), rtl ? x2 - 36f : x1, y, 36f, 4f);
        y -= 10f;
        y = TextBox.draw(cb, ts, Run.styled(paper.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12f, 16f,
                Color.WHITE, x1, x2, y, Element.ALIGN_LEFT);
        y -= 14f;
        float tw = TextBox.balancedWidth(ts, title, titleSize, titleLeading, x2 - x1);
        y = TextBox.draw(cb, ts, title, titleSize, titleLeading, Color.WHITE, rtl ? x2 - tw : x1, rtl ? x2 : x1 + tw,
                y, Element.ALIGN_LEFT);
        float bandBottom = y - 30f;
        fill(under, style.primary(), 0, bandBottom, W, H - bandBottom);
        fill(under, style.accent(), 0, bandBottom - 7f, W, 7f);

        // Summary, authors and date.
        y = bandBottom - 7f - 26f;
        float ss = cjk ? 12.5f : 13f;
        float sl = ss * (cjk ? 1.6f : 1.42f);
        y = TextBox.draw(cb, ts, Run.plain(paper.summary()), ss, sl, Look.INK, x1, x1 + (x2 - x1) * 0.92f, y,
                Element.ALIGN_LEFT);
        List<Run> byline = new ArrayList<>();
        if (!paper.authors().isEmpty()) byline.add(Run.of(String.join(", ", paper.authors()),
                TextStyle.PLAIN.withBold(true)));
        if (!paper.dateText().isBlank()) {
            if (!byline.isEmpty()) byline.add(Run.of("  ·  ", TextStyle.PLAIN));
            byline.add(Run.of(paper.dateText(), TextStyle.PLAIN));
        }
        if (!byline.isEmpty()) {
            y -= 10f;
            y = TextBox.draw(cb, ts, byline, 10f, 14f, Look.MUTED, x1, x2, y, Element.ALIGN_LEFT);
        }

        // Table of contents.
        if (!toc.isEmpty()) {
            y -= 34f;
            fill(under, style.accent(), rtl ? x2 - 28f : x1, y - 2f, 28f, 2.2f);
            y -= 8f;
            y = TextBox.draw(cb, ts, Run.styled(paper.contentsLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f,
                    style.primary(), x1, x2, y, Element.ALIGN_LEFT);
            y -= 6f;
            float size = 11f;
            float leading = cjk ? 18f : 16.5f;
            float bottom = m + 20f;
            int n = 0;
            for (Flow.Heading h : toc) {
                n++;
                String dest = "sec-" + n;
                List<Run> runs = List.of(Run.of(h.title(), TextStyle.PLAIN.withLocalGoto(dest)));
                Phrase p = ts.phrase(runs, size, leading, Look.INK);
                Chunk dots = new Chunk(new DottedLineSeparator());
                dots.setFont(new Font(ts.mainFont(false), size, Font.NORMAL, Look.HAIRLINE));
                dots.setLocalGoto(dest);
                p.add(dots);
                for (Chunk c : ts.chunks(List.of(Run.of(Integer.toString(h.page()),
                        TextStyle.PLAIN.withBold(true).withLocalGoto(dest))), size, style.primary())) {
                    p.add(c);
                }
                ColumnText ct = new ColumnText(cb);
                ct.setRunDirection(ts.runDirection());
                ct.setLeading(leading, 0);
                ct.setAlignment(Element.ALIGN_LEFT);
                ct.setUseAscender(false);
                ct.addText(p);
                ct.setSimpleColumn(x1, bottom, x2, y);
                ct.go();
                y = ct.getYLine() - 3f;
                if (y < bottom + leading) break;
            }
        }
    }

    private static void fill(PdfContentByte cb, Color c, float x, float y, float w, float h) {
        cb.saveState();
        cb.setColorFill(c);
        cb.rectangle(x, y, w, h);
        cb.fill();
        cb.restoreState();
    }
}
