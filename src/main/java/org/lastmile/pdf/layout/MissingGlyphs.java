package org.lastmile.pdf.layout;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.Fonts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The characters of one document that its fonts cannot print, collected per source line while the {@link Shaper}
 * picks fonts, and reported as one error per line that says which characters and what to do.
 */
final class MissingGlyphs {
    private final FontMetrics fonts;
    private final Path source;
    /** line → font file → missing code points, in order of appearance. */
    private final Map<Integer, Map<String, Set<Integer>>> missing = new TreeMap<>();

    MissingGlyphs(FontMetrics fonts, Path source) {
        this.fonts = fonts;
        this.source = source;
    }

    /** Records {@code cp} as missing from {@code face} when the font has no glyph for it. */
    void check(int cp, String face, int line) {
        if (cp == '\n' || cp == ' ' || cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D) return;
        if (!fonts.hasGlyph(face, cp)) {
            missing.computeIfAbsent(line, k -> new LinkedHashMap<>())
                    .computeIfAbsent(face, k -> new LinkedHashSet<>()).add(cp);
        }
    }

    boolean any() {
        return !missing.isEmpty();
    }

    /**
     * One diagnostic per source line listing the distinct characters of that line that have no glyph, e.g.
     * {@code no glyph for U+0E01 THAI CHARACTER KO KAI in NotoSans-Regular — add a font for this script to the
     * theme's font mapping}.
     */
    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Set<Integer>>> e : missing.entrySet()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Set<Integer>> f : e.getValue().entrySet()) {
                List<String> chars = new ArrayList<>();
                for (int cp : f.getValue()) chars.add(String.format(Locale.ROOT, "U+%04X %s", cp, charName(cp)));
                parts.add(String.join(", ", chars) + " in " + Fonts.displayName(f.getKey()));
            }
            SourcePos pos = e.getKey() > 0 ? SourcePos.of(source, e.getKey()) : SourcePos.of(source);
            boolean symbolsOnly = e.getValue().values().stream().flatMap(Set::stream).allMatch(cp -> {
                int sc = UScript.getScript(cp);
                return sc == UScript.COMMON || sc == UScript.INHERITED;
            });
            out.add(Diagnostic.error(pos, "no glyph for " + String.join("; ", parts), symbolsOnly
                    ? "remove these symbols or replace them with words: the PDF fonts cannot print them"
                    : "add a font for this script to the theme's font mapping"));
        }
        return out;
    }

    /** The Unicode name of a character, as the error names it ("THAI CHARACTER KO KAI"). */
    static String charName(int cp) {
        String n = UCharacter.getName(cp);
        if (n == null || n.isEmpty()) n = UCharacter.getExtendedName(cp);
        return n;
    }
}
