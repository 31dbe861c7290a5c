package org.lastmile.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a site sorts and lists its content, from site.yaml: tags declared as keys with a label per language, the
 * publication types a paper can have (with singular and plural labels per language), and list sizes.
 *
 * @param tags        declared tag keys → label per language code (a language without a label shows the key)
 * @param types       publication type keys → labels; never empty (lastmile's four types when site.yaml names none)
 * @param typesDeclared whether site.yaml declared types (else labels come from the theme's UI strings)
 * @param defaultType the type of a paper that names none
 * @param paginate    items per list page
 * @param homeLatest  items of each kind the home page shows before its "All →" link
 * @param related     related items shown on paper, guide and news pages
 */
public record Taxonomy(Map<String, Map<String, String>> tags, Map<String, PublicationType> types, boolean typesDeclared,
                       String defaultType, int paginate, int homeLatest, int related) {

    /** The types lastmile knows without configuration; their labels are theme UI strings (type_…, types_…). */
    public static final List<String> BUILT_IN_TYPES = List.of("briefing-paper", "technical-brief", "policy-brief", "statement");

    /** A publication type: labels per language code, for one item and for a list. */
    public record PublicationType(String key, Map<String, String> singular, Map<String, String> plural) {
    }

    public static Taxonomy defaults() {
        Map<String, PublicationType> types = new java.util.LinkedHashMap<>();
        for (String k : BUILT_IN_TYPES) types.put(k, new PublicationType(k, Map.of(), Map.of()));
        return new Taxonomy(Map.of(), java.util.Collections.unmodifiableMap(types), false, BUILT_IN_TYPES.get(0), 20, 5, 3);
    }

    public Optional<PublicationType> type(String key) {
        return Optional.ofNullable(types.get(key));
    }
}
