package org.lastmile.i18n;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Dates as each language writes them and titles in each language's alphabetical order (ICU4J, CLDR data). */
class LocalesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void longDates() {
        assertEquals("November 22, 2026", Locales.longDate(DAY, ULocale.ENGLISH));
        // CLDR joins "2026" and "г." with a narrow no-break space (U+202F) so they never part at a line end.
        assertEquals("22 ноября 2026\u202Fг.", Locales.longDate(DAY, new ULocale("ru")));
        assertEquals("2026年11月22日", Locales.longDate(DAY, new ULocale("zh")));
        assertEquals("22 novembre 2026", Locales.longDate(DAY, new ULocale("fr")));
        assertEquals("22 de noviembre de 2026", Locales.longDate(DAY, new ULocale("es")));
    }

    @Test
    void dateDoesNotShiftWithTheMachinesTimeZone() {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertEquals("January 1, 2026", Locales.longDate(LocalDate.of(2026, 1, 1), ULocale.ENGLISH));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Pago_Pago"));
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone("Pacific/Pago_Pago"));
            assertEquals("January 1, 2026", Locales.longDate(LocalDate.of(2026, 1, 1), ULocale.ENGLISH));
        } finally {
            java.util.TimeZone.setDefault(saved);
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone(saved.getID()));
        }
    }

    static List<String> sorted(String lang, String... titles) {
        List<String> l = new ArrayList<>(List.of(titles));
        l.sort(Locales.collating(new ULocale(lang), Function.identity()));
        return l;
    }

    @Test
    void russianTitlesInRussianOrder() {
        // Ё sorts as Е (ёж before ель: ж before л), case is a lesser difference than letters.
        List<String> expected = List.of("Арбуз", "Ёж", "ель", "Жук", "яблоко");
        assertEquals(expected, sorted("ru", "яблоко", "Жук", "Ёж", "ель", "Арбуз"));
        // Code-point order would put Ё before А and lowercase after uppercase: the test must be able to tell.
        List<String> naive = new ArrayList<>(expected);
        naive.sort(null);
        assertNotEquals(expected, naive);
    }

    @Test
    void frenchTitlesInFrenchOrder() {
        List<String> expected = List.of("abricot", "Eau", "école", "été", "Zèbre");
        assertEquals(expected, sorted("fr", "Zèbre", "été", "école", "Eau", "abricot"));
        List<String> naive = new ArrayList<>(expected);
        naive.sort(null);
        assertNotEquals(expected, naive);
    }
}
