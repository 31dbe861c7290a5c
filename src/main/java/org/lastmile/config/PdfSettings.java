package org.lastmile.config;

import java.util.Map;

/**
 * The {@code pdf:} block of site.yaml. {@code guides} can be turned off for a site without guides; {@code papers}
 * enables full briefing papers as PDF. Style values left empty fall back to the theme's defaults; margins are in
 * millimetres by side (top, bottom, inner, outer). {@code hyphenation} maps a language code to a pattern file of
 * the site (a path from the site folder, checked to exist inside it), for languages lastmile has no patterns for
 * or whose patterns the site replaces.
 */
public record PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize,
                          String primaryColor, String accentColor, String logo,
                          Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm,
                          Map<String, String> hyphenation) {

    public PdfSettings(boolean guides, boolean papers, String pageSize, Double baseSize, String primaryColor,
                       String accentColor, String logo, Map<String, Map<String, String>> fonts, Map<String, Double> marginsMm) {
        this(guides, papers, pageSize, baseSize, primaryColor, accentColor, logo, fonts, marginsMm, Map.of());
    }

    public static PdfSettings defaults() {
        return new PdfSettings(true, false, "A4", null, null, null, null, Map.of(), Map.of(), Map.of());
    }
}
