package org.lastmile.text;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hyphenation patterns of one build: the vendored hyph-utf8 sets (en, fr, es, ru, de, pt, it; see
 * {@code src/main/resources/lastmile/hyphenation/README.md}) plus any a site supplies. Each language is read the
 * first time it is asked for and kept in this instance, which a build creates once and passes down; it is
 * thread-safe, so guides typeset in parallel share it. Languages are matched by BCP 47 tag, most specific first:
 * {@code pt-BR} uses {@code pt-br} patterns when there are some, else {@code pt}.
 */
public final class Hyphenation {
    private static final String RESOURCES = "/lastmile/hyphenation/";
    /** The vendored sets: tag → file base, TeX's left and right hyphen minima from the pattern file's header. */
    private static final Map<String, BuiltIn> BUILT_IN = Map.of(
            "en", new BuiltIn("hyph-en-us", 2, 3),
            "fr", new BuiltIn("hyph-fr", 2, 2),
            "es", new BuiltIn("hyph-es", 2, 2),
            "ru", new BuiltIn("hyph-ru", 2, 2),
            "de", new BuiltIn("hyph-de-1996", 2, 2),
            "pt", new BuiltIn("hyph-pt", 2, 3),
            "it", new BuiltIn("hyph-it", 2, 2));
    /** lastmile's floor whatever the patterns say: at least 2 letters before a break and 3 after. */
    static final int MIN_LEFT = 2;
    static final int MIN_RIGHT = 3;

    private record BuiltIn(String base, int leftMin, int rightMin) {
    }

    private final Map<String, Hyphenator> supplied;
    private final ConcurrentHashMap<String, Hyphenator> loaded = new ConcurrentHashMap<>();

    private Hyphenation(Map<String, Hyphenator> supplied) {
        this.supplied = supplied;
    }

    /** The vendored pattern sets, each loaded when first asked for. */
    public static Hyphenation builtIn() {
        return new Hyphenation(Map.of());
    }

    /** The languages with vendored patterns. */
    public static java.util.SortedSet<String> builtInLanguages() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(BUILT_IN.keySet()));
    }

    /**
     * A new set: this one plus the patterns of {@code patternFile} for {@code lang} (replacing the vendored ones of
     * that exact tag); this instance is left as it was. The file is read now; a problem with it is thrown as a {@link LastmileException} naming the file and
     * line. See {@link #withPatterns(String, Path, Path, List)} to collect problems instead.
     */
    public Hyphenation withPatterns(String lang, Path patternFile) {
        List<Diagnostic> problems = new ArrayList<>();
        Hyphenation h = withPatterns(lang, patternFile, patternFile, problems);
        if (!problems.isEmpty()) throw new LastmileException(problems);
        return h;
    }

    /**
     * Like {@link #withPatterns(String, Path)}, but reports problems into {@code problems} as
     * {@code shown:line: …} and then returns this set unchanged. {@code shown} is the file as the user knows it
     * (relative to the site).
     */
    public Hyphenation withPatterns(String lang, Path patternFile, Path shown, List<Diagnostic> problems) {
        String tag = normalise(lang);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(patternFile))).toString();
        } catch (CharacterCodingException e) {
            problems.add(Diagnostic.error(SourcePos.of(shown), "hyphenation patterns for '" + lang + "' are not UTF-8 text",
                    "save the file as UTF-8, like hyph-utf8's .pat.txt files"));
            return this;
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.of(shown), "cannot read the hyphenation patterns for '" + lang + "'",
                    "check that the file exists and can be read"));
            return this;
        }
        List<Diagnostic> found = new ArrayList<>();
        PatternParser parser = new PatternParser();
        parser.read(text, PatternParser.Kind.MIXED, shown, found);
        if (found.isEmpty() && parser.count() == 0) {
            found.add(Diagnostic.error(SourcePos.of(shown), "the hyphenation pattern file for '" + lang + "' has no patterns",
                    "use a plain pattern list such as hyph-utf8's hyph-" + tag + ".pat.txt"));
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            return this;
        }
        Map<String, Hyphenator> more = new HashMap<>(supplied);
        more.put(tag, new Hyphenator(tag, parser.trie(), parser.exceptions(), MIN_LEFT, MIN_RIGHT));
        return new Hyphenation(Map.copyOf(more));
    }

    /**
     * The patterns for {@code bcp47} ({@code en}, {@code en-GB}, {@code fr-CA}, {@code pt-BR}): those of the
     * longest prefix of the tag that has any. Empty for a language without patterns (or a malformed tag).
     */
    public Optional<Hyphenator> forLanguage(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) return Optional.empty();
        String tag = normalise(bcp47);
        while (!tag.isEmpty()) {
            Hyphenator own = supplied.get(tag);
            if (own != null) return Optional.of(own);
            if (BUILT_IN.containsKey(tag)) return Optional.of(loaded.computeIfAbsent(tag, Hyphenation::load));
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        return Optional.empty();
    }

    private static String normalise(String lang) {
        String t = Locale.forLanguageTag(lang.trim().replace('_', '-')).toLanguageTag().toLowerCase(Locale.ROOT);
        // Locale keeps an unknown tag as "und"; a site may still name a private language, e.g. "x-foo".
        return t.equals("und") ? lang.trim().toLowerCase(Locale.ROOT) : t;
    }

    private static Hyphenator load(String tag) {
        BuiltIn b = BUILT_IN.get(tag);
        PatternParser parser = new PatternParser();
        List<Diagnostic> problems = new ArrayList<>();
        for (String ext : List.of(".pat.txt", ".hyp.txt")) {
            String name = b.base() + ext;
            try (InputStream in = Hyphenation.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    if (ext.equals(".pat.txt")) throw new IllegalStateException("lastmile's jar lacks " + RESOURCES + name);
                    continue;
                }
                parser.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        ext.equals(".pat.txt") ? PatternParser.Kind.PATTERNS : PatternParser.Kind.EXCEPTIONS, Path.of(name), problems);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCES + name + " from lastmile's jar", e);
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException("vendored patterns are broken: " + problems);
        return new Hyphenator(tag, parser.trie(), parser.exceptions(),
                Math.max(MIN_LEFT, b.leftMin()), Math.max(MIN_RIGHT, b.rightMin()));
    }
}
