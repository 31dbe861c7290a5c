package org.lastmile.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Long guides of real text for layout tests: the bodies of the sample publication's guides in one language, one
 * after another (about 2,000 English words, with headings, lists, tables, quotes and notes), optionally repeated.
 */
final class LongGuides {
    static final List<String> PAPERS = List.of("migrants-health", "drugs-harm-reduction", "uhc-last-mile",
            "community-monitoring");

    private LongGuides() {
    }

    /** Front matter of the migrants-health guide in {@code lang}, then the bodies, {@code times} over. */
    static String text(String lang, int times) {
        return text(lang, times, PAPERS.size());
    }

    /** As {@link #text(String, int)} with only the first {@code papers} guides. */
    static String text(String lang, int times, int papers) {
        StringBuilder b = new StringBuilder();
        String suffix = lang.equals("en") ? "" : "." + lang;
        String first = read(Path.of("content/papers/migrants-health/guide" + suffix + ".md"));
        b.append(first, 0, first.indexOf("\n---", 4) + 5).append('\n');
        int footnote = 0;
        for (int t = 0; t < times; t++) {
            for (String p : PAPERS.subList(0, papers)) {
                Path f = Path.of("content/papers/" + p + "/guide" + suffix + ".md");
                if (!Files.exists(f)) continue;
                String s = read(f);
                String body = s.substring(s.indexOf("\n---", 4) + 5);
                // footnote labels are per file: keep them apart
                footnote++;
                b.append(body.replaceAll("\\[\\^([^\\]]+)\\]", "[^" + footnote + "$1]")).append("\n\n");
            }
        }
        return b.toString();
    }

    /** The long guide as a spec, as if it were {@code content/papers/long/guide.<lang>.md}. */
    static GuideSpec spec(String lang, int times) {
        return spec(lang, times, PAPERS.size());
    }

    static GuideSpec spec(String lang, int times, int papers) {
        String name = lang.equals("en") ? "guide.md" : "guide." + lang + ".md";
        return Samples.spec(Path.of("content/papers/long").resolve(name), text(lang, times, papers));
    }

    static int words(String lang, int times) {
        String body = text(lang, times);
        body = body.substring(body.indexOf("\n---", 4) + 5);
        if (lang.equals("zh")) return (int) body.codePoints().filter(Character::isLetterOrDigit).count();
        return body.split("\\s+").length;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
