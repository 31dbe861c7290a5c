package org.lastmile.pdf;

import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Outline;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Tag;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a laid-out document ({@link LaidOut}) as a PDF with OpenPDF, and nothing else: every position, size and
 * break was decided by layout, so what layout measured is what is printed. Same model, info and fonts → the same
 * bytes (fixed dates, subset prefixes seeded from {@link DocumentInfo#seed()}, a content-derived file ID).
 *
 * <p>Boxes are painted in their order, grouped into runs of boxes with the same {@link Tag}; each run is opened and
 * closed through {@link MarkedContent}. The PDFs lastmile publishes are tagged ({@link Tagging}: a structure element
 * per tag, artifacts as {@code /Artifact} marked content) and carry the metadata and output intent that PDF/UA-1 and
 * PDF/A-2 ask for ({@link Conformance}).
 */
public final class Painter {
    /** URI schemes that may become live links; everything else (javascript:, data:, file:, …) is never clickable. */
    private static final Set<String> LIVE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final PdfWriter writer;
    private final Fonts fonts;
    private final LaidOut doc;
    private final MarkedContent marks;
    private final Map<String, Image> images = new HashMap<>();
    private final Set<String> destinations = new HashSet<>();
    private final float bleed;
    private Page current;

    /** The page with its bleed: the origin stays at the trim corner, so the media box starts below and left of it. */
    private static Rectangle media(Page p, float bleed) {
        return new Rectangle(-bleed, -bleed, p.width() + bleed, p.height() + bleed);
    }

    private Painter(PdfWriter writer, Fonts fonts, LaidOut doc, MarkedContent marks, float bleed) {
        this.bleed = bleed;
        this.writer = writer;
        this.fonts = fonts;
        this.doc = doc;
        this.marks = marks;
    }

    /**
     * Paints {@code doc} into a new PDF.
     *
     * @throws IllegalArgumentException if the document has no pages, a box names a font that {@code fonts} did not
     *                                  load, or an image key that is missing or not a readable PNG/JPEG (all layout
     *                                  bugs: layout checks what it places)
     */
    public static byte[] paint(LaidOut doc, DocumentInfo info, Fonts fonts) {
        return paint(doc, info, fonts, PdfStyle.Print.NONE);
    }

    /**
     * Paints {@code doc} for print: with a bleed, every page grows by it on each side (MediaBox and BleedBox; the
     * TrimBox is the page as laid out, so coordinates do not change) and fills that reach the trim edge run into it.
     */
    public static byte[] paint(LaidOut doc, DocumentInfo info, Fonts fonts, PdfStyle.Print print) {
        return paint(Tagging.linksApart(doc), info, fonts, null, print.bleed());
    }

    static byte[] paint(LaidOut doc, DocumentInfo info, Fonts fonts, MarkedContent marks) {
        return paint(doc, info, fonts, marks, 0);
    }

    /**
     * Paints with the given marked-content strategy (tests watch the seam), or tagged and conforming if
     * {@code marks} is null.
     */
    private static byte[] paint(LaidOut doc, DocumentInfo info, Fonts fonts, MarkedContent marks, float bleed) {
        if (doc.pages().isEmpty()) throw new IllegalArgumentException("a PDF needs at least one page");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Page first = doc.pages().get(0);
        Document d = new Document(media(first, bleed), 0, 0, 0, 0);
        PdfWriter w = PdfWriter.getInstance(d, out);
        PdfFiles.configure(w);
        if (bleed > 0) {
            w.setBoxSize("trim", new Rectangle(0, 0, first.width(), first.height()));
            w.setBoxSize("bleed", media(first, bleed));
        }
        boolean tagged = marks == null;
        if (tagged) {
            w.setTagged();
            w.setTabs(PdfName.S);  // tab order follows the structure (PDF/UA-1 7.18.3)
        }
        PdfFiles.metadata(d, info.title(), info.author(), info.subject(), info.keywords());
        Fonts.startDocument(PdfFiles.seed(info.seed()));
        d.open();
        PdfFiles.afterOpen(w, info.timestamp(), info.language());
        if (tagged) Conformance.declare(w, info);
        Painter p = new Painter(w, fonts, doc, tagged ? new Tagging(w, doc) : marks, bleed);
        // Destinations first, so that a local link can be checked against them whatever page it is on.
        for (Page page : doc.pages()) {
            for (Box b : page.boxes()) if (b instanceof Box.Anchor a) p.destinations.add(a.name());
        }
        for (int i = 0; i < doc.pages().size(); i++) {
            Page page = doc.pages().get(i);
            if (i > 0) {
                d.setPageSize(media(page, bleed));
                d.newPage();
            }
            p.marks.page(page, i + 1);
            p.paint(page);
            // An empty page is still a page of the document.
            w.setPageEmpty(false);
        }
        p.marks.finish();
        p.outlines();
        d.close();
        return PdfFiles.fixId(out.toByteArray());
    }

    /**
     * Whether {@code uri} may become a live link: an http, https, mailto or tel URI, or a relative reference. Anything
     * with another scheme, with control characters, or with white space at either end (which readers strip, turning
     * {@code " javascript:"} or {@code "java\tscript:"} back into a scheme) is refused.
     */
    public static boolean isLiveUri(String uri) {
        return liveUri(uri) != null;
    }

    /**
     * The URI as written into the link annotation, or null if it may not be live (see {@link #isLiveUri}). A PDF URI
     * is 7-bit ASCII, so spaces and non-ASCII characters ({@code #основные-положения}) are percent-encoded as UTF-8.
     */
    static String liveUri(String uri) {
        if (uri == null || uri.isEmpty() || uri.strip().length() != uri.length()) return null;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (Character.isISOControl(c) || (Character.isWhitespace(c) && c != ' ') || c == '\\') return null;
        }
        int colon = uri.indexOf(':');
        int end = firstOf(uri, "/?#");
        if (colon >= 0 && (end < 0 || colon < end)) {
            String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!LIVE_SCHEMES.contains(scheme)) return null;
        }
        StringBuilder b = new StringBuilder(uri.length());
        for (byte x : uri.getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xff;
            if (v <= 0x20 || v >= 0x7f) b.append('%').append(HEX.charAt(v >> 4)).append(HEX.charAt(v & 0xf));
            else b.append((char) v);
        }
        return b.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private void paint(Page page) {
        current = page;
        PdfContentByte cb = writer.getDirectContent();
        List<Box> boxes = page.boxes();
        int from = 0;
        while (from < boxes.size()) {
            Tag tag = boxes.get(from).tag();
            int to = from + 1;
            while (to < boxes.size() && boxes.get(to).tag().equals(tag)) to++;
            marks.open(cb, tag, boxes.subList(from, to));
            paintGroup(cb, boxes.subList(from, to));
            marks.close(cb, tag);
            from = to;
        }
    }

    /**
     * Paints boxes of one tag. Consecutive text boxes share one text object (font and colour set on change; links and
     * anchors, which paint nothing, do not interrupt it); consecutive fills of one colour are one path, so that
     * touching rectangles (QR modules, table stripes) fill without hairline seams; consecutive rules of one colour and
     * thickness are one stroke.
     */
    private void paintGroup(PdfContentByte cb, List<Box> group) {
        TextObject text = null;
        for (int i = 0; i < group.size(); i++) {
            Box box = group.get(i);
            if (box instanceof Box.Link l) {
                link(cb, l);
                continue;
            }
            if (box instanceof Box.Anchor a) {
                cb.localDestination(a.name(), new PdfDestination(PdfDestination.XYZ, a.x(), a.y(), 0));
                continue;
            }
            if (box instanceof Box.Glyphs g) {
                if (text == null) text = new TextObject(cb, fonts, bleed > 0);
                text.show(g);
                continue;
            }
            if (text != null) {
                text.end();
                text = null;
            }
            int end = i + 1;
            switch (box) {
                case Box.Fill f -> {
                    while (end < group.size() && group.get(end) instanceof Box.Fill n
                            && Objects.equals(n.color(), f.color())) end++;
                    Shapes.fills(cb, group.subList(i, end), current, bleed);
                }
                case Box.Rule r -> {
                    while (end < group.size() && group.get(end) instanceof Box.Rule n
                            && Objects.equals(n.color(), r.color()) && n.thickness() == r.thickness()) end++;
                    Shapes.rules(cb, group.subList(i, end));
                }
                case Box.Picture p -> picture(cb, p);
                default -> throw new AssertionError(box);
            }
            i = end - 1;
        }
        if (text != null) text.end();
    }

    private void picture(PdfContentByte cb, Box.Picture p) {
        Image img = images.computeIfAbsent(p.image(), this::image);
        cb.addImage(img, p.width(), 0, 0, p.height(), p.x(), p.y());
    }

    private Image image(String key) {
        ImageData data = doc.images().get(key);
        if (data == null) throw new IllegalArgumentException("image not in the document: " + key);
        try {
            return Image.getInstance(data.bytes());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("image " + key + " is not a readable PNG or JPEG: " + e.getMessage(), e);
        }
    }

    private void link(PdfContentByte cb, Box.Link l) {
        PdfAction action;
        if (l.uri() != null) {
            String uri = liveUri(l.uri());
            if (uri == null) return;
            action = new PdfAction(uri);
        } else if (l.destination() != null && destinations.contains(l.destination())) {
            action = PdfAction.gotoLocalPage(l.destination(), false);
        } else {
            return;  // a jump to nowhere is worse than no link
        }
        PdfAnnotation a = new PdfAnnotation(writer, l.x(), l.y(), l.x() + l.width(), l.y() + l.height(), action);
        a.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));  // PDF/A: annotations print as they show
        marks.annotate(a, l);
        writer.addAnnotation(a);
    }

    /** Bookmarks, level 2 nested under the level 1 before it, each opening at its page and height. */
    private void outlines() {
        PdfOutline root = writer.getRootOutline();
        PdfOutline section = null;
        for (Outline o : doc.outlines()) {
            if (o.page() < 1 || o.page() > doc.pages().size()) continue;
            PdfDestination dest = new PdfDestination(PdfDestination.FITH, o.y());
            dest.addPage(writer.getPageReference(o.page()));
            PdfOutline parent = o.level() <= 1 || section == null ? root : section;
            PdfOutline made = new PdfOutline(parent, dest, o.title(), true);
            if (o.level() <= 1) section = made;
        }
    }

    /**
     * Opens and closes marked content around a run of boxes with one tag: {@link Tagging} begins a structure element
     * per tag (Role → PDF structure type, element/parent → the tree).
     */
    interface MarkedContent {
        PdfName ARTIFACT = new PdfName("Artifact");

        void open(PdfContentByte cb, Tag tag);

        void close(PdfContentByte cb, Tag tag);

        /** Opens the run {@code group} of boxes with one tag; by default as {@link #open(PdfContentByte, Tag)}. */
        default void open(PdfContentByte cb, Tag tag, List<Box> group) {
            open(cb, tag);
        }

        /** A new page ({@code number} from 1) starts. */
        default void page(Page page, int number) {
        }

        /** A link annotation of the open run is about to be added. */
        default void annotate(PdfAnnotation annotation, Box.Link link) {
        }

        /** The last page is painted; the document is not closed yet. */
        default void finish() {
        }

        /** Marks artifacts only, so that assistive technology and text extraction can skip decoration. */
        MarkedContent ARTIFACTS_ONLY = new MarkedContent() {
            @Override
            public void open(PdfContentByte cb, Tag tag) {
                if (tag.isArtifact()) cb.beginMarkedContentSequence(ARTIFACT);
            }

            @Override
            public void close(PdfContentByte cb, Tag tag) {
                if (tag.isArtifact()) cb.endMarkedContentSequence();
            }
        };
    }
}
