package org.lastmile.config;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A language the site is published in: its BCP 47 code (as used in file suffixes and URLs), its name in its own
 * language (for switchers), the locale used for dates, plurals and collation, its text direction, whether its
 * justified PDF text may be hyphenated ({@code hyphenate: false} in site.yaml turns it off), and the digits its
 * numbers are written in ({@code digits: arab} in site.yaml; empty: what CLDR says for the locale).
 */
public record Language(String code, String name, ULocale locale, boolean rtl, boolean hyphenate, String digits) {

    public Language {
        digits = digits == null ? "" : digits;
    }

    /** A language whose numbers use its locale's own digits. */
    public Language(String code, String name, ULocale locale, boolean rtl, boolean hyphenate) {
        this(code, name, locale, rtl, hyphenate, "");
    }

    /** A language hyphenated as usual (when lastmile has patterns for it). */
    public Language(String code, String name, ULocale locale, boolean rtl) {
        this(code, name, locale, rtl, true);
    }

    /**
     * The locale to format numbers and dates with: {@link #locale()} with the chosen digits as its numbering system
     * ({@code ar-u-nu-arab}). Kept apart from {@code locale()} because that one also names the language ("Arabic",
     * not "Arabic (Arabic-Indic Digits)") and goes into hreflang-like attributes.
     */
    public ULocale formatLocale() {
        return digits.isEmpty() ? locale : locale.setKeywordValue("numbers", digits);
    }

    /**
     * Whether {@code name} is a numbering system a site may choose for its digits: a decimal one ICU knows, such as
     * {@code latn} (0123) or {@code arab} (٠١٢٣).
     */
    public static boolean isDigits(String name) {
        if (name == null || !name.matches("[a-z]{3,8}")) return false;
        com.ibm.icu.text.NumberingSystem ns = com.ibm.icu.text.NumberingSystem.getInstanceByName(name);
        return ns != null && !ns.isAlgorithmic() && ns.getRadix() == 10;
    }

    private static final Set<String> ISO_LANGUAGES =
            Arrays.stream(ULocale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    /**
     * Checks that {@code code} is a well-formed BCP 47 tag whose language is a known ISO 639 code, and gives it in
     * canonical case ({@code pt-BR}, {@code zh-Hant}). Empty when it is malformed or unknown.
     */
    public static Optional<String> canonicalCode(String code) {
        if (code == null || code.isBlank() || code.contains("_")) return Optional.empty();
        try {
            ULocale loc = new ULocale.Builder().setLanguageTag(code).build();
            if (!ISO_LANGUAGES.contains(loc.getLanguage())) return Optional.empty();
            return Optional.of(loc.toLanguageTag());
        } catch (Exception e) { // IllformedLocaleException: a syntax error in the tag
            return Optional.empty();
        }
    }

    /** A language described only by its code: name from CLDR in its own language, direction from its script. */
    public static Language infer(String code) {
        ULocale loc = ULocale.forLanguageTag(code);
        return new Language(code, nativeName(loc), loc, isRtl(loc));
    }

    public static String nativeName(ULocale loc) {
        LocaleDisplayNames names = LocaleDisplayNames.getInstance(loc, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU);
        String n = names.localeDisplayName(loc);
        if (n == null || n.isBlank()) return loc.toLanguageTag();
        // CLDR gives "français"; a switcher item starts a line, so it takes the initial capital, in that language's rules.
        return n.substring(0, 1).toUpperCase(loc.toLocale()) + n.substring(1);
    }

    public static boolean isRtl(ULocale loc) {
        ULocale max = ULocale.addLikelySubtags(loc);
        int[] scripts = UScript.getCode(max.getScript().isEmpty() ? "Zyyy" : max.getScript());
        return scripts != null && scripts.length > 0 && UScript.isRightToLeft(scripts[0]);
    }

}
