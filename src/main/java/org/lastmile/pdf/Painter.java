package org.lastmile.pdf;

import com.ibm.icu.text.Bidi;
import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Outline;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Tag;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a laid-out document ({@link LaidOut}) as a PDF with OpenPDF, and nothing else: every position, size and
 * break was decided by layout, so what layout measured is what is printed. Same model, info and fonts → the same
 * bytes (fixed dates, subset prefixes seeded from {@link DocumentInfo#seed()}, a content-derived file ID).
 *
 * <p>Boxes are painted in their order, grouped into runs of boxes with the same {@link Tag}; each run is opened and
 * closed through {@link MarkedContent}, the seam where tagged PDF will open a structure element per tag. Today only
 * artifacts (bands, rules, footers) are marked, as {@code /Artifact} marked content.
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

    private Painter(PdfWriter writer, Fonts fonts, LaidOut doc, MarkedContent marks) {
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
        if (doc.pages().isEmpty()) throw new IllegalArgumentException("a PDF needs at least one page");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Page first = doc.pages().get(0);
        Document d = new Document(new Rectangle(first.width(), first.height()), 0, 0, 0, 0);
        PdfWriter w = PdfWriter.getInstance(d, out);
        PdfFiles.configure(w);
        PdfFiles.metadata(d, info.title(), info.author(), info.subject(), info.keywords());
        Fonts.startDocument(PdfFiles.seed(info.seed()));
        d.open();
        PdfFiles.afterOpen(w, info.timestamp(), info.language());
        Painter p = new Painter(w, fonts, doc, MarkedContent.ARTIFACTS_ONLY);
        // Destinations first, so that a local link can be checked against them whatever page it is on.
        for (Page page : doc.pages()) {
            for (Box b : page.boxes()) if (b instanceof Box.Anchor a) p.destinations.add(a.name());
        }
        for (int i = 0; i < doc.pages().size(); i++) {
            Page page = doc.pages().get(i);
            if (i > 0) {
                d.setPageSize(new Rectangle(page.width(), page.height()));
                d.newPage();
            }
            p.paint(page);
            // An empty page is still a page of the document.
            w.setPageEmpty(false);
        }
        p.outlines();
        d.close();
        return PdfFiles.fixId(out.toByteArray());
    }

    /**
     * Whether {@code uri} may become a live link: an http, https, mailto or tel URI, or a relative reference. Anything
     * with another scheme, or with spaces or control characters (which viewers strip, turning {@code java\tscript:}
     * back into a scheme), is refused.
     */
    public static boolean isLiveUri(String uri) {
        if (uri == null || uri.isEmpty()) return false;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        int colon = uri.indexOf(':');
        int end = firstOf(uri, "/?#");
        if (colon < 0 || (end >= 0 && end < colon)) return true;  // relative reference: no scheme
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        return LIVE_SCHEMES.contains(scheme);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private void paint(Page page) {
        PdfContentByte cb = writer.getDirectContent();
        List<Box> boxes = page.boxes();
        int from = 0;
        while (from < boxes.size()) {
            Tag tag = boxes.get(from).tag();
            int to = from + 1;
            while (to < boxes.size() && boxes.get(to).tag().equals(tag)) to++;
            marks.open(cb, tag);
            paintGroup(cb, boxes.subList(from, to));
            marks.close(cb, tag);
            from = to;
        }
    }

    /** Paints boxes of one tag; consecutive text boxes share one text object, and font and colour are set on change. */
    private void paintGroup(PdfContentByte cb, List<Box> group) {
        Text text = null;
        for (Box box : group) {
            if (box instanceof Box.Glyphs g) {
                if (text == null) text = new Text(cb);
                text.show(g);
                continue;
            }
            if (text != null) {
                text.end();
                text = null;
            }
            switch (box) {
                case Box.Rule r -> rule(cb, r);
                case Box.Fill f -> fill(cb, f);
                case Box.Picture p -> picture(cb, p);
                case Box.Link l -> link(cb, l);
                case Box.Anchor a -> cb.localDestination(a.name(), new PdfDestination(PdfDestination.XYZ, a.x(), a.y(), 0));
                case Box.Glyphs g -> throw new AssertionError(g);
            }
        }
        if (text != null) text.end();
    }

    /** One text object ({@code BT … ET}). */
    private final class Text {
        private final PdfContentByte cb;
        private BaseFont font;
        private float size = -1;
        private Color color;

        Text(PdfContentByte cb) {
            this.cb = cb;
            cb.beginText();
        }

        void show(Box.Glyphs g) {
            BaseFont f = fonts.font(g.font());
            if (f != font || g.size() != size) {
                cb.setFontAndSize(f, g.size());
                font = f;
                size = g.size();
            }
            Color c = g.color() == null ? Color.BLACK : g.color();
            if (!c.equals(color)) {
                cb.setColorFill(c);
                color = c;
            }
            cb.setTextMatrix(g.x(), g.y());
            cb.showText(visual(g.text()));
        }

        void end() {
            cb.endText();
        }
    }

    /**
     * The text in the order its glyphs are drawn left to right. Boxes hold logical order; a right-to-left word is
     * reversed (and its brackets mirrored) here. Arabic shaping is not done yet.
     */
    static String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) return logical;
        Bidi bidi = new Bidi(logical, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    private static void rule(PdfContentByte cb, Box.Rule r) {
        cb.saveState();
        cb.setColorStroke(r.color() == null ? Color.BLACK : r.color());
        cb.setLineWidth(r.thickness());
        cb.moveTo(r.x1(), r.y1());
        cb.lineTo(r.x2(), r.y2());
        cb.stroke();
        cb.restoreState();
    }

    private static void fill(PdfContentByte cb, Box.Fill f) {
        cb.saveState();
        cb.setColorFill(f.color() == null ? Color.BLACK : f.color());
        cb.rectangle(f.x(), f.y(), f.width(), f.height());
        cb.fill();
        cb.restoreState();
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
            if (!isLiveUri(l.uri())) return;
            action = new PdfAction(l.uri());
        } else if (l.destination() != null && destinations.contains(l.destination())) {
            action = PdfAction.gotoLocalPage(l.destination(), false);
        } else {
            return;  // a jump to nowhere is worse than no link
        }
        cb.setAction(action, l.x(), l.y(), l.x() + l.width(), l.y() + l.height());
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
     * Opens and closes marked content around a run of boxes with one tag. The seam for tagged PDF: a tagging
     * implementation will begin a structure element per tag (Role → PDF structure type, element/parent → the tree).
     */
    interface MarkedContent {
        PdfName ARTIFACT = new PdfName("Artifact");

        void open(PdfContentByte cb, Tag tag);

        void close(PdfContentByte cb, Tag tag);

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
