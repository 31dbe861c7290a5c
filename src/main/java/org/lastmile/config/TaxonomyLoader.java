package org.lastmile.config;

import org.lastmile.diag.Diagnostic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the tags, types and list sizes of site.yaml into a {@link Taxonomy}, reporting each mistake with its line. */
final class TaxonomyLoader {
    /** A key is what the URL shows: lower-case letters (any script), digits and hyphens. */
    private static final Pattern KEY = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}][\\p{Ll}\\p{Lo}\\p{N}-]*");

    private TaxonomyLoader() {
    }

    /** @param languages the declared languages, whose labels each tag and type should have (none: not checked) */
    static Taxonomy load(YamlMap y, List<Language> languages, List<Diagnostic> problems) {
        Taxonomy d = Taxonomy.defaults();
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        y.map("tags", problems).ifPresent(t -> {
            for (String key : t.keys()) {
                if (!key(key, t, "tags", problems)) continue;
                Map<String, String> labels = labels(t, key, "tags", problems);
                List<String> missing = languages.stream().map(Language::code).filter(c -> !labels.containsKey(c)).toList();
                // One warning per tag, naming every language it lacks: its pages there show the key.
                if (!missing.isEmpty()) {
                    problems.add(Diagnostic.warning(t.pos(key), "tags: " + key + " has no label in " + String.join(", ", missing)
                            + ", so pages in " + (missing.size() == 1 ? "that language" : "those languages") + " show '" + key + "'",
                            "add " + missing.get(0) + ": \"…\" to it"));
                }
                tags.put(key, labels);
            }
        });
        Map<String, Taxonomy.PublicationType> types = new LinkedHashMap<>();
        y.map("types", problems).ifPresent(t -> {
            for (String key : t.keys()) {
                if (!key(key, t, "types", problems)) continue;
                Optional<YamlMap> m = t.map(key, problems);
                if (m.isEmpty()) continue;
                for (String k : m.get().keys()) {
                    if (!k.equals("singular") && !k.equals("plural")) {
                        problems.add(Diagnostic.error(m.get().pos(k), "types: " + key + ": unknown setting '" + k + "'",
                                "give singular: { en: \"Policy brief\" } and plural: { en: \"Policy briefs\" }"));
                    }
                }
                types.put(key, new Taxonomy.PublicationType(key, labels(m.get(), "singular", "types: " + key, problems),
                        labels(m.get(), "plural", "types: " + key, problems)));
            }
        });
        boolean declared = !types.isEmpty();
        Map<String, Taxonomy.PublicationType> allTypes = declared ? types : d.types();
        String defaultType = y.string("default_type", problems).map(String::strip).orElse(allTypes.keySet().iterator().next());
        if (!allTypes.containsKey(defaultType)) {
            problems.add(Diagnostic.error(y.pos("default_type"), "default_type '" + defaultType + "' is not one of the types ("
                    + String.join(", ", allTypes.keySet()) + ")", "name one of them, or declare it under types:"));
            defaultType = allTypes.keySet().iterator().next();
        }
        return new Taxonomy(java.util.Collections.unmodifiableMap(tags), java.util.Collections.unmodifiableMap(allTypes), declared,
                defaultType, size(y, "paginate", d.paginate(), problems), size(y, "home_latest", d.homeLatest(), problems),
                size(y, "related", d.related(), problems));
    }

    private static boolean key(String key, YamlMap m, String where, List<Diagnostic> problems) {
        if (KEY.matcher(key).matches()) return true;
        problems.add(Diagnostic.error(m.pos(key), where + ": '" + key + "' cannot be a key",
                "write keys in lower case with hyphens, such as universal-health-coverage"));
        return false;
    }

    /** Labels per language: { en: "…", fr: "…" }, keys as language codes. */
    private static Map<String, String> labels(YamlMap m, String key, String where, List<Diagnostic> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!m.has(key)) return out;
        m.map(key, problems).ifPresent(l -> {
            for (String lang : l.keys()) {
                Optional<String> code = Language.canonicalCode(lang);
                if (code.isEmpty()) {
                    problems.add(Diagnostic.error(l.pos(lang), where + ": '" + lang + "' is not a language code",
                            "give one label per language, such as en: \"Harm reduction\""));
                    continue;
                }
                l.string(lang, problems).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(v -> out.put(code.get(), v));
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static int size(YamlMap y, String key, int fallback, List<Diagnostic> problems) {
        Optional<Integer> v = y.integer(key, problems);
        if (v.isPresent() && (v.get() < 1 || v.get() > 1000)) {
            problems.add(Diagnostic.error(y.pos(key), "'" + key + "' must be a number from 1 to 1000", "write " + key + ": " + fallback));
            return fallback;
        }
        return v.orElse(fallback);
    }
}
