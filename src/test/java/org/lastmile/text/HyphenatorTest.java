package org.lastmile.text;

import org.junit.jupiter.api.Test;

class HyphenatorTest {
    static final Hyphenation H = Hyphenation.builtIn();

    static String show(String lang, String word) {
        Hyphenator h = H.forLanguage(lang).orElseThrow();
        int[] p = h.points(word);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (int i : p) {
            sb.append(word, last, i);
            if (word.charAt(i - 1) != '-') sb.append('-');
            else sb.append('|');
            last = i;
        }
        return sb.append(word.substring(last)).toString();
    }

    @Test
    void dump() {
        String[][] cases = {{"en", "hyphenation"}, {"en", "Hyphenation"}, {"en", "computer"}, {"en", "“typography,”"}, {"en", "children's"},
                {"en", "well-being"}, {"en", "state-of-the-art"}, {"en", "UNESCO"}, {"en", "covid19"}, {"en", "associate"}, {"en", "project"},
                {"en", "community"}, {"en", "information"}, {"en", "e-mail"},
                {"fr", "l’hôpital"}, {"fr", "développement"}, {"fr", "communautaire"}, {"fr", "aujourd’hui"}, {"fr", "qu’aujourd’hui"},
                {"es", "desarrollo"}, {"es", "comunidad"}, {"es", "información"},
                {"ru", "гипотеза"}, {"ru", "развитие"}, {"ru", "сообщество"}, {"ru", "информация"}, {"ru", "кто-нибудь"},
                {"de", "Donaudampfschifffahrt"}, {"de", "Gesundheitsversorgung"}, {"de", "Bundesverfassungsgericht"},
                {"pt", "desenvolvimento"}, {"pt", "informação"}, {"it", "dell’informazione"}, {"it", "sviluppo"}, {"en-GB", "hyphenation"}, {"pt-BR", "comunidade"}};
        for (String[] c : cases) System.out.println(c[0] + " " + show(c[0], c[1]));
    }
}
