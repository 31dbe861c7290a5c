package org.lastmile.pdf;

import org.lastmile.pdf.model.Box;
import org.lastmile.pdf.model.LaidOut;
import org.lastmile.pdf.model.Page;
import org.lastmile.pdf.model.Role;
import org.lastmile.pdf.model.Tag;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tagged PDF (ISO 32000 §14.8, as PDF/UA-1 asks): builds the structure tree from the tags layout gave the boxes and
 * marks every run of content with its element's MCID, so that a screen reader reads headings, lists (L, LI, Lbl,
 * LBody), tables (Table, TR, TH with its Scope, TD), figures with their alt text, links with their annotations,
 * block quotes and endnotes, in reading order across columns and pages; words in another language are a Span with
 * their {@code /Lang}. Artifacts (bands, rules, footers, page
 * numbers) stay {@code /Artifact} marked content outside the tree.
 *
 * <p>OpenPDF writes the tree, the parent tree and {@code MarkInfo}; it lets an element hold either marked content or
 * child elements, not both, so this class keeps each element's {@code /K} itself as an array of marked-content
 * references ({@code MCR}), object references ({@code OBJR}, link annotations) and child elements in order.
 *
 * <p>Reading order: the body in the order layout placed it; what the frames (cover, back cover, mastheads) set is
 * read before the body on the first page and after it on later pages (the back cover comes last even where layout
 * paints it before the body's last lines). One instance per document; not thread-safe.
 */
final class Tagging implements Painter.MarkedContent {
    private static final PdfName LINK = new PdfName("Link");
    private static final PdfName OBJ = new PdfName("Obj");

    private final PdfWriter writer;
    private final PdfStructureTreeRoot root;
    private final PdfStructureElement document;
    /** Every body element's own tag (its role and parent), from the boxes and the containers. */
    private final Map<Integer, Tag> elements = new HashMap<>();
    private final Map<String, PdfStructureElement> nodes = new HashMap<>();
    /** For each list, the LBody of its last item: where a list item's second paragraph or nested list belongs. */
    private final Map<Integer, PdfStructureElement> lastBody = new HashMap<>();
    private final List<PdfStructureElement> front = new ArrayList<>();
    private final List<PdfStructureElement> body = new ArrayList<>();
    private final List<PdfStructureElement> back = new ArrayList<>();
    private final Map<PdfStructureElement, PdfArray> kids = new HashMap<>();
    private Page page;
    private int pageNumber;
    private PdfStructureElement current;
    private String currentText = "";
    private boolean marked;

    Tagging(PdfWriter writer, LaidOut doc) {
        this.writer = writer;
        this.root = writer.getStructureTreeRoot();
        this.document = new PdfStructureElement(root, new PdfName("Document"));
        for (Tag c : doc.containers()) elements.putIfAbsent(c.element(), c);
        for (Page p : doc.pages()) {
            for (Box b : p.boxes()) {
                Tag t = b.tag();
                if (t.isArtifact() || t.element() <= 0 || t.role() == Role.LBL || t.role() == Role.LINK) continue;
                elements.putIfAbsent(t.element(), t);
            }
        }
    }

    /**
     * The document with the words of each link retagged as a {@link Role#LINK} of their paragraph (same element
     * number as the paragraph, as list labels are), so that each link becomes a Link element holding its text and
     * its annotation. Layout sets a linked word as a text box immediately followed by its link box, same place and
     * width.
     */
    static LaidOut linksApart(LaidOut doc) {
        List<Page> pages = new ArrayList<>();
        int frame = 0;
        for (Page p : doc.pages()) {
            List<Box> boxes = new ArrayList<>(p.boxes());
            // The frames tag all they set as element 0; a change of role, size or colour starts a new element, so
            // that the summary, the label under it, the organisation and the date are paragraphs of their own.
            Box.Glyphs last = null;
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i) instanceof Box.Link l && !l.tag().isArtifact() && l.tag().element() == 0
                        && last != null && last.tag().role() == l.tag().role()) {
                    // the link over the words just set (or the QR code after the address) belongs to them
                    boxes.set(i, new Box.Link(l.x(), l.y(), l.width(), l.height(), l.uri(), l.destination(),
                            new Tag(l.tag().role(), frame, 0, l.tag().lang())));
                    continue;
                }
                if (!(boxes.get(i) instanceof Box.Glyphs g) || g.tag().isArtifact() || g.tag().element() != 0) continue;
                if (last == null || last.tag().role() != g.tag().role() || last.size() != g.size()
                        || !java.util.Objects.equals(last.color(), g.color())) {
                    frame--;
                }
                last = g;
                boxes.set(i, g.withTag(new Tag(g.tag().role(), frame, 0, g.tag().lang())));
            }
            for (int i = 0; i < boxes.size(); i++) {
                if (!(boxes.get(i) instanceof Box.Glyphs g) || g.tag().isArtifact() || g.tag().element() <= 0) continue;
                int j = i + 1;
                while (j < boxes.size() && boxes.get(j) instanceof Box.Rule r && r.tag().isArtifact()) j++;
                if (j < boxes.size() && boxes.get(j) instanceof Box.Link l && l.tag().equals(g.tag())
                        && Math.abs(l.x() - g.x()) < 2f && Math.abs(l.width() - g.width()) < 0.01f) {
                    Tag link = Tag.of(Role.LINK, g.tag().element(), g.tag().element());
                    boxes.set(i, g.withTag(link));
                    boxes.set(j, new Box.Link(l.x(), l.y(), l.width(), l.height(), l.uri(), l.destination(), link));
                }
            }
            pages.add(new Page(p.width(), p.height(), boxes));
        }
        return new LaidOut(pages, doc.outlines(), doc.images(), doc.containers());
    }

    @Override
    public void page(Page p, int number) {
        page = p;
        pageNumber = number;
    }

    @Override
    public void open(PdfContentByte cb, Tag tag) {
        open(cb, tag, List.of());
    }

    @Override
    public void open(PdfContentByte cb, Tag tag, List<Box> group) {
        current = null;
        currentText = RunText.of(group);
        marked = paints(group);
        if (!tag.isArtifact()) current = node(tag, group);
        if (!marked) return;
        if (current == null) {
            cb.beginMarkedContentSequence(ARTIFACT);
        } else {
            // Shaped words (Arabic) carry their own letters for extraction (ShapedText); an ActualText over the whole
            // element would replace them, and poppler spreads an ActualText over the span from the left, reversing it.
            boolean shaped = group.stream().anyMatch(b -> b instanceof Box.Glyphs g && g.shaped() != null);
            mark(cb, current, rightToLeft(currentText) && !shaped ? currentText : null);
        }
    }

    @Override
    public void close(PdfContentByte cb, Tag tag) {
        if (marked) cb.endMarkedContentSequence();
        marked = false;
    }

    /**
     * Ties a link annotation to its Link element: {@code /StructParent} in the annotation, an {@code OBJR} in the
     * element, and {@code /Contents} with the link's words (or its address) for assistive technology.
     */
    @Override
    public void annotate(PdfAnnotation a, Box.Link l) {
        PdfStructureElement link = current;
        if (link == null || !LINK.equals(link.get(PdfName.S))) {
            link = current != null ? new PdfStructureElement(current, LINK) : top(LINK);
        }
        int key = root.addExistingObject(link.getReference());
        a.put(PdfName.STRUCTPARENT, new PdfNumber(key));
        String contents = currentText;
        // an address broken over two lines is announced whole
        if (l.uri() != null && (contents.isBlank() || contents.replace(" ", "").equals(l.uri()))) contents = l.uri();
        if (!contents.isBlank()) a.put(PdfName.CONTENTS, new PdfString(contents, PdfObject.TEXT_UNICODE));
        PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
        objr.put(OBJ, a.getIndirectReference());
        objr.put(PdfName.PG, writer.getCurrentPage());
        kids(link).add(objr);
    }

    /** Puts the document's children in reading order; call after the last page, before the document is closed. */
    @Override
    public void finish() {
        PdfArray k = new PdfArray();
        for (PdfStructureElement e : front) k.add(e);
        for (PdfStructureElement e : body) k.add(e);
        for (PdfStructureElement e : back) k.add(e);
        document.put(PdfName.K, k);
        for (Map.Entry<PdfStructureElement, PdfArray> e : kids.entrySet()) {
            if (e.getValue().isEmpty()) e.getKey().remove(PdfName.K);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The element a run of boxes belongs to, made on first use; null if the run is to be an artifact. */
    private PdfStructureElement node(Tag tag, List<Box> group) {
        if (tag.lang() != null) {
            // words in another language (the language names after "Available in"): a Span with its own /Lang
            PdfStructureElement base = node(new Tag(tag.role(), tag.element(), tag.parent(), null), group);
            if (base == null) return null;
            PdfStructureElement span = child(base, new PdfName("Span"));
            span.put(PdfName.LANG, new PdfString(tag.lang()));
            return span;
        }
        Role role = tag.role();
        if (role == Role.FIGURE) {
            String alt = alt(group);
            if (alt.isBlank()) return null;  // a picture nobody described is decoration (the build warned)
            PdfStructureElement f = tag.element() <= 0 ? top(new PdfName("Figure")) : element(tag.element());
            f.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
            return f;
        }
        if (tag.element() <= 0) {
            if (role == Role.LINK) return new PdfStructureElement(frame(PdfName.P, tag.element()), LINK);
            return frame(name(role), tag.element());
        }
        return switch (role) {
            case LINK -> new PdfStructureElement(content(tag.element()), LINK);
            case LBL -> keyed("lbl" + tag.element(), element(tag.element()), new PdfName("Lbl"));
            case LI -> lbody(tag.element());
            default -> element(tag.element());
        };
    }

    /** The element of frame text {@code e} (numbered below 0 by {@link #linksApart}; 0 is always a new one). */
    private PdfStructureElement frame(PdfName type, int e) {
        if (e == 0) return top(type);
        PdfStructureElement made = nodes.get("f" + e);
        if (made == null) {
            made = top(type);
            nodes.put("f" + e, made);
        }
        return made;
    }

    /** A new child of the document from the frames, before the body on the first page, after it later. */
    private PdfStructureElement top(PdfName type) {
        PdfStructureElement e = child(document, type);
        (pageNumber <= 1 ? front : back).add(e);
        return e;
    }

    /** Where the content of element {@code e} goes: a list item's text into its LBody. */
    private PdfStructureElement content(int e) {
        Tag t = elements.get(e);
        return t != null && t.role() == Role.LI ? lbody(e) : element(e);
    }

    private PdfStructureElement lbody(int e) {
        PdfStructureElement b = keyed("lbody" + e, element(e), new PdfName("LBody"));
        Tag t = elements.get(e);
        if (t != null) lastBody.put(t.parent(), b);
        return b;
    }

    /** The structure element of body element {@code e}, made (with its ancestors) on first use. */
    private PdfStructureElement element(int e) {
        PdfStructureElement made = nodes.get("e" + e);
        if (made != null) return made;
        Tag t = elements.getOrDefault(e, Tag.of(Role.DIV, e, 0));
        PdfStructureElement parent = t.parent() <= 0 || t.parent() == e ? document : parent(t.parent(), t.role());
        PdfStructureElement n = child(parent, name(t.role()));
        if (parent == document) body.add(n);
        if (t.role() == Role.NOTE) n.put(PdfName.ID, new PdfString("note-" + e));
        if (t.role() == Role.TH) {
            PdfDictionary a = new PdfDictionary();
            a.put(PdfName.O, new PdfName("Table"));
            a.put(new PdfName("Scope"), new PdfName("Column"));
            n.put(PdfName.A, a);
        }
        nodes.put("e" + e, n);
        return n;
    }

    /**
     * The element a child of {@code p} hangs from: a list's items from the list, anything else in a list (a second
     * paragraph, a nested list) from the LBody of the list's last item, anything in an item from its LBody.
     */
    private PdfStructureElement parent(int p, Role child) {
        Tag pt = elements.get(p);
        if (pt != null && pt.role() == Role.L && child != Role.LI && lastBody.containsKey(p)) return lastBody.get(p);
        if (pt != null && pt.role() == Role.LI) return lbody(p);
        return element(p);
    }

    private PdfStructureElement keyed(String key, PdfStructureElement parent, PdfName type) {
        PdfStructureElement made = nodes.get(key);
        if (made == null) {
            made = child(parent, type);
            nodes.put(key, made);
        }
        return made;
    }

    private PdfStructureElement child(PdfStructureElement parent, PdfName type) {
        PdfStructureElement e = new PdfStructureElement(parent, type);
        kids(parent);  // the constructor added e to the parent's /K array, which kids() adopts
        return e;
    }

    /** The element's /K array, which this class owns (see the class comment). */
    private PdfArray kids(PdfStructureElement e) {
        return kids.computeIfAbsent(e, x -> {
            PdfObject k = x.get(PdfName.K);
            PdfArray a = k instanceof PdfArray arr ? arr : new PdfArray();
            x.put(PdfName.K, a);
            return a;
        });
    }

    /**
     * Opens marked content for {@code e}. OpenPDF assigns the MCID and records the element in the page's parent tree
     * entry; it only accepts an element without children, so the element's kids are set aside meanwhile and the new
     * MCID is appended to them as a marked-content reference.
     */
    private void mark(PdfContentByte cb, PdfStructureElement e, String actualText) {
        PdfArray k = kids(e);
        e.remove(PdfName.K);
        PdfDictionary props = new PdfDictionary();
        // Right-to-left words are painted in visual order; the logical text makes them read (and copy) right.
        if (actualText != null) props.put(PdfName.ACTUALTEXT, new PdfString(actualText, PdfObject.TEXT_UNICODE));
        cb.beginMarkedContentSequence(e, props);
        PdfObject mcid = e.get(PdfName.K);
        e.remove(PdfName.PG);
        PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
        mcr.put(PdfName.PG, writer.getCurrentPage());
        mcr.put(PdfName.MCID, mcid);
        k.add(mcr);
        e.put(PdfName.K, k);
    }

    private static PdfName name(Role r) {
        return new PdfName(switch (r) {
            case DOCUMENT -> "Document";
            case H1 -> "H1";
            case H2 -> "H2";
            case H3 -> "H3";
            case P -> "P";
            case L -> "L";
            case LI -> "LI";
            case LBL -> "Lbl";
            case LBODY -> "LBody";
            case TABLE -> "Table";
            case TR -> "TR";
            case TH -> "TH";
            case TD -> "TD";
            case FIGURE -> "Figure";
            case CAPTION -> "Caption";
            case NOTE -> "Note";
            case BLOCK_QUOTE -> "BlockQuote";
            case LINK -> "Link";
            case DIV, ARTIFACT -> "Div";
        });
    }

    /**
     * The description of a figure: its picture's alt text, or for a figure drawn with fills (the QR code) the address
     * of the link laid over it.
     */
    private String alt(List<Box> group) {
        Box first = null;
        for (Box b : group) {
            if (b instanceof Box.Picture p) return p.alt() == null ? "" : p.alt();
            if (first == null && b instanceof Box.Fill) first = b;
        }
        if (first instanceof Box.Fill f && page != null) {
            for (Box b : page.boxes()) {
                if (b instanceof Box.Link l && l.uri() != null && f.x() >= l.x() - 1 && f.y() >= l.y() - 1
                        && f.x() + f.width() <= l.x() + l.width() + 1 && f.y() + f.height() <= l.y() + l.height() + 1) {
                    return l.uri();
                }
            }
        }
        return "";
    }

    /** Whether the text has a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
    private static boolean rightToLeft(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Whether the run paints anything (links and anchors do not: they need no marked content). */
    private static boolean paints(List<Box> group) {
        for (Box b : group) if (!(b instanceof Box.Link) && !(b instanceof Box.Anchor)) return true;
        return group.isEmpty();
    }
}
