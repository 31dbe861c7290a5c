package org.lastmile.pipeline;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import org.lastmile.content.ContentKind;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;
import org.lastmile.pdf.Fonts;
import org.lastmile.pdf.PdfStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * For {@code lastmile check}: which characters of papers and pages the PDF fonts cannot print. Guides are checked
 * (as errors) when they are typeset; this covers the rest, so a paper or page can become a guide or a PDF without
 * surprises. Characters of no particular script (punctuation, digits) are checked against the default family.
 */
final class GlyphCheck {
    private GlyphCheck() {
    }

    static List<Diagnostic> check(ParsedDoc doc, PdfStyle style, Fonts fonts) {
        if (doc.source().kind() == ContentKind.GUIDE) return List.of();
        Map<Integer, TreeSet<String>> missingByLine = new TreeMap<>();
        Map<Integer, String> fontByLine = new TreeMap<>();
        collect(doc.doc(), doc, style, fonts, missingByLine, fontByLine);
        String head = doc.source().fm().title() + " " + doc.source().fm().summary();
        head.codePoints().forEach(cp -> miss(cp, 0, style, fonts, missingByLine, fontByLine));
        List<Diagnostic> out = new ArrayList<>();
        missingByLine.forEach((line, chars) -> out.add(Diagnostic.warning(
                line == 0 ? SourcePos.of(doc.source().path()) : SourcePos.of(doc.source().path(), line),
                "no glyph for " + String.join(", ", chars) + " in " + Fonts.displayName(fontByLine.get(line))
                        + ", so this text cannot be printed in a PDF", chars.stream().allMatch(GlyphCheck::isSymbol)
                        ? "remove these symbols or replace them with words: the PDF fonts cannot print them"
                        : "add a font for this script to the theme's font mapping")));
        return out;
    }

    /** "U+2705 WHITE HEAVY CHECK MARK" names a character of no script: no font mapping can give it a font. */
    private static boolean isSymbol(String described) {
        int cp = Integer.parseInt(described.substring(2, described.indexOf(' ')), 16);
        int sc = UScript.getScript(cp);
        return sc == UScript.COMMON || sc == UScript.INHERITED;
    }

    private static void collect(Node n, ParsedDoc doc, PdfStyle style, Fonts fonts, Map<Integer, TreeSet<String>> missing,
                                Map<Integer, String> fontByLine) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                int line = MarkdownStage.pos(doc.source(), t).line();
                t.getChars().toString().codePoints().forEach(cp -> miss(cp, line, style, fonts, missing, fontByLine));
            }
            collect(c, doc, style, fonts, missing, fontByLine);
        }
    }

    private static void miss(int cp, int line, PdfStyle style, Fonts fonts, Map<Integer, TreeSet<String>> missing,
                             Map<Integer, String> fontByLine) {
        if (Character.isWhitespace(cp) || Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) return;
        int sc = UScript.getScript(cp);
        String font = fonts.fontFor(style, cp, false, false);
        if (sc == UScript.COMMON || sc == UScript.INHERITED) {
            if (fonts.hasGlyph(font, cp)) return;
            // shared characters follow their neighbours: any font of the style that has it will do
            if (style.fontFiles().stream().anyMatch(f -> fonts.hasGlyph(f, cp))) return;
        } else if (fonts.hasGlyph(font, cp)) {
            return;
        }
        missing.computeIfAbsent(line, k -> new TreeSet<>()).add(String.format("U+%04X %s", cp, UCharacter.getName(cp)));
        fontByLine.putIfAbsent(line, font);
    }
}
