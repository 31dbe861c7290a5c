package org.lastmile.pdf;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typesets a community guide: exactly four pages — cover, two body pages, back cover.
 *
 * <p>Running text is set in one column about {@value #MEASURE_EMS} ems of the base size wide, beside a rail on the
 * start side into which section headings, the standfirst, tables, callout boxes and images extend
 * ({@link Geometry#rail()}). The body starts at the style's base size; if it does not fit on pages 2–3 the size steps
 * down by 0.25 pt to the floor, and then, from the base size again, with running text across the whole text block
 * (the room guides always had). If it still does not fit, the guide fails with
 * {@code file: 0.6 page too long at the smallest size (8.5 pt) — shorten by about 250 words}.
 *
 * <p>A short body does not leave page 3 blank: one that fills less than {@value #GROW_BELOW} pages at the base size
 * grows in the same steps up to {@link #growCeiling} (12 pt for 10.5 pt) while it fills at most
 * {@value #GROW_TARGET} pages; if page 3 would still be less than {@value #BALANCE_BELOW} full, page 3 starts at the
 * top-level section heading that shares the body most evenly between the two pages ({@link #balance}).
 *
 * <p>Every character is checked against the font chosen for it; misses fail the guide with one diagnostic per source
 * line.
 *
 * <p>Stateless and thread-safe; {@link Fonts} may be shared by parallel renders.
 */
final class LegacyLayout {
    /** Pages of every guide. */
    public static final int PAGES = 4;
    /** Size step when the body does not fit. */
    public static final float SIZE_STEP = 0.25f;

    private LegacyLayout() {
    }

    /**
     * Renders one guide.
     *
     * @return the PDF (exactly {@value #PAGES} pages), or the diagnostics (overflow, missing glyphs, bad images) that
     * prevented it
     */
    public static RenderResult render(GuideSpec spec, PdfStyle style, Fonts fonts) {
        Typesetter ts = new Typesetter(fonts, style, spec.language(), spec.direction(), spec.source());
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, Image> images = BodyBuilder.newImageCache();
        Geometry g = new Geometry(style, spec.direction());

        if (spec.coverImage() != null && coverImage(spec, images) == null) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()), "cover image " + spec.coverImage()
                    + " cannot be read", "use a PNG or JPEG file"));
        }
        // Find the largest size at which the body fits on pages 2–3: running text beside the rail first; a body
        // too long for that even at the floor size gets the whole width of the text block, as much room as ever.
        float chosen = -1;
        Flow.Result last = null;
        Flow lastFlow = null;
        int steps = Math.round((style.baseSize() - style.floorSize()) / SIZE_STEP);
        List<Diagnostic> firstBuild = diags;
        List<Geometry> layouts = g.rail() > 0 ? List.of(g, g.withoutRail()) : List.of(g);
        search:
        for (Geometry layout : layouts) {
            g = layout;
            for (int i = 0; i <= steps; i++) {
                float size = i == steps ? style.floorSize() : style.baseSize() - i * SIZE_STEP;
                Body body = body(spec, style, ts, g, size, firstBuild, images, false);
                firstBuild = new ArrayList<>(); // report input problems once
                lastFlow = new Flow(g.bodySlots(), null, spec.direction());
                last = lastFlow.run(body.blocks());
                if (last.fits()) {
                    chosen = size;
                    break search;
                }
            }
        }
        boolean overflow = chosen < 0;
        float size = overflow ? style.floorSize() : chosen;
        if (overflow) {
            diags.add(overflowDiagnostic(spec, style, ts, last));
        }
        // A short body grows (in the same steps, up to the ceiling) so that pages 2–3 carry it with some air at the
        // end, never past the size at which it stops fitting.
        if (!overflow && size == style.baseSize() && filled(lastFlow) < GROW_BELOW) {
            float ceiling = growCeiling(style);
            for (int i = 1; style.baseSize() + i * SIZE_STEP <= ceiling + 1e-3f; i++) {
                float bigger = style.baseSize() + i * SIZE_STEP;
                Flow f = new Flow(g.bodySlots(), null, spec.direction());
                if (!f.run(body(spec, style, ts, g, bigger, new ArrayList<>(), images, false).blocks()).fits()
                        || filled(f) > GROW_TARGET) {
                    break;
                }
                size = bigger;
            }
        }
        Set<Integer> breaks = overflow ? Set.of() : balance(body(spec, style, ts, g, size, new ArrayList<>(), images,
                false), g, spec.direction());

        byte[] pdf;
        try {
            pdf = write(spec, style, ts, g, size, breaks, images);
        } catch (DocumentException | IOException e) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()), "cannot write the PDF: " + e.getMessage()));
            return RenderResult.failed(diags);
        }
        diags.addAll(ts.glyphDiagnostics());
        if (diags.stream().anyMatch(Diagnostic::isError)) return RenderResult.failed(diags);
        diags.sort(Diagnostic.ORDER);
        return RenderResult.ok(pdf, diags, null);
    }

    /** Grow a body that fills less than this many pages at the base size. */
    static final float GROW_BELOW = 1.6f;
    /** Grow it while it fills at most this many pages. */
    static final float GROW_TARGET = 1.8f;
    /** Balance pages 2–3 when page 3 would be filled less than this share. */
    static final float BALANCE_BELOW = 0.4f;

    /** The largest body size a short guide may grow to: 8/7 of the base size (12 pt for 10.5 pt), in size steps. */
    static float growCeiling(PdfStyle style) {
        float c = style.baseSize() * 8f / 7f;
        return style.baseSize() + (float) Math.floor((c - style.baseSize()) / SIZE_STEP + 1e-3) * SIZE_STEP;
    }

    /** How many pages of content a measuring flow placed on pages 2–3 (the sum of the used shares of each page). */
    static float filled(Flow f) {
        float pages = 0;
        for (int i = 0; i < f.slots(); i++) pages += f.used(i) / f.slot(i).height();
        return pages / COLUMNS;
    }

    /**
     * Where to start page 3 early so both body pages carry content: when the text would leave page 3 empty or
     * nearly so, the top-level section heading ({@code ##}) that splits the body most evenly between the pages and
     * still fits; no break otherwise.
     */
    static Set<Integer> balance(Body body, Geometry g, Direction dir) {
        List<Flow.Slot> slots = g.bodySlots();
        if (slots.size() != 2) return Set.of();
        Flow natural = new Flow(slots, null, dir);
        if (!natural.run(body.blocks()).fits()) return Set.of();
        float h2 = slots.get(0).height();
        float h3 = slots.get(1).height();
        if (natural.used(1) / h3 >= BALANCE_BELOW) return Set.of();
        float best = Math.abs(natural.used(0) / h2 - natural.used(1) / h3);
        Set<Integer> chosen = Set.of();
        for (int i : body.sections()) {
            if (i == 0) continue;
            Flow f = new Flow(slots, null, dir).breakBefore(Set.of(i));
            if (!f.run(body.blocks()).fits()) continue;
            float p2 = f.used(0) / h2;
            float p3 = f.used(1) / h3;
            float d = Math.abs(p2 - p3);
            if (p3 > natural.used(1) / h3 && d < best - 1e-4f) {
                best = d;
                chosen = Set.of(i);
            }
        }
        return chosen;
    }

    /** The body's blocks at one size and the indices of its top-level section headings. */
    record Body(List<Block> blocks, List<Integer> sections) {
    }

    static Body body(GuideSpec spec, PdfStyle style, Typesetter ts, Geometry g, float size, List<Diagnostic> diags,
                     Map<String, Image> images, boolean outlines) {
        Look look = new Look(style, size, ts.cjk());
        BodyBuilder bb = new BodyBuilder(ts, look, spec.source(), spec.bodyLineOffset(), spec.bundleDir(), diags,
                spec.notesLabel(), outlines, images, g.rail());
        List<Block> blocks = bb.build(spec.body());
        return new Body(blocks, bb.sectionStarts());
    }

    static Diagnostic overflowDiagnostic(GuideSpec spec, PdfStyle style, Typesetter ts, Flow.Result r) {
        float pages = r.overflowColumns() / COLUMNS;
        float rounded = Math.max(0.1f, Math.round(pages * 10f) / 10f);
        String amount = String.format(Locale.ROOT, "%.1f", rounded);
        int units = ts.countUnits(BodyBuilder.plainText(spec.body()));
        // The share of the text that does not fit, a little generously (headings and spacing do not shrink when
        // words are cut), rounded up to ten.
        float share = pages / (2f + pages);
        int cut = Math.max(10, (int) Math.ceil(units * share * 1.1f / 10f) * 10);
        String unit = ts.countsCharacters() ? "characters" : "words";
        return Diagnostic.error(SourcePos.of(spec.source()),
                amount + (rounded > 1f ? " pages" : " page") + " too long at the smallest size ("
                        + formatSize(style.floorSize()) + " pt)",
                "shorten by about " + cut + " " + unit);
    }

    static String formatSize(float s) {
        String t = String.format(Locale.ROOT, "%.2f", s);
        while (t.contains(".") && (t.endsWith("0") || t.endsWith("."))) t = t.substring(0, t.length() - 1);
        return t;
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Page geometry: body columns, cover and back cover areas. */
    record Geometry(PdfStyle style, Direction dir, boolean railed) {
        Geometry(PdfStyle style, Direction dir) {
            this(style, dir, true);
        }

        /** This geometry with running text across the whole text block. */
        Geometry withoutRail() {
            return new Geometry(style, dir, false);
        }

        float width() {
            return style.paperSize().width();
        }

        float height() {
            return style.paperSize().height();
        }

        float gutter() {
            return Math.round(width() * 0.06f);
        }

        /** Whether a page sits on the left of its spread (page 2 in left-to-right booklets). */
        boolean onLeft(int page) {
            return (page % 2 == 0) != dir.rtl();
        }

        float left(int page) {
            return onLeft(page) ? style.marginOuter() : style.marginInner();
        }

        float right(int page) {
            return width() - (onLeft(page) ? style.marginInner() : style.marginOuter());
        }

        /** Width of the text block between the margins. */
        float blockWidth() {
            return width() - style.marginInner() - style.marginOuter();
        }

        /**
         * The rail: room on the start side of the text block that running text leaves free, so that its lines are
         * about {@value #MEASURE_EMS} ems of the base size long (75–80 characters of Latin text, about 70 of
         * Cyrillic, 40 of Chinese) instead of spanning the whole block. Section headings, the standfirst, tables,
         * callout boxes and images still span the block and so hang into the rail. At most a third of the block.
         */
        float rail() {
            if (!railed) return 0f;
            float w = blockWidth();
            return Math.max(0f, Math.min(w / 3f, w - MEASURE_EMS * style.baseSize()));
        }

        List<Flow.Slot> bodySlots() {
            return slots(2, 3);
        }

        /**
         * The text area of pages {@code from..to}, one slot per page. The body is set in one column: besides reading
         * well at this measure, a single column is what keeps text extraction ({@code pdftotext}, with or without
         * {@code -layout}, and screen readers without tags) in reading order — side-by-side columns come out
         * interleaved line by line or paragraph by paragraph. {@link #COLUMNS} switches to two columns.
         */
        List<Flow.Slot> slots(int from, int to) {
            List<Flow.Slot> s = new ArrayList<>();
            for (int page = from; page <= to; page++) {
                float l = left(page);
                float r = right(page);
                float top = height() - style.marginTop();
                float bottom = style.marginBottom();
                if (COLUMNS == 1) {
                    s.add(new Flow.Slot(page, l, r, top, bottom));
                    continue;
                }
                float col = (r - l - gutter()) / 2f;
                Flow.Slot a = new Flow.Slot(page, l, l + col, top, bottom);
                Flow.Slot b = new Flow.Slot(page, r - col, r, top, bottom);
                if (dir.rtl()) {
                    s.add(b);
                    s.add(a);
                } else {
                    s.add(a);
                    s.add(b);
                }
            }
            return s;
        }

        /** Slots per page. */
        int columnsPerPage() {
            return COLUMNS;
        }
    }

    /** Measure of running text in ems of the base size (see {@link Geometry#rail()}). */
    static final float MEASURE_EMS = 40f;

    /** Columns per body page (1 or 2). */
    static final int COLUMNS = 1;

    static final class Pages implements Flow.Pages {
        final Document doc;
        final PdfWriter writer;
        int current = 1;
        final List<PdfOutline> levels = new ArrayList<>();
        final Runnable[] onLeave;

        Pages(Document doc, PdfWriter writer, Runnable[] onLeave) {
            this.doc = doc;
            this.writer = writer;
            this.onLeave = onLeave;
        }

        @Override
        public void show(int page) {
            while (current < page) {
                if (onLeave[current] != null) onLeave[current].run();
                writer.setPageEmpty(false);
                doc.newPage();
                current++;
            }
        }

        @Override
        public PdfContentByte over() {
            return writer.getDirectContent();
        }

        @Override
        public PdfContentByte under() {
            return writer.getDirectContentUnder();
        }

        @Override
        public void outline(int level, String title, float y) {
            while (levels.size() >= level) levels.remove(levels.size() - 1);
            PdfOutline parent = levels.isEmpty() ? writer.getRootOutline() : levels.get(levels.size() - 1);
            while (levels.size() < level - 1) levels.add(parent);
            PdfOutline o = new PdfOutline(parent, new PdfDestination(PdfDestination.FITH, y), title, true);
            levels.add(o);
        }
    }

    private static byte[] write(GuideSpec spec, PdfStyle style, Typesetter ts, Geometry g, float size,
                                Set<Integer> breaks, Map<String, Image> images) throws DocumentException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(style.paperSize().page(), 0, 0, 0, 0);
        PdfWriter w = PdfWriter.getInstance(doc, out);
        PdfFiles.configure(w);
        PdfFiles.metadata(doc, spec.title(), style.organisation(), spec.summary(), spec.tags());
        Fonts.startDocument(PdfFiles.seed(spec.source().toString(), spec.language(), spec.title(), spec.summary(),
                spec.body().getChars().toString(), style.toString(), Float.toString(size)));
        doc.open();
        PdfFiles.afterOpen(w, spec.timestamp(), spec.language());

        Look look = new Look(style, size, ts.cjk());
        Runnable[] onLeave = new Runnable[PAGES + 1];
        Pages pages = new Pages(doc, w, onLeave);
        onLeave[2] = () -> footer(w, spec, style, ts, g, 2, PAGES);
        onLeave[3] = () -> footer(w, spec, style, ts, g, 3, PAGES);

        // page 1
        CoverPages.cover(w, spec, style, ts, g, images);
        if (!spec.title().isBlank()) {
            new PdfOutline(w.getRootOutline(), new PdfDestination(PdfDestination.FITH, g.height()), spec.title(),
                    true);
        }
        // pages 2–3
        List<Block> blocks = body(spec, style, ts, g, size, new ArrayList<>(), images, true).blocks();
        pages.show(2);
        bodyPageDecoration(w, style, g);
        new Flow(g.bodySlots(), new DecoratingPages(pages, w, style, g), spec.direction()).breakBefore(breaks)
                .run(blocks);
        pages.show(3);
        // page 4
        pages.show(4);
        CoverPages.back(w, spec, style, ts, g);
        doc.close();
        return PdfFiles.fixId(out.toByteArray());
    }

    /** Draws the top band of a body page the first time the flow arrives on it. */
    static final class DecoratingPages implements Flow.Pages {
        final Pages inner;
        final PdfWriter w;
        final PdfStyle style;
        final Geometry g;

        DecoratingPages(Pages inner, PdfWriter w, PdfStyle style, Geometry g) {
            this.inner = inner;
            this.w = w;
            this.style = style;
            this.g = g;
        }

        @Override
        public void show(int page) {
            int before = inner.current;
            inner.show(page);
            if (inner.current != before && page >= 2) bodyPageDecoration(w, style, g);
        }

        @Override
        public PdfContentByte over() {
            return inner.over();
        }

        @Override
        public PdfContentByte under() {
            return inner.under();
        }

        @Override
        public void outline(int level, String title, float y) {
            inner.outline(level, title, y);
        }
    }

    static void bodyPageDecoration(PdfWriter w, PdfStyle style, Geometry g) {
        PdfContentByte cb = w.getDirectContentUnder();
        cb.saveState();
        cb.setColorFill(style.primary());
        cb.rectangle(0, g.height() - 7f, g.width(), 7f);
        cb.fill();
        cb.restoreState();
    }

    static void footer(PdfWriter w, GuideSpec spec, PdfStyle style, Typesetter ts, Geometry g, int page, int pages) {
        PdfContentByte cb = w.getDirectContent();
        float l = g.left(page);
        float r = g.right(page);
        float ruleY = style.marginBottom() * 0.62f;
        float baseY = style.marginBottom() * 0.62f - 13f;
        cb.saveState();
        cb.setColorStroke(Look.HAIRLINE);
        cb.setLineWidth(0.5f);
        cb.moveTo(l, ruleY);
        cb.lineTo(r, ruleY);
        cb.stroke();
        cb.restoreState();
        String label = spec.pageLabel(page, pages);
        List<Run> folio = List.of(Run.of(label, TextStyle.PLAIN.withBold(true)));
        List<Run> title = Run.plain(spec.shortTitle());
        float folioWidth = ts.width(folio, 8.5f);
        boolean outerLeft = g.onLeft(page);
        if (outerLeft) {
            TextBox.line(cb, ts, folio, 8.5f, style.primary(), l, baseY, Element.ALIGN_LEFT);
            TextBox.line(cb, ts, title, 8f, Look.MUTED, l + folioWidth + 12f, baseY, Element.ALIGN_LEFT);
        } else {
            TextBox.line(cb, ts, folio, 8.5f, style.primary(), r, baseY, Element.ALIGN_RIGHT);
            TextBox.line(cb, ts, title, 8f, Look.MUTED, r - folioWidth - 12f, baseY, Element.ALIGN_RIGHT);
        }
    }

    /** Reads the optional cover image; problems become diagnostics through the caller's list. */
    static Image coverImage(GuideSpec spec, Map<String, Image> cache) {
        if (spec.coverImage() == null) return null;
        String key = "cover:" + spec.coverImage();
        if (cache.containsKey(key)) return cache.get(key);
        Image img = null;
        try {
            img = Image.getInstance(Files.readAllBytes(spec.coverImage()));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        cache.put(key, img);
        return img;
    }
}
