package org.lastmile.pdf.layout;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PaperSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Outline;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;
import org.lastmile.text.Hyphenation;
import org.lastmile.text.Hyphenator;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays out a whole briefing paper, of any length: a title page (series label, title, summary, authors and date, and
 * the table of contents with page numbers), then the body in two columns at the base size with the guides' rules of
 * the page, running footers, and the organisation, date and web address after the notes. The same machinery as the
 * guides ({@link BlockBuilder}, {@link Units}, {@link Flow}); only the frame differs.
 */
public final class PaperLayout {
    static final int MAX_PAGES = 400;

    private PaperLayout() {
    }

    /** The laid-out paper, or the errors (missing glyphs, bad images, too long). */
    public static GuideLayout.Outcome layout(PaperSpec paper, PdfStyle style, FontMetrics fonts, Hyphenation hyphenation) {
        GuideSpec spec = paper.asGuide();
        List<Diagnostic> diags = new ArrayList<>();
        Shaper shaper = new Shaper(fonts, style, spec.language(), spec.source());
        Hyphenator hy = hyphenation == null ? null : hyphenation.forLanguage(spec.language()).orElse(null);
        BlockBuilder builder = new BlockBuilder(shaper, hy, new Images(spec.bundleDir(), spec.staticFiles()),
                spec.source(), spec.bodyLineOffset(), spec.notesLabel(), style.primary(), diags);
        List<Block> blocks = new ArrayList<>(builder.build(spec.body()));
        blocks.addAll(backMatter(paper, style, shaper));

        Frames frames = new Frames(spec, style, shaper, null, "cover", null, false);
        float size = style.baseSize();
        boolean rtl = spec.direction().rtl();
        List<Flow.Slot> slots = new ArrayList<>();
        for (int p = 2; p <= MAX_PAGES; p++) {
            float l = frames.left(p);
            float r = frames.right(p);
            float gap = GuideLayout.COLUMN_GAP_EMS * size;
            float cw = (r - l - gap) / 2;
            float first = rtl ? r - cw : l;
            float second = rtl ? l : r - cw;
            float top = frames.height() - style.marginTop();
            slots.add(new Flow.Slot(p, first, cw, first, cw, top, style.marginBottom()));
            slots.add(new Flow.Slot(p, second, cw, second, cw, top, style.marginBottom()));
        }
        Look look = new Look(style, size, shaper.cjk(), shaper.tall());
        Flow.Units units = Units.of(blocks, look, slots.get(0).textWidth(), slots.get(0).wideWidth(), rtl,
                slots.get(0).height());
        Flow.Result r = Flow.place(units.list, slots);
        if (!r.fits()) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()), "the paper is longer than " + MAX_PAGES + " pages",
                    "split it into several papers"));
        }
        diags.addAll(shaper.glyphDiagnostics());
        if (diags.stream().anyMatch(Diagnostic::isError)) {
            diags.sort(Diagnostic.ORDER);
            return new GuideLayout.Outcome(Optional.empty(), Optional.empty(), diags);
        }
        int pages = Math.max(2, slots.get(r.slotsUsed() - 1).page());
        Canvas c = new Canvas(frames.width(), frames.height(), pages, fonts);
        c.containers(builder.containers());
        if (!spec.title().isBlank()) c.outline(1, spec.title(), 1, frames.height());
        Flow.draw(r, slots, units, c);
        for (int p = 2; p <= pages; p++) {
            frames.band(c, p);
            frames.footer(c, p, pages);
        }
        LaidOut body = c.done();
        List<Outline> toc = body.outlines().stream().filter(o -> o.level() == 1 && o.page() > 1).toList();
        titlePage(c, frames, paper, style, shaper, toc);
        diags.sort(Diagnostic.ORDER);
        return new GuideLayout.Outcome(Optional.of(c.done()), Optional.empty(), diags);
    }

    /** Organisation, date, licence and web address, after the notes. */
    private static List<Block> backMatter(PaperSpec paper, PdfStyle style, Shaper shaper) {
        List<Block> out = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        if (!style.organisation().isBlank()) runs.add(Run.of(style.organisation(), TextStyle.PLAIN.withBold(true)));
        for (String s : List.of(paper.dateText(), style.licence())) {
            if (s.isBlank()) continue;
            if (!runs.isEmpty()) runs.add(Run.of("\n", TextStyle.PLAIN));
            runs.add(Run.of(s, TextStyle.PLAIN));
        }
        if (!paper.url().isBlank()) {
            if (!runs.isEmpty()) runs.add(Run.of("\n", TextStyle.PLAIN));
            runs.add(Run.of(paper.url(), TextStyle.PLAIN.withLink(paper.url()).withColor(style.primary())));
        }
        if (runs.isEmpty()) return out;
        out.add(new Block.Rule(100000));
        out.add(new Block.Text(Paragraph.of(shaper, runs, null, false), Block.Kind.NOTE, Role.P, 100001, 0, 0, false,
                null, false, 0, null, null, 0.5f, 0));
        return out;
    }

    /** Page 1: colour band with series label and title, summary, byline, and the contents with page numbers. */
    private static void titlePage(Canvas c, Frames f, PaperSpec paper, PdfStyle style, Shaper shaper, List<Outline> toc) {
        float W = f.width();
        float H = f.height();
        float x1 = f.left(1);
        float x2 = f.right(1);
        boolean cjk = shaper.cjk();
        PageText t = f.texts();
        Paragraph title = t.para(paper.title(), TextStyle.PLAIN.withBold(true));
        float ts = cjk ? 28f : 30f;
        float tl = ts * (cjk ? 1.3f : 1.15f);
        while (ts > 16f && t.height(title, ts, tl, x2 - x1) > 4 * tl) {
            ts -= 1f;
            tl = ts * (cjk ? 1.3f : 1.15f);
        }
        float labelTop = H - 40f;
        float titleTop = labelTop - 30f;
        float bandBottom = titleTop - t.height(title, ts, tl, x2 - x1) - 24f;
        c.fill(1, 0, bandBottom, W, H - bandBottom, style.primary(), Tag.ARTIFACT);
        c.fill(1, 0, bandBottom - 6f, W, 6f, style.accent(), Tag.ARTIFACT);
        t.text(c, 1, t.para(paper.seriesLabel(), TextStyle.PLAIN.withBold(true)), 12f, 15f, x1, x2, labelTop,
                Color.WHITE, Tag.of(Role.P, 0, 0));
        t.text(c, 1, title, ts, tl, x1, x2, titleTop, Color.WHITE, Tag.of(Role.H1, 0, 0));
        float y = bandBottom - 30f;
        if (!paper.summary().isBlank()) {
            y = t.text(c, 1, t.para(paper.summary(), TextStyle.PLAIN), cjk ? 13f : 14f, cjk ? 21f : 19.5f, x1,
                    x1 + (x2 - x1) * 0.92f, y, Look.INK, Tag.of(Role.P, 0, 0)) - 10f;
        }
        String byline = String.join(", ", paper.authors());
        if (!paper.dateText().isBlank()) byline = byline.isEmpty() ? paper.dateText() : byline + " · " + paper.dateText();
        if (!byline.isBlank()) {
            y = t.text(c, 1, t.para(byline, TextStyle.PLAIN), 10f, 14f, x1, x2, y, Look.MUTED, Tag.of(Role.P, 0, 0)) - 16f;
        }
        if (toc.isEmpty()) return;
        y = t.text(c, 1, t.para(paper.contentsLabel(), TextStyle.PLAIN.withBold(true)), 14f, 18f, x1, x2, y - 8f,
                style.primary(), Tag.of(Role.H1, 0, 0)) - 4f;
        boolean rtl = paper.direction().rtl();
        for (Outline o : toc) {
            if (y < style.marginBottom() + 14f) break;
            String num = Integer.toString(o.page());
            float nw = t.para(num, TextStyle.PLAIN).naturalWidth(10.5f);
            float tx1 = rtl ? x1 + nw + 12f : x1;
            float tx2 = rtl ? x2 : x2 - nw - 12f;
            float top = y;
            y = t.text(c, 1, t.para(o.title(), TextStyle.PLAIN), 10.5f, 15f, tx1, tx2, y, Look.INK, Tag.of(Role.LINK, 0, 0));
            t.text(c, 1, t.para(num, TextStyle.PLAIN.withBold(true)), 10.5f, 15f, rtl ? x1 : x2 - nw, rtl ? x1 + nw : x2,
                    top, style.primary(), Tag.of(Role.LINK, 0, 0));
            c.box(1, new Box.Link(x1, y, x2 - x1, top - y, null, "toc-" + o.page() + "-" + Math.round(o.y()),
                    Tag.of(Role.LINK, 0, 0)));
            c.box(o.page(), new Box.Anchor("toc-" + o.page() + "-" + Math.round(o.y()), x1, o.y(), Tag.ARTIFACT));
            y -= 3f;
        }
    }
}
