package org.lastmile.text;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads hyphenation data in the plain form of hyph-utf8's {@code .pat.txt} and {@code .hyp.txt} files: whitespace
 * separated entries, {@code %} starting a comment. An entry with digits is a Liang pattern ({@code hy3ph},
 * {@code .ach4}); an entry without digits is an exception word with its break points as hyphens
 * ({@code as-so-ciate}; {@code present}, never broken). Both may stand in one site file.
 */
final class PatternParser {
    private final PatternTrie.Builder trie = new PatternTrie.Builder();
    private final Map<String, int[]> exceptions = new HashMap<>();
    private int count;

    /** What the entries of a file are: only patterns, only exceptions, or either, told apart by their digits. */
    enum Kind { PATTERNS, EXCEPTIONS, MIXED }

    /** Reads {@code text}; problems are reported against {@code shown} with their line. */
    void read(String text, Kind kind, Path shown, List<Diagnostic> problems) {
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int pct = line.indexOf('%');
            if (pct >= 0) line = line.substring(0, pct);
            for (String token : line.trim().split("\\s+")) {
                if (token.isEmpty()) continue;
                String problem = entry(token, kind);
                if (problem != null) {
                    problems.add(Diagnostic.error(SourcePos.of(shown, n + 1), "'" + token + "' " + problem,
                            "write one Liang pattern per line (letters with digits between them, such as hy3ph or .ach4) "
                                    + "or an exception word with its hyphens (hy-phen-ation), as in hyph-utf8's .pat.txt files"));
                } else {
                    count++;
                }
            }
        }
    }

    /** Adds one entry; returns what is wrong with it, or null. */
    private String entry(String token, Kind kind) {
        String t = token.replace('’', '\'').replace('ʼ', '\'');
        // A pattern may have no digit at all (hyph-es has ".reunim", all zeros); in a mixed file a word without
        // digits or dots is taken for an exception, which is what a person writing one by hand means.
        boolean pattern = switch (kind) {
            case PATTERNS -> true;
            case EXCEPTIONS -> false;
            case MIXED -> t.chars().anyMatch(c -> (c >= '0' && c <= '9') || c == '.');
        };
        return pattern ? pattern(t) : exception(t);
    }

    private String pattern(String t) {
        StringBuilder letters = new StringBuilder();
        byte[] vals = new byte[t.length() + 1];
        boolean digitBefore = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digitBefore) return "has two digits in a row: it is not a hyphenation pattern";
                vals[letters.length()] = (byte) (c - '0');
                digitBefore = true;
                continue;
            }
            digitBefore = false;
            if (c != '.' && c != '\'' && c != '-' && !Character.isLetter(c) && !isMark(c)) {
                return "contains '" + c + "', which is not a letter: it is not a hyphenation pattern";
            }
            letters.append(Character.toLowerCase(c));
        }
        if (letters.isEmpty()) return "has no letters: it is not a hyphenation pattern";
        int dot = letters.indexOf(".", 1);
        if (dot >= 0 && dot < letters.length() - 1) return "has a '.' inside: a dot marks only the start or end of a word";
        trie.add(letters.toString(), java.util.Arrays.copyOf(vals, letters.length() + 1));
        return null;
    }

    private String exception(String t) {
        StringBuilder letters = new StringBuilder();
        int[] points = new int[t.length()];
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-') {
                if (letters.isEmpty() || i == t.length() - 1 || t.charAt(i + 1) == '-') {
                    return "has a hyphen at its start or end or two in a row: it is not an exception word";
                }
                points[n++] = letters.length();
                continue;
            }
            if (!Character.isLetter(c) && c != '\'' && !isMark(c)) {
                return "contains '" + c + "': an exception word has only letters and hyphens";
            }
            letters.append(Character.toLowerCase(c));
        }
        exceptions.put(letters.toString(), java.util.Arrays.copyOf(points, n));
        return null;
    }

    static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** How many entries were read without a problem. */
    int count() {
        return count;
    }

    PatternTrie trie() {
        return trie.build();
    }

    Map<String, int[]> exceptions() {
        return Map.copyOf(exceptions);
    }
}
