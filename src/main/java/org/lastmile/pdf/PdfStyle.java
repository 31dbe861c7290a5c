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
 * @param print        bleed and crop marks for a print shop ({@link Print#NONE} for the screen)
 */
public record PdfStyle(PaperSize paperSize, float marginTop, float marginBottom, float marginInner, float marginOuter,
                       float baseSize, float floorSize, String primaryColor, String accentColor, String organisation,
                       byte[] logo, String licence, Map<String, FontFamily> fonts, Print print) {

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
        print = print == null ? Print.NONE : print;
    }

    /** A style for the screen, without bleed or crop marks. */
    public PdfStyle(PaperSize paperSize, float marginTop, float marginBottom, float marginInner, float marginOuter,
                    float baseSize, float floorSize, String primaryColor, String accentColor, String organisation,
                    byte[] logo, String licence, Map<String, FontFamily> fonts) {
        this(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primaryColor,
                accentColor, organisation, logo, licence, fonts, Print.NONE);
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
                primaryColor, accentColor, organisation, logo, licence, fonts, p);
    }

    /**
     * The default theme: A4, generous margins, 10.5 pt body stepping down to 8.5 pt, a deep teal with a warm accent,
     * Noto Sans for every script except Han/Hiragana/Katakana/Hangul, which get Noto Sans SC.
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
        return new PdfStyle(PaperSize.A4, 54f, 62f, 64f, 64f, 10.5f, 9f, "#0E4D64", "#E4572E", "", new byte[0], "",
                f);
    }

    public PdfStyle withPaperSize(PaperSize p) {
        return new PdfStyle(p, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primaryColor,
                accentColor, organisation, logo, licence, fonts, print);
    }

    public PdfStyle withMargins(float top, float bottom, float inner, float outer) {
        return new PdfStyle(paperSize, top, bottom, inner, outer, baseSize, floorSize, primaryColor, accentColor,
                organisation, logo, licence, fonts, print);
    }

    public PdfStyle withSizes(float base, float floor) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, base, floor, primaryColor,
                accentColor, organisation, logo, licence, fonts, print);
    }

    public PdfStyle withColors(String primary, String accent) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize, primary,
                accent, organisation, logo, licence, fonts, print);
    }

    public PdfStyle withOrganisation(String name, byte[] logoBytes, String licenceLine) {
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, name, logoBytes, licenceLine, fonts, print);
    }

    /** This style with {@code changes} merged into the font mapping (an entry replaces the same script's). */
    public PdfStyle withFonts(Map<String, FontFamily> changes) {
        Map<String, FontFamily> f = new LinkedHashMap<>(fonts);
        f.putAll(changes);
        return new PdfStyle(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, logo, licence, f, print);
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
                && s.print.equals(print);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paperSize, marginTop, marginBottom, marginInner, marginOuter, baseSize, floorSize,
                primaryColor, accentColor, organisation, java.util.Arrays.hashCode(logo), licence, fonts, print);
    }

    @Override
    public String toString() {
        return "PdfStyle[" + paperSize + ", base " + baseSize + "/" + floorSize + " pt, " + primaryColor + "/"
                + accentColor + ", " + organisation + ", fonts " + fonts.keySet()
                + (print.equals(Print.NONE) ? "" : ", " + print) + "]";
    }
}
