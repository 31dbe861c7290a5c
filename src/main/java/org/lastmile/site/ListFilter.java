package org.lastmile.site;

import java.util.Locale;

/**
 * Which items a list shows: one kind (or every kind, on tag pages), optionally one tag key and one publication type.
 * Each filter has one list page per language, at a URL built from the filter alone, so the "All →" link of an
 * embedded list and the switcher of a list page always find the same filter in another language.
 */
public record ListFilter(Kind kind, String tag, String type) {

    /** What a list holds. {@code ALL} is news, papers and guides together (tag pages). */
    public enum Kind {
        ALL, NEWS, PAPERS, GUIDES;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ListFilter of(Kind kind) {
        return new ListFilter(kind, null, null);
    }

    public static ListFilter ofTag(String tag) {
        return new ListFilter(Kind.ALL, tag, null);
    }

    public static ListFilter ofType(String type) {
        return new ListFilter(Kind.PAPERS, null, type);
    }

    /**
     * The site path of the filter's first page in {@code lang}: /fr/news/, /fr/papers/, /fr/guides/,
     * /fr/types/policy-brief/ (papers of a type), /fr/tags/harm-reduction/ (everything with a tag), and below those
     * the other kinds (/fr/tags/harm-reduction/news/) and type and tag together (/fr/types/policy-brief/tags/x/).
     */
    public String path(String lang) {
        StringBuilder sb = new StringBuilder("/").append(lang).append('/');
        if (type != null) sb.append("types/").append(type).append('/');
        if (tag != null) sb.append("tags/").append(tag).append('/');
        Kind natural = type != null ? Kind.PAPERS : Kind.ALL;
        if ((type == null && tag == null) || kind != natural) sb.append(kind.id()).append('/');
        return sb.toString();
    }

    /** The path of page {@code n} (1-based) of this list. */
    public String path(String lang, int n) {
        return n <= 1 ? path(lang) : path(lang) + "page/" + n + "/";
    }
}
