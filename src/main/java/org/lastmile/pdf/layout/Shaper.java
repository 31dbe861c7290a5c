package org.lastmile.pdf.layout;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.lastmile.diag.Diagnostic;
import org.lastmile.pdf.FontFamily;
import org.lastmile.pdf.PdfStyle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns styled runs into font runs ({@link Piece}s) for one document's language: ICU {@code UScript} picks the font of
 * each character from the style's mapping, characters of no particular script (punctuation, digits, spaces) follow
 * their neighbours, and every character is checked against its font — misses are collected per source line and
 * reported as diagnostics. It also knows the language's line-break opportunities (UAX #14 as tailored by ICU, plus
 * lastmile's typographic rules). One per document; not thread-safe.
 */
public final class Shaper {
    static final Set<String> CJK_SCRIPTS = Set.of("Han", "Hiragana", "Katakana", "Hangul", "Bopomofo");

    /** Text in one face and one style, from one source line. */
    public record Piece(String text, String face, TextStyle style, int line) {
    }

    private final FontMetrics fonts;
    private final PdfStyle style;
    private final ULocale locale;
    private final String langKey;
    private final boolean cjkLanguage;
    private final boolean spaceless;
    private final boolean tall;
    private final LineBreaks lineBreaks;
    private final MissingGlyphs missing;

    public Shaper(FontMetrics fonts, PdfStyle style, String languageTag, Path source) {
        this.fonts = fonts;
        // Han unification: the document's language picks Japanese, Traditional Chinese or Korean glyph shapes.
        this.style = style.forLanguage(languageTag == null || languageTag.isBlank() ? "en" : languageTag);
        this.locale = ULocale.forLanguageTag(languageTag == null || languageTag.isBlank() ? "en" : languageTag);
        this.missing = new MissingGlyphs(fonts, source);
        String script = mainScript(locale);
        this.langKey = style.scriptKey(script);
        this.cjkLanguage = CJK_SCRIPTS.contains(script);
        String lang = locale.getLanguage();
        this.spaceless = Set.of("zh", "ja", "th", "lo", "km", "my", "bo").contains(lang);
        this.tall = !cjkLanguage && !Set.of("Latin", "Cyrillic", "Greek", "Armenian", "Georgian").contains(script);
        this.lineBreaks = new LineBreaks(locale);
    }

    /** ICU name of the script the language is normally written in ("Latin", "Han", "Cyrillic", …). */
    static String mainScript(ULocale locale) {
        ULocale max = ULocale.addLikelySubtags(locale);
        String sc = max.getScript();
        if (sc.isEmpty()) return "Latin";
        if (sc.equals("Hans") || sc.equals("Hant")) return "Han";
        if (sc.equals("Jpan")) return "Han";
        if (sc.equals("Kore")) return "Hangul";
        int code = UScript.getCodeFromName(sc);
        return code == UScript.INVALID_CODE ? "Latin" : UScript.getName(code);
    }

    public ULocale locale() {
        return locale;
    }

    /** Chinese/Japanese/Korean typesetting: more leading, justification between characters. */
    public boolean cjk() {
        return cjkLanguage;
    }

    /**
     * A language whose script reaches far above and below the baseline (Arabic, Syriac, the scripts of India and
     * South-East Asia): headings and titles get more leading.
     */
    public boolean tall() {
        return tall;
    }

    /** A language written without spaces between words: lengths are counted in characters. */
    public boolean spaceless() {
        return spaceless;
    }

    /** The regular (or bold) face of the language's own script, for markers and spacing. */
    public String mainFace(boolean bold) {
        return style.family(langKey).face(bold, false);
    }

    FontMetrics metrics() {
        return fonts;
    }

    /** The runs as font runs; characters that must not reach the page are dropped, misses recorded. */
    public List<Piece> pieces(List<Run> runs) {
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
        List<Piece> out = new ArrayList<>();
        int pos = 0;
        for (Run r : clean) {
            String t = r.text();
            int start = 0;
            while (start < t.length()) {
                String face = faces[pos + start];
                int end = start + Character.charCount(t.codePointAt(start));
                while (end < t.length() && faces[pos + end].equals(face)) end++;
                out.add(new Piece(t.substring(start, end), face, r.style(), r.line()));
                start = end;
            }
            pos += t.length();
        }
        return out;
    }

    /** Drops characters that must not reach the page (BOMs, variation selectors, controls); tabs become spaces. */
    public static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean drop;
            int replace = -1;
            if (cp == '\t') {
                drop = true;
                replace = ' ';
            } else if (cp == '\n' || cp == 0x00AD) {
                drop = false; // line breaks and soft hyphens are read by the paragraph builder
            } else if (cp == '\r') {
                drop = true;
            } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D) {
                drop = false;
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
    // Line-break opportunities

    /** Where a line may start in {@code text}, by the language's rules: see {@link LineBreaks#opportunities}. */
    public boolean[] breakOpportunities(String text) {
        return lineBreaks.opportunities(text);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Font resolution

    private String[] resolveFaces(String text, List<Run> runs) {
        int n = text.length();
        String[] keys = new String[n];
        int[] scripts = new int[n];
        boolean[] common = new boolean[n];
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int sc = UScript.getScript(cp);
            scripts[i] = sc;
            if (sc == UScript.COMMON || sc == UScript.INHERITED || sc == UScript.UNKNOWN) {
                common[i] = true;
            } else {
                keys[i] = scriptKey(sc);
            }
            i += Character.charCount(cp);
        }
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
                face = face(keys[i], ts);
                check(cp, face, line[i]);
            } else {
                // Spaces and punctuation are a good part of the text and mostly in the same company: their face
                // is worked out once per character and neighbourhood (what commonFace reads) and remembered.
                CommonKey key = new CommonKey(cp, ts.bold(), ts.italic(), prev[i], next[i],
                        scripts[i] == UScript.INHERITED ? prevResolved : null);
                CommonFace known = commonFaces.get(key);
                if (known == null) {
                    known = commonFace(cp, ts, prev[i], next[i], prevResolved);
                    commonFaces.put(key, known);
                }
                face = known.face();
                if (known.missing()) check(cp, face, line[i]);
            }
            for (int k = 0; k < len; k++) faces[i + k] = face;
            prevResolved = keyOfFace(face, ts);
            i += len;
        }
        return faces;
    }

    /** What decides the face of a character of no particular script (see {@link #commonFace}). */
    private record CommonKey(int cp, boolean bold, boolean italic, String prev, String next, String prevResolved) {
        // Written out: a record's generated methods go through method handles, which the C1-only JVM of a build
        // runs several times slower, and this key is looked up for every space of every guide.
        @Override
        public int hashCode() {
            int h = cp * 31 + (bold ? 2 : 0) + (italic ? 1 : 0);
            h = h * 31 + java.util.Objects.hashCode(prev);
            h = h * 31 + java.util.Objects.hashCode(next);
            return h * 31 + java.util.Objects.hashCode(prevResolved);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CommonKey k && k.cp == cp && k.bold == bold && k.italic == italic
                    && java.util.Objects.equals(k.prev, prev) && java.util.Objects.equals(k.next, next)
                    && java.util.Objects.equals(k.prevResolved, prevResolved);
        }
    }

    /** The face found for such a character, and whether it lacks the glyph (no mapped font has one). */
    private record CommonFace(String face, boolean missing) {
    }

    private final Map<CommonKey, CommonFace> commonFaces = new java.util.HashMap<>();
    /** {@code style.scriptKey} by ICU script code: {@code UScript.getName} searches ICU's alias tables each time. */
    private final String[] scriptKeys = new String[256];
    /** The mapping key of each face, for each of bold × italic: the first entry of the mapping that names it. */
    @SuppressWarnings("unchecked")
    private final Map<String, String>[] faceKeys = new Map[4];
    /** The faces of each mapping key, for each of bold × italic. */
    private final Map<String, String[]> keyFaces = new java.util.HashMap<>();

    private String scriptKey(int script) {
        if (script < 0 || script >= scriptKeys.length) return style.scriptKey(UScript.getName(script));
        String k = scriptKeys[script];
        if (k == null) {
            k = style.scriptKey(UScript.getName(script));
            scriptKeys[script] = k;
        }
        return k;
    }

    private static int styleIndex(TextStyle ts) {
        return (ts.bold() ? 2 : 0) + (ts.italic() ? 1 : 0);
    }

    /** {@code style.family(key).face(bold, italic)}, remembered. */
    private String face(String key, TextStyle ts) {
        String[] fs = keyFaces.get(key);
        if (fs == null) {
            FontFamily fam = style.family(key);
            fs = new String[]{fam.face(false, false), fam.face(false, true), fam.face(true, false), fam.face(true, true)};
            keyFaces.put(key, fs);
        }
        return fs[styleIndex(ts)];
    }

    /** The face of a character of no particular script: its neighbours', its language's, or any that has it. */
    private CommonFace commonFace(int cp, TextStyle ts, String prev, String next, String prevResolved) {
        int sc = UScript.getScript(cp);
        List<String> cands = new ArrayList<>(6);
        if (sc == UScript.INHERITED && prevResolved != null) cands.add(prevResolved);
        addScriptExtensions(cp, prev, next, cands);
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        boolean wide = eaw == UCharacter.EastAsianWidth.FULLWIDTH || eaw == UCharacter.EastAsianWidth.WIDE;
        boolean ambiguous = eaw == UCharacter.EastAsianWidth.AMBIGUOUS;
        if (wide) {
            if (isCjk(prev)) cands.add(prev);
            if (isCjk(next)) cands.add(next);
            if (cjkLanguage) cands.add(langKey);
            cands.add(style.scriptKey("Han"));
        } else if (ambiguous && cjkLanguage && (isCjk(prev) || isCjk(next))) {
            cands.add(langKey); // Chinese quotes and dashes stay full-width next to Chinese text
        } else if (sameFamily(prev, langKey) || sameFamily(next, langKey)) {
            cands.add(langKey); // punctuation beside the language's own script belongs to that language
        }
        if (prev != null) cands.add(prev);
        if (next != null) cands.add(next);
        cands.add(langKey);
        cands.add(PdfStyle.DEFAULT_SCRIPT);
        if (cp == '\n' || cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D) {
            return new CommonFace(style.family(cands.get(0)).face(ts.bold(), ts.italic()), false);
        }
        String first = null;
        for (String k : cands) {
            String f = style.family(k).face(ts.bold(), ts.italic());
            if (first == null) first = f;
            if (fonts.hasGlyph(f, cp)) return new CommonFace(f, false);
        }
        // Last resort among all mapped fonts, in mapping order, before declaring the character missing.
        for (FontFamily fam : style.fonts().values()) {
            String f = fam.face(ts.bold(), ts.italic());
            if (fonts.hasGlyph(f, cp)) return new CommonFace(f, false);
        }
        return new CommonFace(first, true);
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
        if (prev != null && families.contains(style.family(prev))) cands.add(prev);
        if (next != null && families.contains(style.family(next))) cands.add(next);
        if (families.contains(style.family(langKey))) cands.add(langKey);
        cands.addAll(keys);
    }

    private String keyOfFace(String face, TextStyle ts) {
        int i = styleIndex(ts);
        Map<String, String> m = faceKeys[i];
        if (m == null) {
            m = new java.util.HashMap<>();
            for (Map.Entry<String, FontFamily> e : style.fonts().entrySet()) {
                m.putIfAbsent(e.getValue().face(ts.bold(), ts.italic()), e.getKey());
            }
            faceKeys[i] = m;
        }
        return m.getOrDefault(face, PdfStyle.DEFAULT_SCRIPT);
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
        missing.check(cp, face, line);
    }

    /** Whether some character met so far has no glyph in any font. */
    public boolean hasMissingGlyphs() {
        return missing.any();
    }

    /** The characters no font could print, one error per source line: see {@link MissingGlyphs#diagnostics}. */
    public List<Diagnostic> glyphDiagnostics() {
        return missing.diagnostics();
    }

    /** Number of words (or, for languages written without spaces, letters) in a text. */
    public int countUnits(String text) {
        if (spaceless) {
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
