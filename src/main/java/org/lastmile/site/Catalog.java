package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Taxonomy;
import org.lastmile.content.Bundle;
import org.lastmile.content.Content;
import org.lastmile.content.PageGroup;
import org.lastmile.content.Slugs;
import org.lastmile.content.SourceFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a list can show, per language: news items, papers and guides with their date, tag keys and type. Tags
 * are keys: a tag written in front matter is a declared key, or a label of one in any language ("couverture
 * sanitaire universelle" → universal-health-coverage), or else its own key (its URL slug), so per-language tag words
 * keep working. Built once per build from the content; immutable.
 */
public final class Catalog {
    /** One listable item in one language. */
    public record Item(ListFilter.Kind kind, String slug, SourceFile source, LocalDate date, Set<String> tags,
                       String type, String path) {
        public String lang() {
            return source.lang();
        }
    }

    private static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::date).reversed()
            .thenComparing(i -> i.kind().ordinal()).thenComparing(Item::slug);

    private final SiteConfig cfg;
    private final Map<String, String> keyBySlug = new HashMap<>();
    private final Map<String, List<Item>> byLang = new HashMap<>();
    /** Tag key → language → the word as the newest item in that language writes it (for undeclared tags). */
    private final Map<String, Map<String, String>> words = new LinkedHashMap<>();
    private final Set<String> tagKeys = new TreeSet<>();
    private final Map<String, Item> byPath = new HashMap<>();
    private final Map<String, LangIndex> index = new HashMap<>();
    private static final int[] NONE = new int[0];

    public Catalog(SiteConfig cfg, Content content) {
        this.cfg = cfg;
        Taxonomy tx = cfg.taxonomy();
        tx.tags().forEach((key, labels) -> {
            keyBySlug.put(Slugs.slug(key), key);
            labels.values().forEach(l -> keyBySlug.putIfAbsent(Slugs.slug(l), key));
        });
        List<Item> all = new ArrayList<>();
        for (Bundle b : content.bundles()) {
            b.papers().forEach((lang, sf) -> all.add(item(ListFilter.Kind.PAPERS, b.slug(), sf, sf, SiteIndex.paper(b.slug(), lang))));
            b.guides().forEach((lang, sf) -> {
                SourceFile paper = b.paper(lang).or(() -> b.paper(cfg.defaultLanguage()))
                        .orElse(b.papers().values().iterator().next());
                all.add(item(ListFilter.Kind.GUIDES, b.slug(), sf, paper, SiteIndex.guide(b.slug(), lang)));
            });
        }
        for (PageGroup n : content.news()) {
            n.versions().forEach((lang, sf) -> all.add(item(ListFilter.Kind.NEWS, n.slug(), sf, sf, SiteIndex.news(n.slug(), lang))));
        }
        all.sort(NEWEST_FIRST);
        for (Item i : all) {
            byPath.put(i.path(), i);
            byLang.computeIfAbsent(i.lang(), k -> new ArrayList<>()).add(i);
            tagKeys.addAll(i.tags());
        }
        byLang.forEach((lang, items) -> index.put(lang, LangIndex.of(items)));
        // The word each language uses for an undeclared tag: the newest item's spelling.
        for (Item i : all) {
            for (String t : i.source().fm().tags()) {
                words.computeIfAbsent(tagKey(t), k -> new HashMap<>()).putIfAbsent(i.lang(), t);
            }
        }
    }

    private Item item(ListFilter.Kind kind, String slug, SourceFile sf, SourceFile typed, String path) {
        Set<String> tags = new LinkedHashSet<>();
        typed.fm().tags().forEach(t -> tags.add(tagKey(t)));
        sf.fm().tags().forEach(t -> tags.add(tagKey(t)));
        tags.remove("");
        // An unknown type was reported at load; the paper is listed under the default one meanwhile.
        String type = kind == ListFilter.Kind.NEWS ? null : typed.fm().type().filter(cfg.taxonomy().types()::containsKey)
                .orElse(cfg.taxonomy().defaultType());
        LocalDate date = sf.fm().date().or(() -> typed.fm().date()).orElse(LocalDate.EPOCH);
        return new Item(kind, slug, sf, date, java.util.Collections.unmodifiableSet(tags), type, path);
    }

    /** The key of a tag as written in front matter. */
    public String tagKey(String written) {
        String s = Slugs.slug(written);
        return keyBySlug.getOrDefault(s, s);
    }

    /** Every tag key some item carries, sorted. */
    public Set<String> tagKeys() {
        return java.util.Collections.unmodifiableSet(tagKeys);
    }

    /** Whether {@code key} is a tag a list can filter on: declared, or carried by some item. */
    public boolean knownTag(String key) {
        return tagKeys.contains(key) || cfg.taxonomy().tags().containsKey(key);
    }

    /** The tag's label in {@code lang}: the declared one, else the word items in that language (or the default) use. */
    public String tagLabel(String key, String lang) {
        Map<String, String> declared = cfg.taxonomy().tags().get(key);
        if (declared != null) return declared.getOrDefault(lang, key);
        Map<String, String> w = words.getOrDefault(key, Map.of());
        return Optional.ofNullable(w.get(lang)).or(() -> Optional.ofNullable(w.get(cfg.defaultLanguage())))
                .or(() -> w.values().stream().findFirst()).orElse(key);
    }

    /** Every item in {@code lang}, newest first. */
    public List<Item> items(String lang) {
        return byLang.getOrDefault(lang, List.of());
    }

    /** The items of a filter in {@code lang}, newest first. */
    public List<Item> list(String lang, ListFilter f) {
        return items(lang).stream().filter(i -> matches(i, f)).toList();
    }

    /**
     * The items of a filter in {@code lang}, plus the default language's items that have no version in {@code lang}
     * (marked by their own language), newest first.
     */
    public List<Item> listWithFallback(String lang, ListFilter f) {
        List<Item> here = list(lang, f);
        // A partial build without the default language has no pages to fall back to.
        if (lang.equals(cfg.defaultLanguage()) || cfg.language(cfg.defaultLanguage()).isEmpty()) return here;
        Set<String> present = new java.util.HashSet<>();
        here.forEach(i -> present.add(i.kind() + "/" + i.slug()));
        List<Item> out = new ArrayList<>(here);
        list(cfg.defaultLanguage(), f).stream().filter(i -> !present.contains(i.kind() + "/" + i.slug())).forEach(out::add);
        out.sort(NEWEST_FIRST);
        return out;
    }

    static boolean matches(Item i, ListFilter f) {
        if (f.kind() != ListFilter.Kind.ALL && f.kind() != i.kind()) return false;
        // Tag pages list news and papers; a paper's guide is one click away on its card.
        if (f.kind() == ListFilter.Kind.ALL && i.kind() == ListFilter.Kind.GUIDES) return false;
        if (f.tag() != null && !i.tags().contains(f.tag())) return false;
        return f.type() == null || f.type().equals(i.type());
    }

    /**
     * Items related to {@code item} in its language: most shared tags first, then same type, then newest; never the
     * item itself (nor, for a paper, its guide) and never a guide. Only the items sharing a tag are scored (through
     * the tag index) and the rest come from the type index in newest-first order, so a page costs what its tags'
     * items cost, not the whole language: scoring every item made the site's build quadratic in its size.
     */
    public List<Item> related(Item item, int limit) {
        LangIndex idx = index.get(item.lang());
        if (limit <= 0 || idx == null) return List.of();
        int total = 0;
        for (String t : item.tags()) total += idx.byTag().getOrDefault(t, NONE).length;
        // Positions in the newest-first list of every item sharing a tag, once per shared tag: equal runs count them.
        int[] sharing = new int[total];
        int at = 0;
        for (String t : item.tags()) {
            int[] p = idx.byTag().getOrDefault(t, NONE);
            System.arraycopy(p, 0, sharing, at, p.length);
            at += p.length;
        }
        java.util.Arrays.sort(sharing);
        // One sort key per candidate: fewer shared tags, then another type, then later in the newest-first list.
        long[] keys = new long[total];
        int n = 0;
        int maxShared = item.tags().size();
        for (int i = 0; i < total; ) {
            int pos = sharing[i];
            int j = i;
            while (j < total && sharing[j] == pos) j++;
            Item o = idx.items().get(pos);
            if (!isSelf(o, item)) {
                boolean sameType = o.type() != null && o.type().equals(item.type());
                keys[n++] = ((long) (maxShared - (j - i)) << 33) | ((sameType ? 0L : 1L) << 32) | pos;
            }
            i = j;
        }
        java.util.Arrays.sort(keys, 0, n);
        List<Item> out = new ArrayList<>(Math.min(limit, n));
        for (int k = 0; k < n && out.size() < limit; k++) out.add(idx.items().get((int) keys[k]));
        if (out.size() < limit && item.type() != null) {
            // Then items sharing no tag but the type, newest first.
            for (int pos : idx.byType().getOrDefault(item.type(), NONE)) {
                if (out.size() >= limit) break;
                Item o = idx.items().get(pos);
                if (!isSelf(o, item) && java.util.Arrays.binarySearch(sharing, pos) < 0) out.add(o);
            }
        }
        return List.copyOf(out);
    }

    /** The item, or its paper or guide: a paper's guide is one click away, so it is no related reading. */
    private static boolean isSelf(Item o, Item item) {
        return o.slug().equals(item.slug()) && (o.kind() == item.kind()
                || o.kind() != ListFilter.Kind.NEWS && item.kind() != ListFilter.Kind.NEWS);
    }

    /**
     * The related-items index of one language: its items newest first, and the positions in that list of the items
     * (guides left out) carrying each tag and each type, ascending, so newest first too.
     */
    private record LangIndex(List<Item> items, Map<String, int[]> byTag, Map<String, int[]> byType) {
        static LangIndex of(List<Item> items) {
            Map<String, List<Integer>> tags = new HashMap<>();
            Map<String, List<Integer>> types = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (it.kind() == ListFilter.Kind.GUIDES) continue;
                for (String t : it.tags()) tags.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                if (it.type() != null) types.computeIfAbsent(it.type(), k -> new ArrayList<>()).add(i);
            }
            return new LangIndex(items, ints(tags), ints(types));
        }

        private static Map<String, int[]> ints(Map<String, List<Integer>> m) {
            Map<String, int[]> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return out;
        }
    }

    /** The catalog item of a source file (a paper, guide or news item), if it is listable. */
    public Optional<Item> itemOf(SourceFile sf) {
        return Optional.ofNullable(byPath.get(SiteIndex.path(sf)));
    }

    /** The languages of the site, for list pages that exist in every one. */
    List<Language> languages() {
        return cfg.languages();
    }
}
