package org.lastmile.site;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.PageGroup;
import org.lastmile.i18n.Locales;
import org.lastmile.i18n.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of list pages (news, papers, guides, types, tags; one page of each at a time), of the blocks that show
 * a list's newest items (home page, embedded lists), of the feed, and the sitemap's dates, all read from the
 * {@link Catalog}.
 */
final class ListPages {
    private final SiteIndex index;
    private final PageModels models;
    private final Messages messages;
    private final SiteConfig cfg;

    ListPages(SiteIndex index, PageModels models, Messages messages) {
        this.index = index;
        this.models = models;
        this.messages = messages;
        this.cfg = index.config();
    }

    private Map<String, Object> model(Language lang, String path, Map<String, Object> page) {
        Map<String, Object> m = models.common(lang, path);
        m.put("page", page);
        return m;
    }

    /** The newest items of a filter, with the link to its full list: a home section or an embedded list. */
    Map<String, Object> section(Language lang, ListFilter f, int limit, boolean fallback) {
        List<Catalog.Item> all = fallback ? index.catalog().listWithFallback(lang.code(), f) : index.catalog().list(lang.code(), f);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", all.stream().limit(limit).map(i -> models.item(i, lang)).toList());
        m.put("total", all.size());
        m.put("allUrl", index.href(f.path(lang.code())));
        m.put("title", listTitle(f, lang));
        m.put("kind", f.kind().id());
        return m;
    }

    /** The feed: the newest news items, papers and guides of one language. */
    List<Map<String, Object>> feedItems(Language lang) {
        return index.catalog().items(lang.code()).stream().limit(50).map(i -> {
            Map<String, Object> m = new LinkedHashMap<>(models.item(i, lang));
            m.put("absoluteUrl", index.absolute(i.path()));
            m.put("authors", i.source().fm().authors());
            return m;
        }).toList();
    }

    /** What a list page is called: its kind or type, and its tag. */
    private String listTitle(ListFilter f, Language lang) {
        String code = lang.code();
        String what = switch (f.kind()) {
            case NEWS -> messages.format(code, "news_heading");
            case PAPERS -> f.type() != null ? models.typeLabel(f.type(), lang, true) : messages.format(code, "publications");
            case GUIDES -> f.type() != null ? messages.format(code, "guides_of_type", Map.of("type", models.typeLabel(f.type(), lang, true)))
                    : messages.format(code, "guides_heading");
            case ALL -> "";
        };
        if (f.tag() == null) return what;
        String tag = index.catalog().tagLabel(f.tag(), code);
        return what.isEmpty() ? messages.format(code, "tag_heading", Map.of("tag", tag))
                : messages.format(code, "list_tagged", Map.of("what", what, "tag", tag));
    }

    Map<String, Object> listPage(Language lang, ListFilter f, List<Catalog.Item> items, int n, int pages) {
        String code = lang.code();
        String path = f.path(code, n);
        String heading = listTitle(f, lang);
        String title = n > 1 ? heading + " · " + messages.format(code, "page_n_of", Map.of("n", n, "count", pages)) : heading;
        Map<String, Object> p = models.page(PageKind.LIST, lang, path, title,
                messages.format(code, "list_description", Map.of("title", title, "site", siteLine(code))));
        int per = cfg.taxonomy().paginate();
        p.put("heading", heading);
        p.put("listKind", f.kind().id());
        p.put("tag", f.tag() == null ? "" : index.catalog().tagLabel(f.tag(), code));
        p.put("total", items.size());
        p.put("countText", messages.format(code, switch (f.kind()) {
            case NEWS -> "news_count";
            case PAPERS -> "papers_count";
            case GUIDES -> "guides_count";
            case ALL -> "items_count";
        }, Map.of("count", items.size())));
        p.put("items", items.subList(Math.min(items.size(), (n - 1) * per), Math.min(items.size(), n * per)).stream()
                .map(i -> models.item(i, lang)).toList());
        p.put("pageNumber", n);
        p.put("pageCount", pages);
        p.put("prevUrl", n > 1 ? index.href(f.path(code, n - 1)) : "");
        p.put("nextUrl", n < pages ? index.href(f.path(code, n + 1)) : "");
        return model(lang, path, p);
    }

    /** What list pages add to their title in their description: the site's description, else its title. */
    private String siteLine(String code) {
        return cfg.description(code).isEmpty() ? cfg.title(code) : cfg.description(code);
    }

    /** Every tag of the site with its label and number of items in {@code lang}, sorted by label (ICU collation). */
    List<Map<String, Object>> tagEntries(Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : index.catalog().tagKeys()) {
            int count = index.catalog().list(lang.code(), ListFilter.ofTag(key)).size();
            out.add(Map.of("key", key, "name", index.catalog().tagLabel(key, lang.code()),
                    "url", index.href(SiteIndex.tag(lang.code(), key)), "count", count));
        }
        out.sort(Locales.collating(lang.locale(), (Map<String, Object> e) -> (String) e.get("name")));
        return out;
    }

    Map<String, Object> tagsPage(Language lang) {
        String path = SiteIndex.tags(lang.code());
        Map<String, Object> p = models.page(PageKind.TAGS, lang, path, messages.format(lang.code(), "all_tags"),
                messages.format(lang.code(), "list_description", Map.of("title", messages.format(lang.code(), "all_tags"), "site", siteLine(lang.code()))));
        // Only tags this language uses; the page of any other tag is still reached by its language switcher.
        p.put("tagsList", tagEntries(lang).stream().filter(e -> ((Integer) e.get("count")) > 0).toList());
        return model(lang, path, p);
    }

    /**
     * The sitemap's lastmod of each page: its date, or for lists and home pages the newest item they show; for the
     * rest the newest date of the site.
     */
    java.util.function.Function<String, String> lastmod() {
        Map<String, String> m = new java.util.HashMap<>();
        String newest = "";
        int per = cfg.taxonomy().paginate();
        for (Language l : cfg.languages()) {
            List<Catalog.Item> items = index.catalog().items(l.code());
            items.forEach(i -> m.put(i.path(), i.date().toString()));
            if (items.isEmpty()) continue;
            String top = items.get(0).date().toString();
            if (top.compareTo(newest) > 0) newest = top;
            m.put(SiteIndex.home(l.code()), top);
            m.put(SiteIndex.tags(l.code()), top);
            for (ListFilter f : index.lists()) {
                List<Catalog.Item> li = index.catalog().list(l.code(), f);
                for (int n = 0; n * per < li.size(); n++) m.put(f.path(l.code(), n + 1), li.get(n * per).date().toString());
            }
        }
        for (PageGroup p : index.content().pages()) {
            p.versions().values().forEach(sf -> sf.fm().date().ifPresent(d -> m.put(SiteIndex.path(sf), d.toString())));
        }
        // Undated pages and empty lists: the newest date of the site, which changes when the site does.
        String site = newest;
        return path -> m.getOrDefault(path, site);
    }

}
