package org.lastmile.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything site.yaml says, validated once at load. {@code languages} is in the order of site.yaml (default first);
 * when site.yaml declares none, the content loader fills them in from file suffixes ({@link #withLanguages}).
 *
 * @param titles        the site title per language code; a language without one uses the default language's
 * @param baseUrl       absolute URL without trailing slash, or "" when unknown (then feeds and sitemaps use paths)
 * @param languagesDeclared whether site.yaml listed the languages (then a file in another language is an error)
 * @param baseUrlDeclared   whether site.yaml set base_url (even to something invalid, which is reported there)
 * @param unsafeLinksAsText {@code unsafe_links: text}: links with a forbidden scheme (javascript:, data:…) are shown
 *                          as plain text with a warning instead of failing the build
 * @param taxonomy      tags, publication types and list sizes
 */
public record SiteConfig(Path root, Map<String, String> titles, Map<String, String> descriptions, String baseUrl,
                         String defaultLanguage, List<Language> languages, boolean languagesDeclared,
                         Organisation organisation, PdfSettings pdf, boolean statusPage,
                         Map<String, Object> params, boolean baseUrlDeclared, boolean unsafeLinksAsText,
                         Taxonomy taxonomy) {

    public Optional<Language> language(String code) {
        return languages.stream().filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    public Language defaultLang() {
        return language(defaultLanguage).orElseGet(() -> Language.infer(defaultLanguage));
    }

    public String title(String lang) {
        return perLanguage(titles, lang, "lastmile");
    }

    public String description(String lang) {
        return perLanguage(descriptions, lang, "");
    }

    private String perLanguage(Map<String, String> m, String lang, String fallback) {
        String v = m.get(lang);
        if (v == null) v = m.get("*");
        if (v == null) v = m.get(defaultLanguage);
        return v == null ? fallback : v;
    }

    /** The path part of the base URL ("/docs" for https://x.org/docs), prefixed to every site link. */
    public String basePath() {
        if (baseUrl.isEmpty()) return "";
        int scheme = baseUrl.indexOf("://");
        int slash = baseUrl.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? "" : baseUrl.substring(slash);
    }

    public SiteConfig withLanguages(List<Language> langs) {
        return new SiteConfig(root, titles, descriptions, baseUrl, defaultLanguage, List.copyOf(langs),
                languagesDeclared, organisation, pdf, statusPage, params, baseUrlDeclared, unsafeLinksAsText, taxonomy);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(root, titles, descriptions, ConfigLoader.trimSlash(url), defaultLanguage, languages,
                languagesDeclared, organisation, pdf, statusPage, params, true, unsafeLinksAsText, taxonomy);
    }
}
