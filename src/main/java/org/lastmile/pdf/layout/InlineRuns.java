package org.lastmile.pdf.layout;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The styled runs of Markdown inline content — emphasis, code, links (live only when safe), footnote references
 * numbered in order of first reference, line breaks — each remembering its source line. Soft line breaks become a
 * space, or nothing between two characters of languages written without spaces. One per document.
 */
final class InlineRuns {
    private static final String SOFT_BREAK = "\uE000";

    private final Document document;
    private final SourceLines lines;
    private final java.awt.Color linkColor;
    private final Map<FootnoteBlock, Integer> footnotes = new LinkedHashMap<>();

    InlineRuns(Document document, SourceLines lines, java.awt.Color linkColor) {
        this.document = document;
        this.lines = lines;
        this.linkColor = linkColor;
    }

    /** The footnotes referenced so far with their numbers, in order of first reference (a copy). */
    List<Map.Entry<FootnoteBlock, Integer>> footnotes() {
        return new ArrayList<>(footnotes.entrySet());
    }

    /** The inline runs of a node; images are appended to {@code imgs} (or set as their alt text if null). */
    List<Run> of(Node parent, TextStyle style, List<Image> imgs) {
        List<Run> out = new ArrayList<>();
        inline(parent, style, out, imgs, 0);
        return resolveSoftBreaks(out);
    }

    private void inline(Node parent, TextStyle st, List<Run> out, List<Image> imgs, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            int line = lines.of(n);
            if (depth > 50) { // hostile nesting of emphasis: keep the text, drop the styling
                out.add(new Run(n.getChars().unescape(), st, line));
                continue;
            }
            switch (n) {
                case Text t -> out.add(new Run(t.getChars().unescape(), st, line));
                case Code c -> out.add(new Run(c.getText().toString(), st.withCode(true), line));
                case Emphasis e -> inline(e, st.withItalic(true), out, imgs, depth + 1);
                case StrongEmphasis s -> inline(s, st.withBold(true), out, imgs, depth + 1);
                case Strikethrough s -> inline(s, st.withStrike(true), out, imgs, depth + 1);
                case Link l -> inline(l, linkStyle(st, l.getUrl().unescape()), out, imgs, depth + 1);
                case LinkRef l -> {
                    Reference ref = l.isDefined() ? l.getReferenceNode(document) : null;
                    if (ref != null) {
                        if (l.getText().isEmpty() || !l.hasChildren()) {
                            out.add(new Run(l.getReference().unescape(), linkStyle(st, ref.getUrl().unescape()), line));
                        } else {
                            inline(l, linkStyle(st, ref.getUrl().unescape()), out, imgs, depth + 1);
                        }
                    } else {
                        out.add(new Run(l.getChars().unescape(), st, line));
                    }
                }
                case AutoLink a -> out.add(new Run(a.getText().unescape(), linkStyle(st, a.getUrl().unescape()), line));
                case MailLink m -> out.add(new Run(m.getText().unescape(),
                        linkStyle(st, "mailto:" + m.getText().unescape()), line));
                case Image img -> {
                    if (imgs != null) imgs.add(img);
                    else inline(img, st, out, null, depth + 1);
                }
                case ImageRef img -> inline(img, st, out, null, depth + 1);
                case SoftLineBreak s -> out.add(new Run(SOFT_BREAK, st, line));
                case HardLineBreak h -> out.add(new Run("\n", st, line));
                case Footnote f -> footnoteRef(f, st, out, line);
                case HtmlEntity e -> out.add(new Run(e.getChars().unescape(), st, line));
                case HtmlInlineComment c -> { }
                case HtmlInlineBase h -> { }
                default -> {
                    if (n.hasChildren()) inline(n, st, out, imgs, depth + 1);
                    else if (!n.getChars().isEmpty()) out.add(new Run(n.getChars().unescape(), st, line));
                }
            }
        }
    }

    /** Only web, mail and phone links are live in a PDF; anything else is set as plain text. */
    private TextStyle linkStyle(TextStyle st, String url) {
        return Links.isSafe(url) ? st.withLink(url.strip()).withColor(linkColor) : st;
    }

    private void footnoteRef(Footnote f, TextStyle st, List<Run> out, int line) {
        FootnoteBlock block = f.getFootnoteBlock();
        if (block == null) {
            out.add(new Run(f.getChars().unescape(), st, line));
            return;
        }
        int n = footnotes.computeIfAbsent(block, b -> footnotes.size() + 1);
        out.add(new Run(Integer.toString(n), st.withSuperscript(true).withLocalGoto("note-" + n).withColor(linkColor), line));
    }

    /**
     * A soft line break is a space, except between two characters of languages written without spaces (a Chinese
     * sentence wrapped in the source must not get a space in the middle).
     */
    private static List<Run> resolveSoftBreaks(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (!r.text().equals(SOFT_BREAK)) {
                out.add(r);
                continue;
            }
            int before = lastChar(out);
            int after = i + 1 < runs.size() ? firstChar(runs.get(i + 1).text()) : -1;
            if (before < 0 || after < 0) continue;
            String sep = isSpaceless(before) && isSpaceless(after) ? "" : " ";
            out.add(new Run(sep, r.style(), r.line()));
        }
        return out;
    }

    private static boolean isSpaceless(int cp) {
        if (cp < 0) return false;
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        boolean hangul = UScript.getScript(cp) == UScript.HANGUL;
        return !hangul && (eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH);
    }

    private static int lastChar(List<Run> runs) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            String t = runs.get(i).text();
            if (!t.isEmpty()) return t.codePointBefore(t.length());
        }
        return -1;
    }

    private static int firstChar(String t) {
        return t.isEmpty() || t.equals(SOFT_BREAK) ? -1 : t.codePointAt(0);
    }
}
