package org.lastmile.config;

import java.util.Map;

/**
 * The {@code pdf:} block of site.yaml. {@code guides} can be turned off for a site without guides; {@code papers}
 * enables full briefing papers as PDF. Style values left empty fall back to the theme's defaults; margins are in
 * millimetres by side (top, bottom, inner, outer). {@code hyphenation} maps a language code to a pattern file of
 * the site (a path from the site folder, checked to exist inside it), for languages lastmile has no patterns for
 * or whose patterns the site replaces. {@code lines} says where each key of the block stands.
 * {@code fontsByLanguage} maps a BCP 47 tag to a font mapping like {@code fonts} that applies to documents in that
 * language (Japanese Han in a Japanese font); {@code fontLines} says where each font file is first named.
 * {@code print} holds the bleed and crop marks for a print shop.
 */
public record PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize,
                          String primaryColor, String accentColor, String logo,
                          Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                          Map<String, String> hyphenation, Map<String, org.lastmile.diag.SourcePos> lines,
                          Guide guide, Map<String, Map<String, Map<String, String>>> fontsByLanguage,
                          Map<String, org.lastmile.diag.SourcePos> fontLines, Print print) {

    /**
     * Print production: {@code bleedMm} millimetres of bleed around every page of guides and papers (0: none), and
     * crop marks on the booklet's sheets.
     */
    public record Print(double bleedMm, boolean cropMarks) {
        public static final Print NONE = new Print(0, false);
    }

    public PdfSettings {
        print = print == null ? Print.NONE : print;
    }

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                       Map<String, String> hyphenation, Map<String, org.lastmile.diag.SourcePos> lines, Guide guide,
                       Map<String, Map<String, Map<String, String>>> fontsByLanguage,
                       Map<String, org.lastmile.diag.SourcePos> fontLines) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, hyphenation, lines,
                guide, fontsByLanguage, fontLines, Print.NONE);
    }

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                       Map<String, String> hyphenation, Map<String, org.lastmile.diag.SourcePos> lines, Guide guide) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, hyphenation, lines,
                guide, Map.of(), Map.of());
    }

    /**
     * How guides are laid out: {@code layout} pins one layout of the ladder ({@code cover}, {@code extended},
     * {@code compact}, {@code columns}; null lets lastmile choose), {@code minSize} is the smallest body size in
     * points (null: 9), {@code qrCode} puts the paper's URL as a QR code on the back cover.
     */
    public record Guide(String layout, Double minSize, boolean qrCode) {
        public static final Guide DEFAULT = new Guide(null, null, true);
        public static final java.util.List<String> LAYOUTS = java.util.List.of("auto", "cover", "extended", "compact",
                "columns");
    }

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                       Map<String, String> hyphenation, Map<String, org.lastmile.diag.SourcePos> lines) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, hyphenation, lines,
                Guide.DEFAULT);
    }

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, Map.of(), Map.of());
    }

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                       Map<String, String> hyphenation) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, hyphenation, Map.of());
    }

    public static PdfSettings defaults() {
        return new PdfSettings(true, false, "A4", null, null, null, null, Map.of(), Map.of(), Map.of(), Map.of(),
                Guide.DEFAULT, Map.of(), Map.of(), Print.NONE);
    }

    /** Where a setting of the block stands in site.yaml, for errors found when the PDFs are made. */
    public org.lastmile.diag.SourcePos pos(String key) {
        return lines.getOrDefault(key, org.lastmile.diag.SourcePos.of(java.nio.file.Path.of(ConfigLoader.FILE)));
    }
}
