package org.lastmile.site;

import org.lastmile.config.SiteConfig;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What search engines and reference managers read from a paper page: schema.org JSON-LD (a {@code Report} with its
 * language, its translations or the work it translates, date and publisher) and Google Scholar's citation_* meta.
 */
final class StructuredData {
    private StructuredData() {
    }

    static void put(Map<String, Object> page, SiteIndex index, SourceFile sf, Map<String, SourceFile> versions,
                    Function<String, String> pathOf, String pdfUrl) {
        SiteConfig cfg = index.config();
        String publisher = cfg.organisation().name().isEmpty() ? cfg.title(sf.lang()) : cfg.organisation().name();
        String date = sf.fm().date().map(Object::toString).orElse("");
        StringBuilder j = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":\"Report\"");
        field(j, "headline", sf.fm().title());
        field(j, "name", sf.fm().title());
        if (!sf.fm().summary().isEmpty()) field(j, "description", sf.fm().summary());
        field(j, "inLanguage", sf.lang());
        field(j, "url", index.absolute(SiteIndex.path(sf)));
        if (!date.isEmpty()) field(j, "datePublished", date);
        j.append(",\"publisher\":{\"@type\":\"Organization\"");
        field(j, "name", publisher);
        if (!cfg.organisation().url().isEmpty()) field(j, "url", cfg.organisation().url());
        j.append('}');
        List<String> authors = sf.fm().authors();
        if (!authors.isEmpty()) {
            j.append(",\"author\":[");
            for (int i = 0; i < authors.size(); i++) {
                j.append(i == 0 ? "" : ",").append(authors.get(i).equals(publisher) ? "{\"@type\":\"Organization\"" : "{\"@type\":\"Person\"");
                field(j, "name", authors.get(i));
                j.append('}');
            }
            j.append(']');
        }
        String def = cfg.defaultLanguage();
        List<String> others = new ArrayList<>();
        versions.keySet().stream().filter(l -> !l.equals(sf.lang()) && index.exists(pathOf.apply(l))).forEach(others::add);
        if (sf.lang().equals(def)) {
            if (!others.isEmpty()) {
                j.append(",\"workTranslation\":[");
                for (int i = 0; i < others.size(); i++) {
                    j.append(i == 0 ? "" : ",").append("{\"@id\":").append(Json.scriptSafe(index.absolute(pathOf.apply(others.get(i))))).append('}');
                }
                j.append(']');
            }
        } else if (versions.containsKey(def) && index.exists(pathOf.apply(def))) {
            j.append(",\"translationOfWork\":{\"@id\":").append(Json.scriptSafe(index.absolute(pathOf.apply(def)))).append('}');
        }
        if (!pdfUrl.isEmpty()) field(j, "encoding", pdfUrl);
        j.append('}');
        page.put("jsonLd", j.toString());
        page.put("citation", Map.of("title", sf.fm().title(), "date", date.replace('-', '/'), "authors",
                authors.isEmpty() ? List.of(publisher) : authors, "publisher", publisher, "pdfUrl", pdfUrl));
    }

    private static void field(StringBuilder j, String name, String value) {
        j.append(",\"").append(name).append("\":").append(Json.scriptSafe(value));
    }
}
