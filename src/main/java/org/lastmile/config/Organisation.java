package org.lastmile.config;

import java.util.Map;

/**
 * Who publishes the site: shown in footers, feeds, PDF covers and PDF metadata. {@code funder} (a line such as "This
 * guide was produced with the support of …") and {@code disclaimer} are printed on the guides' back cover; each is one
 * text, or one per language (key {@code "*"}: every language).
 */
public record Organisation(String name, String url, String email, String licence, Map<String, String> funder,
                           Map<String, String> disclaimer) {
    public Organisation {
        funder = funder == null ? Map.of() : Map.copyOf(funder);
        disclaimer = disclaimer == null ? Map.of() : Map.copyOf(disclaimer);
    }

    public Organisation(String name, String url, String email, String licence) {
        this(name, url, email, licence, Map.of(), Map.of());
    }

    public static Organisation unnamed() {
        return new Organisation("", "", "", "");
    }

    /** The funder line in {@code lang}: its own, else the one for every language, else the default language's. */
    public String funder(String lang, String defaultLang) {
        return pick(funder, lang, defaultLang);
    }

    /** The disclaimer in {@code lang}, found as {@link #funder} is. */
    public String disclaimer(String lang, String defaultLang) {
        return pick(disclaimer, lang, defaultLang);
    }

    private static String pick(Map<String, String> m, String lang, String defaultLang) {
        String v = m.get(lang);
        if (v == null) v = m.get("*");
        if (v == null) v = m.get(defaultLang);
        return v == null ? "" : v.strip();
    }
}
