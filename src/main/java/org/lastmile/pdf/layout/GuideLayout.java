package org.lastmile.pdf.layout;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.GuideSpec;
import org.lastmile.pdf.PdfStyle;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Tag;
import org.lastmile.text.Hyphenation;
import org.lastmile.text.Hyphenator;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lays out a community guide on exactly four pages. A ladder of layouts runs from spacious to dense:
 * <ol>
 *   <li>{@link Kind#COVER}: cover page, the body on pages 2–3, back cover;</li>
 *   <li>{@link Kind#EXTENDED}: the body continues on page 4 above a compact back block;</li>
 *   <li>{@link Kind#COMPACT}: the body also starts on page 1 under a compact masthead;</li>
 *   <li>{@link Kind#COLUMNS}: as compact, with two columns on every body area.</li>
 * </ol>
 * The most spacious layout that fits at a readable size (9.5 pt, or the base size if smaller) wins at the largest
 * size it fits; failing that, the one that fits at the largest size down to the floor. Single-column layouts keep
 * running text about {@value #MEASURE_EMS} ems of the size in use wide (a rail on the start side takes the rest), so
 * lines stay within 45–85 characters at every size. Sizes are searched by bisection on a 0.25 pt grid; paragraphs
 * are measured once and reused by every attempt. A short body grows up to 8/7 of the base size; the last page's
 * columns are balanced.
 */
public final class GuideLayout {
    public static final int PAGES = 4;
    public static final float STEP = 0.25f;
    /** Running text measure of single-column layouts, in ems of the body size. */
    static final float MEASURE_EMS = 37f;
    static final float READABLE = 9.5f;
    static final float COLUMN_GAP_EMS = 1.3f;
    static final float MIN_COLUMN_EMS = 25.5f;

    /** The layouts of the ladder, most spacious first; the names are those of site.yaml's {@code guide_layout}. */
    public enum Kind {
        COVER("cover"), EXTENDED("extended"), COMPACT("compact"), COLUMNS("columns");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the guide was set: the layout, the body size, and how full the body areas are (0–1). */
    public record Report(Kind layout, float size, float fullness) {
    }

    /** The laid-out guide with its report, or the errors that stopped it. */
    public record Outcome(Optional<LaidOut> laidOut, Optional<Report> report, List<Diagnostic> diagnostics) {
    }

    private final GuideSpec spec;
    private final PdfStyle style;
    private final Shaper shaper;
    private final List<Diagnostic> diags = new ArrayList<>();
    private final List<Block> blocks;
    private final List<Tag> containers;
    private final Frames frames;
    private final ImageData cover;
    private final ImageData logo;
    private final float floor;
    private final float base;

    private GuideLayout(GuideSpec spec, PdfStyle style, FontMetrics fonts, Hyphenation hyphenation) {
        this.spec = spec;
        this.style = style;
        this.shaper = new Shaper(fonts, style, spec.language(), spec.source());
        Hyphenator hy = spec.hyphenate() && hyphenation != null
                ? hyphenation.forLanguage(spec.language()).orElse(null) : null;
        Images images = new Images(spec.bundleDir(), spec.staticFiles());
        BlockBuilder builder = new BlockBuilder(shaper, hy, images, spec.source(), spec.bodyLineOffset(),
                spec.notesLabel(), style.primary(), diags);
        this.blocks = builder.build(spec.body());
        this.containers = builder.containers();
        ImageData cover = null;
        if (spec.coverImage() != null) {
            cover = readCover(spec);
        }
        ImageData logo = null;
        if (style.hasLogo()) {
            int[] d = Images.dimensions(style.logo());
            if (d != null) logo = new ImageData(style.logo(), d[0], d[1]);
        }
        this.cover = cover;
        this.logo = logo;
        this.frames = frames(false);
        this.floor = spec.minSize() > 0 ? Math.max(8f, spec.minSize()) : style.floorSize();
        this.base = Math.max(style.baseSize(), floor);
    }

    private ImageData readCover(GuideSpec spec) {
        try {
            byte[] b = Files.readAllBytes(spec.coverImage());
            int[] d = Images.dimensions(b);
            if (d != null && (long) d[0] * d[1] <= Images.MAX_PIXELS) return new ImageData(b, d[0], d[1]);
        } catch (java.io.IOException e) {
            // reported below
        }
        diags.add(Diagnostic.error(SourcePos.of(spec.source(), spec.coverImageLine()), "cover image "
                + spec.coverImage().getFileName() + " cannot be read", "use a PNG or JPEG file of at most 50 megapixels"));
        return null;
    }

    /** Lays out one guide. */
    public static Outcome layout(GuideSpec spec, PdfStyle style, FontMetrics fonts, Hyphenation hyphenation) {
        return new GuideLayout(spec, style, fonts, hyphenation).run();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One attempt: a layout kind at a size, with its slots and where the body went. */
    private record Attempt(Kind kind, float size, List<Flow.Slot> slots, Flow.Units units, Flow.Result result) {
        boolean fits() {
            return result.fits();
        }

        float fullness() {
            float used = 0;
            float total = 0;
            for (int i = 0; i < slots.size(); i++) {
                used += result.used()[i];
                total += slots.get(i).height();
            }
            return total == 0 ? 0 : used / total;
        }
    }

    private Outcome run() {
        if (spec.paperUrl().isBlank() == false && !spec.paperUrl().matches("(?i)https?://.+") && spec.qrCode()) {
            diags.add(Diagnostic.error(SourcePos.of(spec.source()), "the back cover's link and QR code need an absolute"
                    + " URL, but the paper's address is " + spec.paperUrl(), "set base_url in site.yaml (or pass"
                    + " --base-url), or set pdf: {qr_code: false} in site.yaml"));
        }
        List<Kind> ladder = spec.layout() == null ? List.of(Kind.values()) : List.of(spec.layout());
        float readable = Math.max(floor, Math.min(base, READABLE));
        Attempt chosen = null;
        for (Kind k : ladder) {
            Attempt a = largestFitting(k, readable, Math.min(base, maxSize(k)));
            if (a != null) {
                chosen = a;
                break;
            }
        }
        if (chosen == null && readable > floor) {
            for (Kind k : ladder) {
                Attempt a = largestFitting(k, floor, Math.min(readable - STEP, maxSize(k)));
                if (a != null && (chosen == null || a.size() > chosen.size() + 1e-3f)) chosen = a;
            }
        }
        if (chosen == null) {
            Kind densest = ladder.get(ladder.size() - 1);
            Attempt last = attempt(densest, floor, null);
            diags.add(overflow(densest, last));
        }
        Report report = null;
        if (chosen != null) {
            chosen = grow(chosen);
            report = new Report(chosen.kind(), chosen.size(), chosen.fullness());
            chosen = balance(chosen);
        }
        diags.addAll(shaper.glyphDiagnostics());
        if (diags.stream().anyMatch(Diagnostic::isError)) {
            return new Outcome(Optional.empty(), Optional.empty(), sorted());
        }
        LaidOut out = draw(chosen);
        return new Outcome(Optional.of(out), Optional.ofNullable(report), sorted());
    }

    private List<Diagnostic> sorted() {
        List<Diagnostic> d = new ArrayList<>(diags);
        d.sort(Diagnostic.ORDER);
        return d;
    }

    /** Two columns must hold 45 characters of Cyrillic (about 25.5 ems): their largest size on this page. */
    private float maxSize(Kind k) {
        if (k != Kind.COLUMNS) return Float.MAX_VALUE;
        Frames.Area a = frame(k).areas().get(0);
        float s = base;
        while (s > floor && (a.width() - COLUMN_GAP_EMS * s) / 2 / s < MIN_COLUMN_EMS) s -= STEP;
        return s;
    }

    /** The attempt at the largest grid size in [lo, hi] at which the body fits, by bisection; null if none. */
    private Attempt largestFitting(Kind k, float lo, float hi) {
        if (hi < lo - 1e-3f) return null;
        int steps = Math.max(0, Math.round((hi - lo) / STEP));
        Attempt low = attempt(k, lo, null);
        if (!low.fits()) return null;
        Attempt best = low;
        int a = 0;
        int b = steps;
        Attempt top = steps == 0 ? low : attempt(k, lo + steps * STEP, null);
        if (top.fits()) return top;
        // invariant: a fits, b does not
        while (b - a > 1) {
            int mid = (a + b) / 2;
            Attempt m = attempt(k, lo + mid * STEP, null);
            if (m.fits()) {
                a = mid;
                best = m;
            } else {
                b = mid;
            }
        }
        return best;
    }

    /** A short guide grows, up to 8/7 of the base size, while its body fills at most 90 % of its areas. */
    private Attempt grow(Attempt a) {
        if (a.kind() != Kind.COVER || a.size() < base - 1e-3f || a.fullness() > 0.75f) return a;
        float ceiling = base * 8f / 7f;
        Attempt best = a;
        for (float s = base + STEP; s <= ceiling + 1e-3f; s += STEP) {
            Attempt g = attempt(a.kind(), s, null);
            if (!g.fits() || g.fullness() > 0.9f) break;
            best = g;
        }
        return best;
    }

    /**
     * Balances the last columns: the body's last page (two columns) or, for the cover layout, pages 2–3 are given
     * the smallest equal height that still holds what falls on them, so no column ends much shorter than its
     * neighbour.
     */
    private Attempt balance(Attempt a) {
        List<Flow.Slot> slots = a.slots();
        int last = a.result().slotsUsed() - 1;
        if (last < 0 || last >= slots.size()) return a;
        int from;
        int to;
        if (a.kind() == Kind.COVER && slots.size() >= 2) {
            from = 0;
            to = 1;
        } else if (a.kind() == Kind.COLUMNS) {
            int page = slots.get(last).page();
            from = last;
            while (from > 0 && slots.get(from - 1).page() == page) from--;
            to = last;
            while (to + 1 < slots.size() && slots.get(to + 1).page() == page) to++;
            if (from == to) return a;
        } else {
            return a;
        }
        float lo = 0;
        float hi = 0;
        for (int i = from; i <= to; i++) hi = Math.max(hi, slots.get(i).height());
        Attempt best = a;
        while (hi - lo > 1f) {
            float h = (lo + hi) / 2;
            List<Flow.Slot> trial = new ArrayList<>(slots);
            for (int i = from; i <= to; i++) {
                Flow.Slot s = trial.get(i);
                trial.set(i, s.withBottom(Math.max(s.bottom(), s.top() - h)));
            }
            // same size and measure: the units are the same, only the columns are shorter
            Attempt t = new Attempt(a.kind(), a.size(), trial, a.units(), Flow.place(a.units().list, trial));
            if (t.fits() && t.result().slotsUsed() - 1 <= to) {
                hi = h;
                best = t;
            } else {
                lo = h;
            }
        }
        return best;
    }

    private Attempt attempt(Kind k, float size, List<Flow.Slot> given) {
        List<Flow.Slot> slots = given != null ? given : slots(k, size);
        Flow.Slot first = slots.get(0);
        float colH = 0;
        for (Flow.Slot s : slots) colH = Math.max(colH, s.height());
        Look look = new Look(style, size, shaper.cjk(), shaper.tall());
        Flow.Units units = Units.of(blocks, look, first.textWidth(), first.wideWidth(), spec.direction().rtl(), colH);
        return new Attempt(k, size, slots, units, Flow.place(units.list, slots));
    }

    private final java.util.Map<Kind, Frames.Frame> frameCache = new java.util.EnumMap<>(Kind.class);

    private Frames.Frame frame(Kind k) {
        return frameCache.computeIfAbsent(k, kind -> frames(kind == Kind.COLUMNS).frame(kind));
    }

    private Frames frames(boolean dense) {
        return new Frames(spec, style, shaper, cover, "cover", logo, dense);
    }

    /** The body slots of a layout at a size: one column with a rail, or two columns. */
    private List<Flow.Slot> slots(Kind k, float size) {
        boolean rtl = spec.direction().rtl();
        List<Flow.Slot> out = new ArrayList<>();
        for (Frames.Area a : frame(k).areas()) {
            float w = a.width();
            if (k == Kind.COLUMNS) {
                float gap = COLUMN_GAP_EMS * size;
                float cw = (w - gap) / 2;
                float first = rtl ? a.right() - cw : a.left();
                float second = rtl ? a.left() : a.right() - cw;
                out.add(new Flow.Slot(a.page(), first, cw, first, cw, a.top(), a.bottom()));
                out.add(new Flow.Slot(a.page(), second, cw, second, cw, a.top(), a.bottom()));
            } else {
                float measure = Math.min(w, MEASURE_EMS * size);
                float rail = Math.min(w / 3f, w - measure);
                float tx = rtl ? a.left() : a.left() + rail;
                out.add(new Flow.Slot(a.page(), tx, w - rail, a.left(), w, a.top(), a.bottom()));
            }
        }
        return out;
    }

    private LaidOut draw(Attempt a) {
        Canvas c = new Canvas(frames.width(), frames.height(), PAGES, shaper.metrics());
        c.containers(containers);
        frame(a.kind()).draw().accept(c);
        if (!spec.title().isBlank()) c.outline(1, spec.title(), 1, frames.height());
        Flow.draw(a.result(), a.slots(), a.units(), c);
        return c.done();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code file: 0.6 page too long at the smallest size (9 pt) — shorten by about 250 words}. The amount to cut is
     * found by trying: the fewest words (or characters) removed from the end of the body that make it fit, rounded
     * up to ten.
     */
    private Diagnostic overflow(Kind k, Attempt last) {
        float columns = last.result().overflowColumns(last.slots());
        float perPage = k == Kind.COLUMNS ? 2f : 1f;
        float pages = columns / perPage;
        float rounded = Math.max(0.1f, Math.round(pages * 10f) / 10f);
        String amount = String.format(Locale.ROOT, "%.1f", rounded);
        boolean letters = shaper.spaceless();
        int total = 0;
        for (Block b : blocks) total += units(b, letters);
        int lo = 0;
        int hi = total;
        while (hi - lo > Math.max(1, total / 400)) {
            int mid = (lo + hi) / 2;
            if (fitsWithout(k, mid, letters)) hi = mid;
            else lo = mid;
        }
        int cut = Math.max(10, (int) Math.ceil(hi / 10.0) * 10);
        String unit = letters ? "characters" : "words";
        return Diagnostic.error(SourcePos.of(spec.source()), amount + (rounded > 1f ? " pages" : " page")
                + " too long at the smallest size (" + formatSize(floor) + " pt)", "shorten by about " + cut + " " + unit);
    }

    private boolean fitsWithout(Kind k, int cut, boolean letters) {
        List<Block> kept = new ArrayList<>(blocks);
        int remaining = cut;
        while (remaining > 0 && !kept.isEmpty()) {
            Block b = kept.remove(kept.size() - 1);
            int u = units(b, letters);
            if (u <= remaining) {
                remaining -= u;
            } else {
                if (b instanceof Block.Text t) {
                    kept.add(new Block.Text(t.para().keepFirst(u - remaining, letters), t.kind(), t.role(), t.element(),
                            t.parent(), t.indent(), t.wide(), t.marker(), t.keepWithNext(), t.outlineLevel(),
                            t.outlineTitle(), t.anchor(), t.spaceBefore(), t.spaceAfter()));
                } else {
                    kept.add(b);
                }
                remaining = 0;
            }
        }
        List<Flow.Slot> slots = slots(k, floor);
        float colH = 0;
        for (Flow.Slot s : slots) colH = Math.max(colH, s.height());
        Look look = new Look(style, floor, shaper.cjk(), shaper.tall());
        Flow.Units units = Units.of(kept, look, slots.get(0).textWidth(), slots.get(0).wideWidth(),
                spec.direction().rtl(), colH);
        return Flow.place(units.list, slots).fits();
    }

    private static int units(Block b, boolean letters) {
        return switch (b) {
            case Block.Text t -> t.para().units(letters);
            case Block.Table t -> t.rows().stream().flatMap(List::stream).mapToInt(c -> c.para().units(letters)).sum();
            case Block.Box bx -> bx.children().stream().mapToInt(c -> units(c, letters)).sum();
            case Block.Picture p -> 0;
            case Block.Rule r -> 0;
        };
    }

    public static String formatSize(float s) {
        String t = String.format(Locale.ROOT, "%.2f", s);
        while (t.contains(".") && (t.endsWith("0") || t.endsWith("."))) t = t.substring(0, t.length() - 1);
        return t;
    }
}
