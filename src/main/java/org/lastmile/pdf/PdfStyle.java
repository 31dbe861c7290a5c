package org.lastmile.pdf;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The look of the PDF guides and papers: page, margins, type sizes, colours, organisation block and which font serves
 * which script. All lengths are in PostScript points (1/72 in). {@link #defaults()} is the default theme; a site
 * overrides parts of it with the {@code with…} methods (values from {@code site.yaml}).
 *
 * <p>Font mapping: keys are ICU script names as returned by {@code UScript.getName} ("Latin", "Cyrillic", "Greek",
 * "Han", "Hiragana", "Katakana", "Hangul", "Arabic", …) plus {@code "default"}, which serves every script without its
 * own entry. Characters of no particular script (punctuation, digits, spaces) take the font of their neighbours.
 *
 * <p>Fonts by language: Chinese, Japanese and Korean share the Han script but not its glyph shapes (Han unification:
 * 直, 骨, 写 are drawn differently in each), so {@code languageFonts} maps a BCP 47 language tag to script entries that
 * replace the script mapping for documents in that language ({@link #forLanguage}). A tag matches a document's
 * language when their language subtags are equal and every script or region subtag the tag gives is the document's
 * (scripts compared after ICU's likely subtags: {@code zh-Hant} matches {@code zh-TW} and {@code zh-HK}); the most
 * specific matching tag wins.
 *
 * @param paperSize    A4 or Letter
 * @param marginTop    top margin of body pages
 * @param marginBottom bottom margin of body pages (the running footer sits inside it)
 * @param marginInner  margin on the binding side
 * @param marginOuter  margin on the outside edge
 * @param baseSize     body type size the layout starts at (default 10.5 pt)
 * @param floorSize    smallest body type size the layout may step down to (default 9 pt)
 * @param primaryColor main colour as {@code #RRGGBB} (cover band, headings, table heads)
 * @param accentColor  second colour as {@code #RRGGBB} (rules, bullets, cover stripe)
 * @param organisation organisation name for cover and back cover ("" for none)
 * @param logo         logo image bytes (PNG or JPEG), or an empty array for none
 * @param licence      licence line for the back cover ("" for none)
 * @param fonts        script name → font family; must contain {@code "default"}
 * @param languageFonts language tag → (script name → font family), overriding {@code fonts} for that language
 * @param print        bleed and crop marks for a print shop ({@link Print#NONE} for the screen)
 */
public record PdfStyle(PaperSize paperSize, float marginTop, float marginBottom, float marginInner, float marginOuter,
                       float baseSize, float floorSize, String primaryColor, String accentColor, String organisation,
                       byte[] logo, String licence, Map<String, FontFamily> fonts,
                       Map<String, Map<String, FontFamily>> languageFonts, Print print) {

    /** The script key that serves every script without an entry of its own. */
    public static final String DEFAULT_SCRIPT = "default";

    public PdfStyle {
        Objects.requireNonNull(paperSize, "paperSize");
        parseColor(primaryColor);
        parseColor(accentColor);
        organisation = organisation == null ? "" : organisation;
        licence = licence == null ? "" : licence;
        logo = logo == null ? new byte[0] : logo;
        if (!(floorSize > 0) || baseSize < floorSize) {
            throw new IllegalArgumentException("base type size " + baseSize + " must be at least the floor " + floorSize);
        }
        if (fonts == null || !fonts.containsKey(DEFAULT_SCRIPT)) {
            throw new IllegalArgumentException("the font mapping needs a \"default\" entry");
        }
        fonts = Collections.unmodifiableMap(new LinkedHashMap<>(fonts));
        Map<String, Map<String, FontFamily>> lf = new LinkedHashMap<>();
        if (languageFonts != null) languageFonts.forEach((k, v) -> lf.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        languageFonts = Collections.unmodifiableMap(lf);
        print = print == null ? Print.NONE : print;
    }

    /** A style for the screen, without bleed or crop marks. */
    public PdfStyle(PaperSize paperSize, float marginTop, float marginBottom, float marginInner, float marginOuter,
                    float baseSize, float floorSize, String primaryColor, String accentColor, String organisation,
                    byte[] logo, String licence, Map<String, FontFamily> fonts,
                    Map<String, Map<String, FontFamily>> languageFonts) {
        this(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primaryColor,
                accentColor, organisation, logo, licence, fonts, languageFonts, Print.NONE);
    }

    /**
     * Print production: {@code bleed} in points around every page (colour bands that reach the trim edge run into it;
     * the page's TrimBox is the page, its MediaBox and BleedBox the page with the bleed), and crop marks at the
     * trim corners of the booklet's sheets.
     */
    public record Print(float bleed, boolean cropMarks) {
        public static final Print NONE = new Print(0, false);

        public Print {
            if (!(bleed >= 0)) throw new IllegalArgumentException("bleed " + bleed + " must be 0 or more");
        }
    }

    /** This style with the given print settings. */
    public PdfStyle withPrint(Print p) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, fonts, languageFonts, p);
    }

    /**
     * The default theme: A4, generous margins, 10.5 pt body stepping down to 8.5 pt, a deep teal with a warm accent,
     * Noto Sans for Latin, Cyrillic and Greek, Noto Sans Arabic for Arabic, Noto Sans KR for Hangul and Noto Sans SC
     * for Han, kana and Bopomofo; Japanese documents take Noto Sans JP for Han and kana, Traditional Chinese
     * ({@code zh-Hant}, hence {@code zh-TW}, {@code zh-HK}) Noto Sans TC, Korean Noto Sans KR for Han too.
     */
    public static PdfStyle defaults() {
        Map<String, FontFamily> f = new LinkedHashMap<>();
        FontFamily latin = new FontFamily("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                "NotoSans-BoldItalic.ttf");
        FontFamily cjk = FontFamily.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf");
        f.put(DEFAULT_SCRIPT, latin);
        f.put("Latin", latin);
        f.put("Cyrillic", latin);
        f.put("Greek", latin);
        f.put("Han", cjk);
        f.put("Hiragana", cjk);
        f.put("Katakana", cjk);
        f.put("Hangul", cjk);
        f.put("Bopomofo", cjk);
        FontFamily arabic = FontFamily.of("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf");
        FontFamily jp = FontFamily.of("NotoSansJP-Regular.ttf", "NotoSansJP-Bold.ttf");
        FontFamily tc = FontFamily.of("NotoSansTC-Regular.ttf", "NotoSansTC-Bold.ttf");
        FontFamily kr = FontFamily.of("NotoSansKR-Regular.ttf", "NotoSansKR-Bold.ttf");
        f.put("Hangul", kr); // Noto Sans SC has no Hangul: a Korean name in any document takes the Korean font
        f.put("Arabic", arabic);
        Map<String, Map<String, FontFamily>> byLanguage = new LinkedHashMap<>();
        byLanguage.put("ja", Map.of("Han", jp, "Hiragana", jp, "Katakana", jp));
        byLanguage.put("zh-Hant", Map.of("Han", tc, "Bopomofo", tc, "Hiragana", tc, "Katakana", tc));
        byLanguage.put("ko", Map.of("Han", kr, "Hangul", kr, "Hiragana", kr, "Katakana", kr));
        return new PdfStyle(PaperSize.A4, 54f, 62f, 64f, 64f, 10.5f, 9f, "#0E4D64", "#E4572E", "", new byte[0], "",
                f, byLanguage);
    }

    public PdfStyle withPaperSize(PaperSize p) {
        return new PdfStyle(p, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primaryColor,
                accentColor, organisation, logo, licence, fonts, languageFonts, print);
    }

    public PdfStyle withMargins(float top, float bottom, float inner, float outer) {
        return new PdfStyle(paperSize, top, bottom, inner, outer, baseSize, floorSize, primaryColor, accentColor,
                organisation, logo, licence, fonts, languageFonts, print);
    }

    public PdfStyle withSizes(float base, float floor) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, base, floor, primaryColor,
                accentColor, organisation, logo, licence, fonts, languageFonts, print);
    }

    public PdfStyle withColors(String primary, String accent) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primary,
                accent, organisation, logo, licence, fonts, languageFonts, print);
    }

    public PdfStyle withOrganisation(String name, byte[] logoBytes, String licenceLine) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, name, logoBytes, licenceLine, fonts, languageFonts, print);
    }

    /** This style with {@code changes} merged into the font mapping (an entry replaces the same script's). */
    public PdfStyle withFonts(Map<String, FontFamily> changes) {
        Map<String, FontFamily> f = new LinkedHashMap<>(fonts);
        f.putAll(changes);
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, f, languageFonts, print);
    }

    /**
     * This style with {@code changes} merged into the language mapping: for each language tag, its script entries
     * replace the same scripts' entries of that tag (a tag new to the mapping is added).
     */
    public PdfStyle withLanguageFonts(Map<String, Map<String, FontFamily>> changes) {
        Map<String, Map<String, FontFamily>> lf = new LinkedHashMap<>(languageFonts);
        changes.forEach((tag, m) -> {
            Map<String, FontFamily> merged = new LinkedHashMap<>(lf.getOrDefault(tag, Map.of()));
            merged.putAll(m);
            lf.put(tag, merged);
        });
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, fonts, lf, print);
    }

    /**
     * The style a document in {@code languageTag} is set with: the script mapping with the best-matching language
     * entry applied (see the type's comment), and no language entries left.
     */
    public PdfStyle forLanguage(String languageTag) {
        String best = bestLanguageKey(languageTag);
        Map<String, FontFamily> f = new LinkedHashMap<>(fonts);
        if (best != null) f.putAll(languageFonts.get(best));
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, f, Map.of(), print);
    }

    /**
     * This style keeping only the language entries that some of {@code languageTags} use, so that a build loads
     * only the fonts its languages need (a site without Japanese never reads Noto Sans JP).
     */
    public PdfStyle forLanguages(java.util.Collection<String> languageTags) {
        Set<String> used = new LinkedHashSet<>();
        for (String t : languageTags) {
            String k = bestLanguageKey(t);
            if (k != null) used.add(k);
        }
        Map<String, Map<String, FontFamily>> lf = new LinkedHashMap<>(languageFonts);
        lf.keySet().retainAll(used);
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, fonts, lf, print);
    }

    /** The most specific key of {@link #languageFonts} that matches the tag, or null. */
    String bestLanguageKey(String languageTag) {
        if (languageTag == null || languageTag.isBlank() || languageFonts.isEmpty()) return null;
        com.ibm.icu.util.ULocale doc = com.ibm.icu.util.ULocale.forLanguageTag(languageTag);
        com.ibm.icu.util.ULocale docMax = com.ibm.icu.util.ULocale.addLikelySubtags(doc);
        String best = null;
        int bestScore = -1;
        for (String key : languageFonts.keySet()) {
            com.ibm.icu.util.ULocale k = com.ibm.icu.util.ULocale.forLanguageTag(key);
            if (!k.getLanguage().equalsIgnoreCase(doc.getLanguage())) continue;
            if (!k.getScript().isEmpty() && !k.getScript().equalsIgnoreCase(docMax.getScript())) continue;
            if (!k.getCountry().isEmpty() && !k.getCountry().equalsIgnoreCase(doc.getCountry())) continue;
            int score = (k.getScript().isEmpty() ? 0 : 1) + (k.getCountry().isEmpty() ? 0 : 2);
            if (score > bestScore) {
                best = key;
                bestScore = score;
            }
        }
        return best;
    }

    /** The family for an ICU script name, or the default family. */
    public FontFamily family(String scriptName) {
        FontFamily f = fonts.get(scriptName);
        return f != null ? f : fonts.get(DEFAULT_SCRIPT);
    }

    /** The key of the mapping entry that serves {@code scriptName}: itself if mapped, else "default". */
    public String scriptKey(String scriptName) {
        return fonts.containsKey(scriptName) ? scriptName : DEFAULT_SCRIPT;
    }

    /** Every font file the mapping names, in mapping order: what {@link Fonts#load} must read. */
    public Set<String> fontFiles() {
        Set<String> s = new LinkedHashSet<>();
        for (FontFamily f : fonts.values()) s.addAll(f.files());
        for (Map<String, FontFamily> m : languageFonts.values()) {
            for (FontFamily f : m.values()) s.addAll(f.files());
        }
        return s;
    }

    public boolean hasLogo() {
        return logo.length > 0;
    }

    public Color primary() {
        return parseColor(primaryColor);
    }

    public Color accent() {
        return parseColor(accentColor);
    }

    /**
     * Parses {@code #RRGGBB} or {@code #RGB} (the '#' optional).
     *
     * @throws IllegalArgumentException with a readable message if it is not such a colour
     */
    public static Color parseColor(String hex) {
        if (hex == null) throw new IllegalArgumentException("colour missing");
        String h = hex.trim();
        if (h.startsWith("#")) h = h.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("\"" + hex + "\" is not a colour (expected #RRGGBB)");
        }
        return new Color(Integer.parseInt(h.toUpperCase(Locale.ROOT), 16));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdfStyle s && s.paperSize == paperSize && s.marginTop == marginTop
                && s.marginBottom == marginBottom && s.marginInner == marginInner && s.marginOuter == marginOuter
                && s.baseSize == baseSize && s.floorSize == floorSize && s.primaryColor.equals(primaryColor)
                && s.accentColor.equals(accentColor) && s.organisation.equals(organisation)
                && java.util.Arrays.equals(s.logo, logo) && s.licence.equals(licence) && s.fonts.equals(fonts)
                && s.languageFonts.equals(languageFonts) && s.print.equals(print);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, java.util.Arrays.hashCode(logo), licence, fonts, languageFonts,
                print);
    }

    @Override
    public String toString() {
        return "PdfStyle[" + paperSize + ", base " + baseSize + "/" + floorSize + " pt, " + primaryColor + "/"
                + accentColor + ", " + organisation + ", fonts " + fonts.keySet() + ", by language "
                + languageFonts.keySet() + (print.equals(Print.NONE) ? "" : ", " + print) + "]";
    }
}
