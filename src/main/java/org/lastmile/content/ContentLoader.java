package org.lastmile.content;

import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code content/} into the content model: which papers, guides and pages exist in which languages, with
 * front matter validated and translations completed from their default-language version.
 */
public final class ContentLoader {
    private static final Pattern NAME = Pattern.compile("^(.+?)(?:\\.([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*))?\\.md$");
    /** Page slugs that would land on a page lastmile makes itself: /lang/tags/, /lang/papers/… */
    private static final java.util.Set<String> RESERVED_PAGES = java.util.Set.of("tags", "papers", "404", "atom.xml", "index",
            "news", "guides", "types", "page");

    private ContentLoader() {
    }

    /** The loaded content and the config, its languages completed from the files when site.yaml named none. */
    public record Loaded(SiteConfig config, Content content) {
    }

    private record Name(String base, String lang) {
    }

    /** Reads site.yaml and content/ of the site at {@code root}: what every command that reads a site starts with. */
    public static Loaded loadSite(Path root, boolean includeDrafts, List<Diagnostic> problems) {
        return load(org.lastmile.config.ConfigLoader.load(root, problems), includeDrafts, problems);
    }

    public static Loaded load(SiteConfig config, boolean includeDrafts, List<Diagnostic> problems) {
        Path root = config.root();
        Path contentDir = root.resolve("content");
        if (!Files.isDirectory(contentDir)) {
            problems.add(Diagnostic.error(SourcePos.of(root.resolve("content")), "there is no content/ folder",
                    "run lastmile in a site folder, or pass --source DIR; lastmile new paper <slug> starts one"));
            return new Loaded(config, new Content(List.of(), List.of(), List.of()));
        }
        List<Path> files = org.lastmile.config.SiteFiles.walk(root, contentDir, problems);
        SiteConfig cfg = config.languagesDeclared() ? config : config.withLanguages(inferLanguages(config, files, root));

        Map<String, Map<String, SourceFile>> papers = new TreeMap<>();
        Map<String, Map<String, SourceFile>> guides = new TreeMap<>();
        Map<String, List<Path>> resources = new TreeMap<>();
        Map<String, Map<String, SourceFile>> pages = new TreeMap<>();
        Map<String, Map<String, SourceFile>> news = new TreeMap<>();

        Map<String, String> pageSlugsLower = new TreeMap<>();
        Map<String, String> paperSlugsLower = new TreeMap<>();
        // Reading, decoding and the front matter's YAML are most of loading a big site and depend on nothing else:
        // done for every Markdown file at once, on all cores; the walk below then takes what it publishes.
        Map<Path, Pre> pre = files.parallelStream().filter(f -> f.getFileName().toString().endsWith(".md"))
                .collect(java.util.stream.Collectors.toConcurrentMap(f -> f, f -> preRead(root.relativize(f), f)));
        for (Path file : files) {
            Path rel = root.relativize(file);
            Path inContent = contentDir.relativize(file);
            int depth = inContent.getNameCount();
            String top = inContent.getName(0).toString();
            String name = file.getFileName().toString();
            // Hidden and backup files (editors and file managers leave them beside real files) are never content.
            if (org.lastmile.config.SiteFiles.isIgnored(inContent)) continue;
            boolean md = name.endsWith(".md");
            if (top.equals("papers") && depth >= 3 && !(depth == 3 && md)) {
                String slug = inContent.getName(1).toString();
                // Any other file in a paper's folder, at any depth, is published beside the paper in each language.
                if (!md) resources.computeIfAbsent(slug, k -> new ArrayList<>()).add(file);
                else problems.add(Diagnostic.warning(SourcePos.of(rel), "Markdown file in a sub-folder of a paper is not published",
                        "a paper bundle holds index.<lang>.md and guide.<lang>.md directly in content/papers/<slug>/"));
            } else if (top.equals("papers") && depth == 3) {
                String slug = inContent.getName(1).toString();
                Optional<Name> n = name(cfg, rel, problems);
                if (n.isEmpty() || !checkSlug(slug, rel, problems)) continue;
                // Case-insensitive file systems (macOS, Windows, many servers) would merge their folders.
                String otherPaper = paperSlugsLower.putIfAbsent(slug.toLowerCase(java.util.Locale.ROOT), slug);
                if (otherPaper != null && !otherPaper.equals(slug)) {
                    problems.add(Diagnostic.error(SourcePos.of(rel), "paper '" + slug + "' differs from paper '" + otherPaper
                            + "' only in case", "give them different names: they would be one folder on many servers"));
                    continue;
                }
                switch (n.get().base()) {
                    case "index" -> read(cfg, ContentKind.PAPER, slug, n.get().lang(), rel, file, problems, pre)
                            .ifPresent(sf -> put(papers, slug, sf, problems));
                    case "guide" -> read(cfg, ContentKind.GUIDE, slug, n.get().lang(), rel, file, problems, pre)
                            .ifPresent(sf -> put(guides, slug, sf, problems));
                    default -> problems.add(Diagnostic.warning(SourcePos.of(rel), "Markdown file is not a paper or guide, so it is not published",
                            "a paper bundle holds index.<lang>.md and guide.<lang>.md; move pages to content/pages/"));
                }
            } else if (top.equals("pages") && depth == 2 && md) {
                Optional<Name> n = name(cfg, rel, problems);
                if (n.isEmpty() || !checkSlug(n.get().base(), rel, problems)) continue;
                String slug = n.get().base();
                String lower = slug.toLowerCase(java.util.Locale.ROOT);
                if (RESERVED_PAGES.contains(lower)) {
                    problems.add(Diagnostic.error(SourcePos.of(rel), "a page cannot be called '" + slug
                            + "': lastmile makes /<lang>/" + lower + "/ itself", "rename the file, e.g. to my-" + lower + ".md"));
                    continue;
                }
                // About/ and about/ are one folder on macOS and Windows servers.
                String other = pageSlugsLower.putIfAbsent(lower, slug);
                if (other != null && !other.equals(slug)) {
                    problems.add(Diagnostic.error(SourcePos.of(rel), "page '" + slug + "' differs from page '" + other + "' only in case",
                            "give them different names: they would be one folder on many servers"));
                    continue;
                }
                read(cfg, ContentKind.PAGE, slug, n.get().lang(), rel, file, problems, pre)
                        .ifPresent(sf -> put(pages, sf.slug(), sf, problems));
            } else if (top.equals("news") && depth == 2 && md) {
                Optional<Name> n = name(cfg, rel, problems);
                if (n.isEmpty() || !checkSlug(n.get().base(), rel, problems)) continue;
                read(cfg, ContentKind.NEWS, n.get().base(), n.get().lang(), rel, file, problems, pre)
                        .ifPresent(sf -> put(news, sf.slug(), sf, problems));
            } else if (top.equals("news")) {
                problems.add(Diagnostic.warning(SourcePos.of(rel), "files beside news items are not published",
                        "put a news item's image in static/ (published at the site root) and write image: /images/name.jpg"));
            } else if (top.equals("pages")) {
                problems.add(Diagnostic.warning(SourcePos.of(rel), "files beside pages are not published",
                        "put images for pages in static/ (published at the site root) and write ![…](/images/name.png)"));
            } else {
                problems.add(Diagnostic.warning(SourcePos.of(rel), "file is outside any paper bundle or pages folder, so it is not published",
                        "papers go in content/papers/<slug>/, pages in content/pages/<slug>.<lang>.md, news in content/news/<slug>.<lang>.md"));
            }
        }

        String def = cfg.defaultLanguage();
        List<Bundle> bundles = new ArrayList<>();
        TreeSet<String> slugs = new TreeSet<>(papers.keySet());
        slugs.addAll(guides.keySet());
        for (String slug : slugs) {
            Map<String, SourceFile> p = complete(cfg, papers.getOrDefault(slug, Map.of()), includeDrafts, problems);
            Map<String, SourceFile> g = complete(cfg, guides.getOrDefault(slug, Map.of()), includeDrafts, problems);
            if (p.isEmpty() && !papers.containsKey(slug)) {
                SourceFile any = g.values().stream().findFirst().orElse(null);
                if (any != null) problems.add(Diagnostic.error(SourcePos.of(any.path()), "community guide without a briefing paper",
                        "add index.md to " + any.path().getParent()));
                continue;
            }
            // A guide takes its date from its paper: in its language, else the default language's.
            Map<String, SourceFile> dated = new LinkedHashMap<>();
            g.forEach((lang, sf) -> {
                SourceFile paper = p.getOrDefault(lang, p.get(def));
                dated.put(lang, paper == null ? sf : sf.withFrontMatter(sf.fm().withDateFrom(paper.fm())));
            });
            for (SourceFile sf : p.values()) {
                // Reported once, on the file that should carry it: translations inherit the date, and a date that is
                // present but wrong was already reported where it stands.
                SourceFile owner = p.getOrDefault(def, sf);
                if (owner == sf && sf.fm().date().isEmpty() && !sf.fm().keys().contains("date") && !sf.fm().unreadable()) {
                    problems.add(Diagnostic.error(SourcePos.of(sf.path(), 2), "front matter: 'date' is missing",
                            "papers need date: YYYY-MM-DD (translations take it from the " + def + " version)"));
                }
            }
            if (p.isEmpty()) continue; // every version a draft
            List<Path> res = resources.getOrDefault(slug, List.of());
            bundles.add(new Bundle(slug, contentDir.resolve("papers").resolve(slug), p, ordered(cfg, dated), List.copyOf(res)));
        }
        List<PageGroup> pageGroups = new ArrayList<>();
        pages.forEach((slug, versions) -> {
            Map<String, SourceFile> v = complete(cfg, versions, includeDrafts, problems);
            if (!v.isEmpty()) pageGroups.add(new PageGroup(slug, v));
        });
        List<PageGroup> newsGroups = new ArrayList<>();
        news.forEach((slug, versions) -> {
            Map<String, SourceFile> v = complete(cfg, versions, includeDrafts, problems);
            SourceFile owner = versions.getOrDefault(def, versions.values().iterator().next());
            if (owner.fm().date().isEmpty() && !owner.fm().keys().contains("date")) {
                problems.add(Diagnostic.error(SourcePos.of(owner.path(), 2), "front matter: 'date' is missing",
                        "news items need date: YYYY-MM-DD (translations take it from the " + def + " version)"));
            }
            for (SourceFile sf : versions.values()) {
                for (String paper : sf.fm().papers()) {
                    if (!papers.containsKey(paper)) {
                        problems.add(Diagnostic.error(sf.fm().pos("papers", SourcePos.of(sf.path(), 2)), "front matter: 'papers' names '"
                                + paper + "', which is not a paper", "give the folder name of a paper in content/papers/, such as "
                                + papers.keySet().stream().findFirst().orElse("my-paper")));
                    }
                }
            }
            if (!v.isEmpty()) newsGroups.add(new PageGroup(slug, v));
        });
        for (Map<String, SourceFile> versions : papers.values()) {
            for (SourceFile sf : versions.values()) {
                sf.fm().type().filter(t -> !cfg.taxonomy().types().containsKey(t)).ifPresent(t -> problems.add(Diagnostic.error(
                        sf.fm().pos("type", SourcePos.of(sf.path(), 2)), "front matter: type '" + t + "' is not one of the site's types ("
                                + String.join(", ", cfg.taxonomy().types().keySet()) + ")", "use one of them, or declare it under types: in site.yaml")));
            }
        }
        return new Loaded(cfg, new Content(List.copyOf(bundles), List.copyOf(pageGroups), List.copyOf(newsGroups)));
    }

    /** Translations inherit from the default-language version; drafts are dropped unless asked for. */
    private static Map<String, SourceFile> complete(SiteConfig cfg, Map<String, SourceFile> versions,
                                                    boolean includeDrafts, List<Diagnostic> problems) {
        SourceFile base = versions.get(cfg.defaultLanguage());
        Map<String, SourceFile> out = new LinkedHashMap<>();
        versions.forEach((lang, sf) -> {
            SourceFile full = base == null || sf == base ? sf : sf.withFrontMatter(sf.fm().inheritFrom(base.fm()));
            if (!full.fm().draft() || includeDrafts) out.put(lang, full);
        });
        return ordered(cfg, out);
    }

    private static Map<String, SourceFile> ordered(SiteConfig cfg, Map<String, SourceFile> m) {
        Map<String, SourceFile> out = new LinkedHashMap<>();
        for (Language l : cfg.languages()) {
            if (m.containsKey(l.code())) out.put(l.code(), m.get(l.code()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void put(Map<String, Map<String, SourceFile>> into, String slug, SourceFile sf, List<Diagnostic> problems) {
        Map<String, SourceFile> m = into.computeIfAbsent(slug, k -> new TreeMap<>());
        SourceFile prev = m.putIfAbsent(sf.lang(), sf);
        if (prev != null) {
            problems.add(Diagnostic.error(SourcePos.of(sf.path()), "two files for language '" + sf.lang() + "': this one and " + prev.path(),
                    "a file without a language suffix is in the default language; keep only one of them"));
        }
    }

    private static boolean checkSlug(String slug, Path rel, List<Diagnostic> problems) {
        if (Slugs.isUsable(slug)) return true;
        problems.add(Diagnostic.error(SourcePos.of(rel), "'" + slug + "' cannot be used in a URL",
                "name it with letters, digits and hyphens, such as my-paper"));
        return false;
    }

    private static Optional<Name> name(SiteConfig cfg, Path rel, List<Diagnostic> problems) {
        String fn = rel.getFileName().toString();
        Matcher m = NAME.matcher(fn);
        if (!m.matches()) {
            problems.add(Diagnostic.error(SourcePos.of(rel), "cannot read a slug and language from the file name",
                    "name it <slug>.<lang>.md, such as about.fr.md"));
            return Optional.empty();
        }
        String base = m.group(1);
        if (m.group(2) == null) return Optional.of(new Name(base, cfg.defaultLanguage()));
        if (m.group(2).contains("_")) {
            problems.add(Diagnostic.error(SourcePos.of(rel), "'" + m.group(2) + "' in the file name is not a valid language code",
                    "write language codes with a hyphen, such as " + base + "." + m.group(2).substring(0, m.group(2).indexOf('_'))
                            + ".md or " + base + "." + m.group(2).replace('_', '-') + ".md"));
            return Optional.empty();
        }
        Optional<String> code = Language.canonicalCode(m.group(2));
        if (code.isEmpty()) {
            problems.add(Diagnostic.error(SourcePos.of(rel), "'" + m.group(2) + "' in the file name is not a known language code",
                    "use a BCP 47 code such as " + base + ".fr.md, " + base + ".zh.md or " + base + ".pt-BR.md"));
            return Optional.empty();
        }
        if (cfg.language(code.get()).isEmpty()) {
            problems.add(Diagnostic.error(SourcePos.of(rel), "language '" + code.get() + "' is not one of the site's languages ("
                            + String.join(", ", cfg.languages().stream().map(Language::code).toList()) + ")",
                    "add '- code: " + code.get() + "' to languages in site.yaml"));
            return Optional.empty();
        }
        return Optional.of(new Name(base, code.get()));
    }

    /** A Markdown file read ahead: its front matter and body, or why it could not be read. */
    private record Pre(Optional<FrontMatterParser.Split> split, FrontMatter fm, List<Diagnostic> problems) {
    }

    private static Pre preRead(Path rel, Path file) {
        List<Diagnostic> problems = new ArrayList<>();
        Optional<String> read = org.lastmile.config.SourceText.read(file, rel, problems);
        if (read.isEmpty()) return new Pre(Optional.empty(), null, problems);
        Optional<FrontMatterParser.Split> split = FrontMatterParser.split(rel, read.get(), problems);
        if (split.isEmpty()) return new Pre(split, null, problems);
        FrontMatter fm = FrontMatterParser.parse(rel, split.get(), problems);
        return new Pre(split, fm, problems);
    }

    private static Optional<SourceFile> read(SiteConfig cfg, ContentKind kind, String slug, String lang, Path rel, Path file,
                                             List<Diagnostic> problems, Map<Path, Pre> pre) {
        Pre p = pre.get(file);
        if (p == null) p = preRead(rel, file);
        problems.addAll(p.problems());
        if (p.split().isEmpty()) return Optional.empty();
        FrontMatter fm = p.fm();
        if (fm.title().isEmpty() && !fm.unreadable() && !fm.keys().contains("title")) {
            problems.add(Diagnostic.error(SourcePos.of(rel, 2), "front matter: 'title' is missing", "add title: \"…\""));
        }
        return Optional.of(new SourceFile(kind, slug, lang, rel, file, fm, p.split().get().body(), p.split().get().bodyLine()));
    }

    /**
     * A short, stable hash of a body: line endings and trailing spaces do not count, so an editor's re-save does
     * not mark every translation outdated ({@link BodyDigest}).
     */
    public static String hash(String body) {
        return BodyDigest.of(body);
    }

    private static List<Language> inferLanguages(SiteConfig cfg, List<Path> files, Path root) {
        TreeSet<String> codes = new TreeSet<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (m.matches() && m.group(2) != null) Language.canonicalCode(m.group(2)).ifPresent(codes::add);
        }
        codes.remove(cfg.defaultLanguage());
        List<Language> out = new ArrayList<>();
        out.add(Language.infer(cfg.defaultLanguage()));
        codes.forEach(c -> out.add(Language.infer(c)));
        return out;
    }

}
