package org.lastmile.i18n;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.function.Function;

/** Locale-aware formatting and sorting with ICU4J: long dates as each language writes them, titles in its order. */
public final class Locales {
    private Locales() {
    }

    /** "22 November 2026", "22 ноября 2026 г.", "2026年11月22日". */
    public static String longDate(LocalDate date, ULocale locale) {
        DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, locale);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    /**
     * The name of language {@code of} as written in the middle of a sentence in {@code in}: "anglais" on a French
     * page, "英语" on a Chinese one. For UI messages such as "the latest {language} version".
     */
    public static String languageName(ULocale of, ULocale in) {
        return com.ibm.icu.text.LocaleDisplayNames.getInstance(in, com.ibm.icu.text.DisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE)
                .localeDisplayName(of);
    }

    /** A comparator for display strings in {@code locale}'s collation order. */
    public static <T> Comparator<T> collating(ULocale locale, Function<T, String> key) {
        Collator c = Collator.getInstance(locale);
        c.freeze();
        return (a, b) -> c.compare(key.apply(a), key.apply(b));
    }
}
