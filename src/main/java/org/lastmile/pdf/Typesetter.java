package org.lastmile.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns styled runs into OpenPDF chunks: splits text into per-script font runs with ICU (characters of no particular
 * script follow their neighbours), checks every character against the font chosen for it and records misses, and
 * gives every chunk the language's {@link LineBreaker}. One per document (not thread-safe).
 */
final class Typesetter {
    private static final Set<String> CJK_SCRIPTS = Set.of("Han", "Hiragana", "Katakana", "Hangul", "Bopomofo");

    final Fonts fonts;
    final PdfStyle style;
    final ULocale locale;
    final Direction direction;
    final LineBreaker breaker;
    private final String langKey;
    private final boolean cjkLanguage;
    private final boolean spacelessLanguage;
    private final Path source;
    /** line → font file → missing code points, in order of appearance. */
    private final Map<Integer, Map<String, Set<Integer>>> missing = new TreeMap<>();

    Typesetter(Fonts fonts, PdfStyle style, String languageTag, Direction direction, Path source) {
        this.fonts = fonts;
        this.style = style;
        this.locale = ULocale.forLanguageTag(languageTag == null || languageTag.isBlank() ? "en" : languageTag);
        this.direction = direction;
        this.breaker = new LineBreaker(locale);
        this.source = source;
        String script = mainScript(locale);
        this.langKey = style.scriptKey(script);
        this.cjkLanguage = CJK_SCRIPTS.contains(script);
        String lang = locale.getLanguage();
        this.spacelessLanguage = lang.equals("zh") || lang.equals("ja") || lang.equals("th") || lang.equals("lo")
                || lang.equals("km") || lang.equals("my") || lang.equals("bo");
    }

    /** ICU name of the script the language is normally written in ("Latin", "Han", "Cyrillic", …). */
    static String mainScript(ULocale locale) {
        ULocale max = ULocale.addLikelySubtags(locale);
        String s = max.getScript();
        if (s.isEmpty()) return "Latin";
        int code = UScript.getCodeFromName(s);
        if (code == UScript.INVALID_CODE) return "Latin";
        return switch (code) {
            case UScript.SIMPLIFIED_HAN, UScript.TRADITIONAL_HAN, UScript.HAN -> "Han";
            case UScript.JAPANESE -> "Han";
            case UScript.KOREAN -> "Hangul";
            default -> UScript.getName(code);
        };
    }

    /** Whether the language is set in Chinese/Japanese/Korean style (character-spaced justification, more leading). */
    boolean cjk() {
        return cjkLanguage;
    }

    /** Whether lengths of this language are counted in characters rather than words. */
    boolean countsCharacters() {
        return spacelessLanguage;
    }

    int runDirection() {
        return direction.runDirection();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Chunks

    /** A phrase of the runs at {@code size} pt in {@code color}; the phrase's own font comes from {@link Fonts}. */
    Phrase phrase(List<Run> runs, float size, float leading, Color color) {
        Phrase p = new Phrase(leading, "", font(fonts.font(style.family(langKey).regular()), size, color));
        for (Chunk c : chunks(runs, size, color)) p.add(c);
        return p;
    }

    /** Chunks of the runs, split where the font changes, each with the language's line breaker. */
    List<Chunk> chunks(List<Run> runs, float size, Color color) {
        List<Run> clean = new ArrayList<>(runs.size());
        StringBuilder all = new StringBuilder();
        for (Run r : runs) {
            String t = clean(r.text());
            if (t.isEmpty()) continue;
            clean.add(new Run(t, r.style(), r.line()));
            all.append(t);
        }
        String text = all.toString();
        String[] faces = resolveFaces(text, clean);
        List<Chunk> out = new ArrayList<>();
        int pos = 0;
        for (Run r : clean) {
            String t = r.text();
            int start = 0;
            while (start < t.length()) {
                String face = faces[pos + start];
                int end = start + Character.charCount(t.codePointAt(start));
                while (end < t.length() && faces[pos + end].equals(face)) end++;
                out.add(chunk(t.substring(start, end), face, r.style(), size, color));
                start = end;
            }
            pos += t.length();
        }
        return out;
    }

    private Chunk chunk(String text, String face, TextStyle ts, float size, Color color) {
        float s = size * ts.scale() * (ts.superscript() ? 0.68f : 1f);
        Color c = ts.color() != null ? ts.color() : color;
        Font f = new Font(fonts.font(face), s, ts.strike() ? Font.STRIKETHRU : Font.NORMAL, c);
        Chunk ch = new Chunk(text, f);
        ch.setSplitCharacter(ts.noBreak() ? NEVER : breaker);
        if (ts.superscript()) ch.setTextRise(size * ts.scale() * 0.36f);
        if (ts.code()) ch.setBackground(new Color(0xEE, 0xEF, 0xF1), 1f, size * 0.22f, 1f, 0f);
        if (ts.link() != null) ch.setAnchor(ts.link());
        if (ts.localGoto() != null) ch.setLocalGoto(ts.localGoto());
        if (ts.localDestination() != null) ch.setLocalDestination(ts.localDestination());
        return ch;
    }

    /** The split character of text that must stay on one line. */
    static final org.openpdf.text.SplitCharacter NEVER = (start, current, end, cc, ck) -> false;

    static Font font(BaseFont bf, float size, Color color) {
        return new Font(bf, size, Font.NORMAL, color);
    }

    /** The regular face of the language's main script, for spacing elements and markers. */
    BaseFont mainFont(boolean bold) {
        return fonts.font(style.family(langKey).face(bold, false));
    }

    /** Drops characters that must not reach the page (soft hyphens, BOMs, variation selectors, controls). */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean drop;
            int replace = -1;
            if (cp == '\t') {
                drop = true;
                replace = ' ';
            } else if (cp == '\n') {
                drop = false;
            } else if (cp == '\r') {
                drop = true;
            } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D) {
                drop = false; // zero width (no) joiner / space: OpenPDF does not print them, ICU uses them
            } else {
                drop = UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                        || Character.getType(cp) == Character.CONTROL;
            }
            if (drop && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) {
                if (!drop) b.appendCodePoint(cp);
                else if (replace >= 0) b.append((char) replace);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Font resolution

    private String[] resolveFaces(String text, List<Run> runs) {
        int n = text.length();
        String[] keys = new String[n];
        boolean[] common = new boolean[n];
        // 1. characters with a script of their own
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int sc = UScript.getScript(cp);
            if (sc == UScript.COMMON || sc == UScript.INHERITED || sc == UScript.UNKNOWN) {
                common[i] = true;
            } else {
                keys[i] = style.scriptKey(UScript.getName(sc));
            }
            i += Character.charCount(cp);
        }
        // styles and lines per char
        TextStyle[] st = new TextStyle[n];
        int[] line = new int[n];
        int p = 0;
        for (Run r : runs) {
            for (int k = 0; k < r.text().length(); k++) {
                st[p + k] = r.style();
                line[p + k] = r.line();
            }
            p += r.text().length();
        }
        // 2. neighbours of common characters
        String[] prev = new String[n];
        String[] next = new String[n];
        String last = null;
        for (int i = 0; i < n; i++) {
            prev[i] = last;
            if (!common[i] && keys[i] != null) last = keys[i];
        }
        last = null;
        for (int i = n - 1; i >= 0; i--) {
            next[i] = last;
            if (!common[i] && keys[i] != null) last = keys[i];
        }
        String[] faces = new String[n];
        String prevResolved = null;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            TextStyle ts = st[i];
            String face;
            if (!common[i]) {
                face = style.family(keys[i]).face(ts.bold(), ts.italic());
                check(cp, face, line[i]);
            } else {
                int sc = UScript.getScript(cp);
                List<String> cands = new ArrayList<>(6);
                if (sc == UScript.INHERITED && prevResolved != null) cands.add(prevResolved);
                addScriptExtensions(cp, prev[i], next[i], cands);
                int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
                boolean wide = eaw == UCharacter.EastAsianWidth.FULLWIDTH || eaw == UCharacter.EastAsianWidth.WIDE;
                boolean ambiguous = eaw == UCharacter.EastAsianWidth.AMBIGUOUS;
                if (wide) {
                    if (isCjk(prev[i])) cands.add(prev[i]);
                    if (isCjk(next[i])) cands.add(next[i]);
                    if (cjkLanguage) cands.add(langKey);
                    cands.add(style.scriptKey("Han"));
                } else if (ambiguous && cjkLanguage && (isCjk(prev[i]) || isCjk(next[i]))) {
                    cands.add(langKey); // Chinese quotes and dashes stay full-width next to Chinese text
                } else if (sameFamily(prev[i], langKey) || sameFamily(next[i], langKey)) {
                    cands.add(langKey); // punctuation beside the language's own script belongs to that language
                }
                if (prev[i] != null) cands.add(prev[i]);
                if (next[i] != null) cands.add(next[i]);
                cands.add(langKey);
                cands.add(PdfStyle.DEFAULT_SCRIPT);
                face = null;
                String first = null;
                if (cp == '\n' || cp == 0x200B || cp == 0x200C || cp == 0x200D) {
                    face = style.family(cands.get(0)).face(ts.bold(), ts.italic());
                } else {
                    for (String k : cands) {
                        String f = style.family(k).face(ts.bold(), ts.italic());
                        if (first == null) first = f;
                        if (fonts.hasGlyph(f, cp)) {
                            face = f;
                            break;
                        }
                    }
                    if (face == null) {
                        // Last resort among all mapped fonts, in mapping order, before declaring the character missing.
                        for (FontFamily fam : style.fonts().values()) {
                            String f = fam.face(ts.bold(), ts.italic());
                            if (fonts.hasGlyph(f, cp)) {
                                face = f;
                                break;
                            }
                        }
                    }
                    if (face == null) {
                        face = first;
                        check(cp, face, line[i]);
                    }
                }
            }
            for (int k = 0; k < len; k++) faces[i + k] = face;
            prevResolved = keyOfFace(face, ts);
            i += len;
        }
        return faces;
    }

    private void addScriptExtensions(int cp, String prev, String next, List<String> cands) {
        BitSet bs = new BitSet();
        UScript.getScriptExtensions(cp, bs);
        if (bs.cardinality() == 0 || bs.get(UScript.COMMON) || bs.get(UScript.INHERITED)) return;
        List<String> keys = new ArrayList<>();
        Set<FontFamily> families = new java.util.HashSet<>();
        for (int s = bs.nextSetBit(0); s >= 0; s = bs.nextSetBit(s + 1)) {
            String k = style.scriptKey(UScript.getName(s));
            keys.add(k);
            families.add(style.family(k));
        }
        // a neighbour whose font is one of the character's scripts' fonts wins (Cyrillic text, Latin/Han middle dot)
        if (prev != null && families.contains(style.family(prev))) cands.add(prev);
        if (next != null && families.contains(style.family(next))) cands.add(next);
        if (families.contains(style.family(langKey))) cands.add(langKey);
        cands.addAll(keys);
    }

    private String keyOfFace(String face, TextStyle ts) {
        for (Map.Entry<String, FontFamily> e : style.fonts().entrySet()) {
            if (e.getValue().face(ts.bold(), ts.italic()).equals(face)) return e.getKey();
        }
        return PdfStyle.DEFAULT_SCRIPT;
    }

    private boolean sameFamily(String key, String other) {
        return key != null && style.family(key).equals(style.family(other));
    }

    private boolean isCjk(String key) {
        if (key == null) return false;
        for (String s : CJK_SCRIPTS) {
            if (style.scriptKey(s).equals(key) && style.fonts().containsKey(s)) return true;
        }
        return false;
    }

    private void check(int cp, String face, int line) {
        if (cp == '\n' || cp == ' ' || cp == 0x200B || cp == 0x200C || cp == 0x200D) return;
        if (!fonts.hasGlyph(face, cp)) {
            missing.computeIfAbsent(line, k -> new LinkedHashMap<>())
                    .computeIfAbsent(face, k -> new LinkedHashSet<>()).add(cp);
        }
    }

    /** Whether some character had no glyph in its font. */
    boolean hasMissingGlyphs() {
        return !missing.isEmpty();
    }

    /**
     * One diagnostic per source line listing the distinct characters of that line that have no glyph, e.g.
     * {@code no glyph for U+0E01 THAI CHARACTER KO KAI in NotoSans-Regular — add a font for this script to the
     * theme's font mapping}.
     */
    List<Diagnostic> glyphDiagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Set<Integer>>> e : missing.entrySet()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Set<Integer>> f : e.getValue().entrySet()) {
                List<String> chars = new ArrayList<>();
                for (int cp : f.getValue()) {
                    chars.add(String.format(Locale.ROOT, "U+%04X %s", cp, charName(cp)));
                }
                parts.add(String.join(", ", chars) + " in " + Fonts.displayName(f.getKey()));
            }
            SourcePos pos = e.getKey() > 0 ? SourcePos.of(source, e.getKey()) : SourcePos.of(source);
            // Letters belong to a script a font can be mapped to; symbols and emoji belong to none.
            boolean symbolsOnly = e.getValue().values().stream().flatMap(Set::stream).allMatch(cp -> {
                int sc = com.ibm.icu.lang.UScript.getScript(cp);
                return sc == com.ibm.icu.lang.UScript.COMMON || sc == com.ibm.icu.lang.UScript.INHERITED;
            });
            out.add(Diagnostic.error(pos, "no glyph for " + String.join("; ", parts), symbolsOnly
                    ? "remove these symbols or replace them with words: the PDF fonts cannot print them"
                    : "add a font for this script to the theme's font mapping"));
        }
        return out;
    }

    static String charName(int cp) {
        String n = UCharacter.getName(cp);
        if (n == null || n.isEmpty()) n = UCharacter.getExtendedName(cp);
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Measuring

    /** Natural width of the runs set on one line. */
    float width(List<Run> runs, float size) {
        float w = 0;
        for (Chunk c : chunks(runs, size, Color.BLACK)) {
            Font f = c.getFont();
            w += f.getBaseFont().getWidthPoint(c.getContent(), f.getSize());
        }
        return w;
    }

    /** Width of the widest piece between two line-break opportunities (the narrowest the runs can be set). */
    float minWidth(List<Run> runs, float size) {
        StringBuilder all = new StringBuilder();
        List<Chunk> chunks = chunks(runs, size, Color.BLACK);
        List<float[]> widths = new ArrayList<>();
        for (Chunk c : chunks) {
            Font f = c.getFont();
            String s = c.getContent();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                widths.add(new float[]{f.getBaseFont().getWidthPoint(cp, f.getSize())});
                all.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        String text = all.toString();
        BreakIterator bi = BreakIterator.getLineInstance(locale);
        bi.setText(text);
        float max = 0;
        int start = bi.first();
        for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            float w = 0;
            int cpStart = text.codePointCount(0, start);
            int cpEnd = text.codePointCount(0, end);
            String seg = text.substring(start, end);
            int trailing = seg.length() - seg.stripTrailing().length();
            for (int k = cpStart; k < cpEnd - trailing; k++) w += widths.get(k)[0];
            max = Math.max(max, w);
        }
        return max;
    }

    /** Number of words (or, for Chinese/Japanese/Thai…, characters) in a text. */
    int countUnits(String text) {
        if (spacelessLanguage) {
            int c = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) c++;
                i += Character.charCount(cp);
            }
            return c;
        }
        BreakIterator wi = BreakIterator.getWordInstance(locale);
        wi.setText(text);
        int count = 0;
        for (int end = wi.next(); end != BreakIterator.DONE; end = wi.next()) {
            if (wi.getRuleStatus() != BreakIterator.WORD_NONE) count++;
        }
        return count;
    }
}
