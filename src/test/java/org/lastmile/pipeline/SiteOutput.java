package org.lastmile.pipeline;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a built site the way a browser and a crawler do: the tags and attributes of its HTML, where every link goes,
 * and whether it arrives. Deliberately small (regular expressions over the double-quoted attributes the theme and
 * Flexmark write), so it has no dependency of its own.
 */
public final class SiteOutput {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)((?:\\s+[^>]*?)?)\\s*(/?)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:.-]*)(?:\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern ANY_TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\\s[^>]*)?>");
    private static final Set<String> CHECKED_ELEMENTS = Set.of("html", "head", "body", "div", "section", "nav", "article",
            "header", "footer", "main", "aside", "table", "thead", "tbody", "tr", "ul", "ol", "li", "p", "a", "h1", "h2",
            "h3", "h4", "h5", "h6", "span", "time", "sup", "blockquote", "pre", "code", "em", "strong", "del", "cite");

    private SiteOutput() {
    }

    /** One start tag and its attributes (values unescaped). */
    public record Tag(String name, Map<String, String> attrs) {
        public String attr(String n) {
            return attrs.get(n);
        }
    }

    /** HTML without scripts, styles and comments: what the checks below look at. */
    public static String markup(String html) {
        return html.replaceAll("(?s)<script\\b.*?</script>", "")
                .replaceAll("(?s)<style\\b.*?</style>", "")
                .replaceAll("(?s)<!--.*?-->", "");
    }

    /** Every start tag named {@code name} ("" for all), in document order. */
    public static List<Tag> tags(String html, String name) {
        List<Tag> out = new ArrayList<>();
        Matcher m = TAG.matcher(markup(html));
        while (m.find()) {
            if (!name.isEmpty() && !m.group(1).equalsIgnoreCase(name)) continue;
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTR.matcher(m.group(2));
            while (a.find()) attrs.put(a.group(1).toLowerCase(), a.group(2) == null ? "" : unescape(a.group(2)));
            out.add(new Tag(m.group(1).toLowerCase(), attrs));
        }
        return out;
    }

    /** The part of {@code html} from the first match of {@code startRegex} to the next {@code </end>}, or "". */
    public static String block(String html, String startRegex, String end) {
        Matcher m = Pattern.compile(startRegex).matcher(html);
        if (!m.find()) return "";
        int close = html.indexOf("</" + end + ">", m.start());
        return close < 0 ? html.substring(m.start()) : html.substring(m.start(), close);
    }

    /** The language switcher's languages, in order (empty when the page has none). */
    public static List<String> switcher(String html) {
        return tags(block(html, "<nav class=\"lang-switcher\"", "nav"), "a").stream().map(t -> t.attr("hreflang")).toList();
    }

    /** {@code <link rel="alternate" hreflang=…>} of a page (feeds excluded): hreflang → href, in order. */
    public static Map<String, String> alternates(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags(block(html, "<head>", "head"), "link")) {
            if ("alternate".equals(t.attr("rel")) && t.attr("type") == null && t.attr("hreflang") != null) {
                if (out.put(t.attr("hreflang"), t.attr("href")) != null) out.put(t.attr("hreflang") + " (twice)", t.attr("href"));
            }
        }
        return out;
    }

    public static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The URL path a file is served at: "en/papers/x/index.html" → "/en/papers/x/", "en/404.html" → "/en/404.html". */
    public static String urlPath(String rel) {
        if (rel.equals("index.html")) return "/";
        if (rel.endsWith("/index.html")) return "/" + rel.substring(0, rel.length() - "index.html".length());
        return "/" + rel;
    }

    /**
     * Every link of the site that does not arrive: each href and src of every HTML page, every loc and alternate of
     * sitemap.xml, every link of the Atom feeds and robots.txt's Sitemap line. A link arrives when its site path is a
     * file of the output (a path ending in "/" meaning its index.html) and its #fragment, if any, is an id of the
     * target page. Absolute URLs under {@code baseUrl} are site links; other absolute URLs are not checked.
     *
     * @return one line per dead link: "file: url — why"
     */
    public static List<String> deadLinks(Path out, String baseUrl, Map<String, byte[]> files) {
        List<String> dead = new ArrayList<>();
        Map<String, Set<String>> idsCache = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String rel = f.getKey();
            String text = new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> urls = new ArrayList<>();
            if (rel.endsWith(".html")) {
                for (Tag t : tags(text, "")) {
                    if (t.attr("href") != null) urls.add(t.attr("href"));
                    if (t.attr("src") != null) urls.add(t.attr("src"));
                }
            } else if (rel.endsWith(".xml")) {
                Matcher m = Pattern.compile("<loc>([^<]*)</loc>|\\shref=\"([^\"]*)\"").matcher(text);
                while (m.find()) urls.add(unescape(m.group(1) != null ? m.group(1) : m.group(2)));
                if (urls.isEmpty()) dead.add(rel + ": has no links at all");
            } else if (rel.equals("robots.txt")) {
                Matcher m = Pattern.compile("(?m)^Sitemap:\\s*(\\S+)").matcher(text);
                while (m.find()) urls.add(m.group(1));
            }
            for (String url : urls) {
                String why = check(out, baseUrl, rel, url, files, idsCache);
                if (why != null) dead.add(rel + ": " + url + " — " + why);
            }
        }
        return dead;
    }

    private static String check(Path out, String baseUrl, String fromRel, String url, Map<String, byte[]> files,
                                Map<String, Set<String>> idsCache) {
        if (url.isEmpty()) return "empty link";
        if (url.startsWith("mailto:") || url.startsWith("data:") || url.startsWith("tel:")) return null;
        String target = url;
        boolean absolute = url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//");
        if (absolute) {
            if (baseUrl.isEmpty() || !(url.equals(baseUrl) || url.startsWith(baseUrl + "/") || url.startsWith(baseUrl + "#"))) {
                return null; // another site
            }
            target = url.substring(baseUrl.length());
            if (target.isEmpty()) target = "/";
        } else if (!fromRel.endsWith(".html")) {
            if (!url.startsWith("/")) return "a feed or sitemap link must be absolute";
        }
        URI resolved;
        try {
            // URI takes Unicode letters in paths but not spaces; percent-escapes are decoded by getPath().
            URI page = new URI("http", "site.invalid", basePath(baseUrl) + urlPath(fromRel), null);
            URI ref = new URI(target.replace(" ", "%20").replace("|", "%7C"));
            // java.net.URI resolves a bare "#x" against the page's folder, not the page: do it by hand.
            resolved = target.startsWith("#") ? new URI("http", "site.invalid", page.getPath(), ref.getFragment()) : page.resolve(ref);
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getMessage();
        }
        if (resolved.getHost() != null && !resolved.getHost().equals("site.invalid")) return null;
        String path = resolved.getPath();
        if (path == null || path.isEmpty()) path = "/";
        if (!absolute) {
            // A link in a page: the site lives below the base URL's path ("/docs" for https://x.org/docs).
            String base = basePath(baseUrl);
            if (!path.startsWith(base + "/")) return "outside the site's base path '" + base + "/'";
            path = path.substring(base.length());
        }
        String fragment = resolved.getFragment();
        String rel = path.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) rel += "index.html";
        if (!files.containsKey(rel)) {
            return Files.isDirectory(out.resolve(rel)) ? "a folder: link to it with a trailing '/'" : "no such file " + rel;
        }
        if (fragment != null && !fragment.isEmpty()) {
            if (!rel.endsWith(".html")) return "a #fragment on a file that is not a page";
            Set<String> ids = idsCache.computeIfAbsent(rel, r -> new HashSet<>(ids(new String(files.get(r), java.nio.charset.StandardCharsets.UTF_8))));
            if (!ids.contains(fragment)) return "no id '" + fragment + "' in " + rel;
        }
        return null;
    }

    /** The path part of a base URL: "/docs" for https://x.org/docs, "" for https://x.org or no base URL. */
    public static String basePath(String baseUrl) {
        int scheme = baseUrl.indexOf("://");
        if (scheme < 0) return "";
        int slash = baseUrl.indexOf('/', scheme + 3);
        return slash < 0 ? "" : baseUrl.substring(slash);
    }

    /** Every id attribute of a page, in order (duplicates kept). */
    public static List<String> ids(String html) {
        return tags(html, "").stream().map(t -> t.attr("id")).filter(java.util.Objects::nonNull).toList();
    }

    /** Ids that occur more than once in a page. */
    public static Set<String> duplicateIds(String html) {
        Set<String> seen = new HashSet<>();
        Set<String> dup = new TreeSet<>();
        for (String id : ids(html)) if (!seen.add(id)) dup.add(id);
        return dup;
    }

    /**
     * Whether the common container and text elements are properly nested and closed; null when they are, else the
     * first problem (e.g. "&lt;/div&gt; closes &lt;section&gt;").
     */
    public static String nestingProblem(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = ANY_TAG.matcher(markup(html));
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (!CHECKED_ELEMENTS.contains(name) || m.group().endsWith("/>")) continue;
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else if (open.isEmpty()) {
                return "</" + name + "> closes nothing (at offset " + m.start() + ")";
            } else if (!open.peek().equals(name)) {
                return "</" + name + "> closes <" + open.peek() + "> (at offset " + m.start() + ")";
            } else {
                open.pop();
            }
        }
        return open.isEmpty() ? null : "not closed: " + open;
    }
}
