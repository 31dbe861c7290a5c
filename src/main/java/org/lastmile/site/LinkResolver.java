package org.lastmile.site;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.lastmile.config.Language;
import org.lastmile.config.SiteFiles;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the links of one document for its language. A relative link between papers ({@code ../other/}) or to a
 * source file ({@code ../other/index.md}) goes to the page in the same language; when that page is not translated,
 * to the version in the default language (or any other), marked with its language so the reader is told the truth.
 * Links to pages that exist nowhere are reported. Rewrites the tree in place to site paths with the base path.
 */
public final class LinkResolver {

    /** A link that goes to another language because the target is not translated. */
    public record Fallback(Language target) {
    }

    /**
     * What resolution found: fallbacks to mark in HTML, problems to report, and notes that only {@code lastmile
     * check} reports (links that work but send the reader to another language).
     */
    public record Result(Map<Node, Fallback> fallbacks, List<Diagnostic> problems, List<Diagnostic> notes,
                         Map<Node, String> imageSources) {
    }

    private final SiteIndex index;
    private final java.util.function.Function<String, ParsedDoc.Facts> docs;

    /** @param docs every parsed document by its site path, to check #fragments against their headings */
    public LinkResolver(SiteIndex index, Map<String, ParsedDoc> docs) {
        this(index, (java.util.function.Function<String, ParsedDoc.Facts>) p -> {
            ParsedDoc d = docs.get(p);
            return d == null ? null : d.facts();
        });
    }

    /**
     * @param facts the headings and anchors of every document by its site path (null for none): all link
     *              resolution needs of the other documents, so their trees need not be kept
     */
    public LinkResolver(SiteIndex index, java.util.function.Function<String, ParsedDoc.Facts> facts) {
        this.index = index;
        this.docs = facts;
    }

    public Result resolve(ParsedDoc doc) {
        Map<Node, Fallback> fallbacks = new IdentityHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<Diagnostic> notes = new ArrayList<>();
        Map<Node, String> images = new IdentityHashMap<>();
        UnsafeLinks.neutralise(doc, index.config().unsafeLinksAsText(), problems);
        visit(doc.doc(), doc, fallbacks, problems, notes, images);
        return new Result(fallbacks, problems, notes, images);
    }

    private void visit(Node n, ParsedDoc doc, Map<Node, Fallback> fallbacks, List<Diagnostic> problems, List<Diagnostic> notes,
                       Map<Node, String> images) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link link) {
                resolveLink(link, doc, fallbacks, problems, notes);
            } else if (c instanceof Image img) {
                checkImage(img, doc, problems, images);
            }
            visit(c, doc, fallbacks, problems, notes, images);
        }
    }

    private void checkAnchor(Link link, ParsedDoc doc, String targetPath, String fragment, List<Diagnostic> problems) {
        if (fragment.length() <= 1) return;
        ParsedDoc.Facts target = targetPath == null ? doc.facts() : docs.apply(targetPath);
        if (target == null) return; // a list page: its ids come from the theme
        String id = java.net.URLDecoder.decode(fragment.substring(1), java.nio.charset.StandardCharsets.UTF_8);
        if (!target.anchors().contains(id)) {
            problems.add(Diagnostic.warning(MarkdownStage.pos(doc.source(), link), "link to '" + link.getUrl()
                    + "': no heading with id '" + id + "' on " + (targetPath == null ? "this page" : targetPath),
                    target.toc().isEmpty() ? "remove the #fragment" : "ids there: " + String.join(", ",
                            target.toc().stream().map(t -> t.id()).limit(8).toList())));
        }
    }

    private void resolveLink(Link link, ParsedDoc doc, Map<Node, Fallback> fallbacks, List<Diagnostic> problems,
                             List<Diagnostic> notes) {
        String url = link.getUrl().toString();
        if (url.startsWith("#")) checkAnchor(link, doc, null, url, problems);
        if (url.isEmpty() || url.startsWith("#") || isExternal(url)) return;
        SourceFile sf = doc.source();
        String here = base(sf);
        // target?query#fragment: only the target is resolved; the rest goes along unchanged.
        int cut = firstOf(url, '?', '#');
        String target = url.substring(0, cut);
        String suffix = url.substring(cut);
        int hash = suffix.indexOf('#');
        String fragment = hash < 0 ? "" : suffix.substring(hash);
        Optional<String> path;
        if (!target.startsWith("/") && !SiteFiles.staysInside(root(), beside(sf, target))) {
            problems.add(Diagnostic.error(MarkdownStage.pos(sf, link), "link to '" + url + "' leads out of the site folder",
                    "link only to files of the site: put the file beside the Markdown file and write its name"));
            link.setUrl(BasedSequence.of("#"));
            return;
        }
        if (target.endsWith(".md")) {
            Path file = sf.file().getParent().resolve(target).normalize();
            // The file names the content; the link goes to that content in this document's language.
            path = index.pathOfSource(file).map(p -> "/" + sf.lang() + p.substring(p.indexOf('/', 1)));
        } else {
            Optional<String> r = resolvePath(here, target);
            if (r.isEmpty()) {
                problems.add(Diagnostic.warning(MarkdownStage.pos(sf, link), "link to '" + url + "' is not a usable address",
                        "write a relative path such as ../other-paper/, or a full URL"));
                return;
            }
            String resolved = r.get();
            if (!resolved.endsWith("/") && !resolved.contains(".")) resolved += "/";
            if (isResource(resolved)) {
                // A file beside the paper: published in its folder, so it works from the guide page and the PDF too.
                link.setUrl(BasedSequence.of(index.href(index.sharedResource(resolved)) + suffix));
                return;
            }
            path = Optional.of(resolved);
        }
        if (path.isEmpty()) {
            problems.add(Diagnostic.warning(MarkdownStage.pos(sf, link), "link to '" + url + "': no such file",
                    "check the path; links to other content can name the file, like ../other-paper/index.md"));
            return;
        }
        String p = path.get();
        if (!index.exists(p)) {
            Optional<Map.Entry<Language, String>> other = otherLanguage(p, sf.lang());
            if (other.isEmpty() && index.inLanguageLeftOut(p)) return;
            if (other.isEmpty()) {
                problems.add(Diagnostic.warning(MarkdownStage.pos(sf, link), "link to '" + url + "' goes to " + p
                        + ", which does not exist", "check the slug; the link is left as written"));
                return;
            }
            fallbacks.put(link, new Fallback(other.get().getKey()));
            notes.add(Diagnostic.warning(MarkdownStage.pos(sf, link), "link to '" + url + "': " + p
                    + " is not translated, so readers get the "
                    + other.get().getKey().locale().getDisplayLanguage(com.ibm.icu.util.ULocale.ENGLISH) + " version " + other.get().getValue(),
                    "translate it, or link to another page"));
            p = other.get().getValue();
        }
        checkAnchor(link, doc, p, fragment, problems);
        link.setUrl(BasedSequence.of(index.href(p) + suffix));
    }

    /** The same path in another language, default language first: what a reader gets instead of a 404. */
    private Optional<Map.Entry<Language, String>> otherLanguage(String p, String lang) {
        String[] parts = p.split("/", 3);
        if (parts.length < 3) return Optional.empty();
        return index.translations(p).stream().filter(e -> !e.getKey().code().equals(lang)).findFirst();
    }

    /**
     * What relative links in a file are resolved against: the URL of the file's folder, so a link means the same
     * in index.md and in guide.md beside it (both live in the paper's folder, /lang/papers/slug/).
     */
    static String base(SourceFile sf) {
        return sf.kind() == org.lastmile.content.ContentKind.GUIDE ? SiteIndex.paper(sf.slug(), sf.lang()) : SiteIndex.path(sf);
    }

    /**
     * Checks that an image file exists and works out its address on the site. The tree keeps the path as written
     * (the PDF renderer reads the file beside the Markdown); only the HTML gets {@code imageSources}.
     */
    private void checkImage(Image img, ParsedDoc doc, List<Diagnostic> problems, Map<Node, String> images) {
        String url = img.getUrl().toString();
        if (url.isEmpty() || isExternal(url)) return;
        if (url.startsWith("/")) {
            images.put(img, index.href(url));
            return; // a file of static/, published at the site root
        }
        Path f = beside(doc.source(), url);
        if (!SiteFiles.staysInside(root(), f) || (Files.exists(f) && SiteFiles.inside(root(), f).isEmpty())) {
            problems.add(Diagnostic.error(MarkdownStage.pos(doc.source(), img), "image '" + url + "' is outside the site folder",
                    "put the image in the site (beside the Markdown file, or in static/) and write its path from there"));
            img.setUrl(BasedSequence.of("")); // so that no renderer reads it
            return;
        }
        if (SiteFiles.isHidden(root(), f)) {
            problems.add(Diagnostic.error(MarkdownStage.pos(doc.source(), img), "image '" + url + "' is a hidden or backup file, which is never published",
                    "rename it without the leading dot (or the backup mark)"));
            img.setUrl(BasedSequence.of(""));
            return;
        }
        if (!Files.isRegularFile(f)) {
            problems.add(Diagnostic.error(MarkdownStage.pos(doc.source(), img), "image '" + url + "' not found",
                    "put the file beside the Markdown file or fix the path"));
            return;
        }
        // Files beside a paper are published in its folder; images once, for every language.
        resolvePath(base(doc.source()), url).ifPresent(resolved -> images.put(img, index.href(index.sharedResource(resolved))));
    }

    private Path root() {
        return index.config().root();
    }

    /** The file a relative URL names beside the source file; a name no file can have names nothing in the site. */
    private Path beside(SourceFile sf, String url) {
        try {
            return sf.file().getParent().resolve(decoded(url)).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return sf.file().getParent().resolve("(not a file name)");
        }
    }

    /** A relative URL as the file path it names: %-escapes decoded (as the PDF renderer reads it). */
    private static String decoded(String url) {
        String clean = url;
        int cut = firstOf(clean, '?', '#');
        clean = clean.substring(0, cut);
        try {
            return java.net.URLDecoder.decode(clean.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return clean;
        }
    }

    private static boolean isResource(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") && !last.endsWith(".html");
    }

    static boolean isExternal(String url) {
        return EXTERNAL.matcher(url).matches() || url.startsWith("//");
    }

    // Compiled once: String.matches compiled it again for every link and image of every document.
    private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /**
     * {@code target} resolved against the site path {@code base}, as a browser would, with any characters in it
     * ("%", "|", spaces, any script) taken literally. Empty when it cannot be a path at all.
     */
    static Optional<String> resolvePath(String base, String target) {
        try {
            URI b = new URI(null, null, base, null);
            URI t = new URI(null, null, target, null);
            String p = b.resolve(t).getPath();
            return p == null || p.isEmpty() ? Optional.empty() : Optional.of(p);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j < 0 ? s.length() : j;
        return j < 0 ? i : Math.min(i, j);
    }
}
