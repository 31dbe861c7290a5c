package org.lastmile.status;

import org.lastmile.diag.Json;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import org.lastmile.config.Language;
import org.lastmile.config.SiteConfig;
import org.lastmile.content.Content;
import org.lastmile.content.ContentKind;
import org.lastmile.content.SourceFile;
import org.lastmile.content.TranslationState;
import org.lastmile.content.TranslationStatus;
import org.lastmile.content.Translations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The translation matrix of a site (papers, guides and pages × languages) with, for outdated cells, what changed in
 * the source since the translation was made, when git history can tell. Formats as text, JSON or Markdown.
 */
public final class StatusReport {
    /** One cell, with the details an outdated translation needs. */
    public record Cell(TranslationStatus status, Optional<Sections.Changes> changes, Optional<String> diff) {
    }

    private final SiteConfig cfg;
    private final List<Cell> cells;
    private final List<String> languages;
    private final boolean gitAvailable;

    private StatusReport(SiteConfig cfg, List<Cell> cells, List<String> languages, boolean gitAvailable) {
        this.cfg = cfg;
        this.cells = cells;
        this.languages = languages;
        this.gitAvailable = gitAvailable;
    }

    /** The report for {@code languages} (all translation languages when empty); diffs only when asked for. */
    public static StatusReport of(SiteConfig cfg, Content content, List<String> languages, boolean withDiff, GitHistory git) {
        List<String> langs = languages.isEmpty()
                ? cfg.languages().stream().map(Language::code).filter(c -> !c.equals(cfg.defaultLanguage())).toList()
                : languages;
        List<Cell> cells = new ArrayList<>();
        for (TranslationStatus s : Translations.matrix(cfg, content)) {
            if (!langs.contains(s.lang())) continue;
            Optional<Sections.Changes> changes = Optional.empty();
            Optional<String> diff = Optional.empty();
            if (s.state() == TranslationState.OUTDATED) {
                Optional<String> old = git.bodyWithHash(s.source().path(), s.recordedHash().orElseThrow());
                if (old.isPresent()) {
                    changes = Optional.of(Sections.compare(old.get(), s.source().body()));
                    if (withDiff) diff = Optional.of(diff(s, old.get()));
                }
            }
            cells.add(new Cell(s, changes, diff));
        }
        return new StatusReport(cfg, List.copyOf(cells), List.copyOf(langs), git.available());
    }

    private static String diff(TranslationStatus s, String old) {
        List<String> a = Arrays.asList(old.split("\n", -1));
        List<String> b = Arrays.asList(s.source().body().split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        String name = s.source().path().toString().replace('\\', '/');
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(name + " (" + s.recordedHash().orElse("") + ")",
                name + " (" + s.source().bodyHash() + ")", a, patch, 2));
    }

    public List<Cell> cells() {
        return cells;
    }

    public Map<TranslationState, Integer> counts() {
        Map<TranslationState, Integer> m = new EnumMap<>(TranslationState.class);
        for (TranslationState st : TranslationState.values()) m.put(st, 0);
        cells.forEach(c -> m.merge(c.status().state(), 1, Integer::sum));
        return m;
    }

    /** Whether any cell is in one of {@code states}: the CI gate of --fail-on. */
    public boolean any(Set<TranslationState> states) {
        return cells.stream().anyMatch(c -> states.contains(c.status().state()));
    }

    private static String kind(ContentKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private String why(Cell c) {
        TranslationStatus s = c.status();
        String src = s.source().path().toString().replace('\\', '/');
        return switch (s.state()) {
            // After updating, the translator runs mark-translated; the hint says so.
            case OUTDATED -> "source " + src + " changed since " + s.recordedHash().orElse("") + " (now " + s.source().bodyHash() + ")"
                    + c.changes().map(ch -> "; " + ch.describe())
                    .orElse(gitAvailable ? "; that version is not in git history, so changed sections cannot be named"
                            : "; git is not available, so changed sections cannot be named")
                    + " — update it, then run: lastmile mark-translated " + file(c);
            case UNKNOWN -> "no translation_of, so it cannot be compared with its source — if it matches the source now, run: lastmile mark-translated " + file(c);
            case MISSING -> "not translated yet — start it with: lastmile new translation " + s.slug() + " --lang " + s.lang();
            case UP_TO_DATE -> "";
        };
    }

    private static String file(Cell c) {
        TranslationStatus s = c.status();
        return s.translation().map(SourceFile::path).orElseGet(() -> s.source().translationPath(s.lang()))
                .toString().replace('\\', '/');
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        Set<String> rows = new LinkedHashSet<>();
        cells.forEach(c -> rows.add(kind(c.status().kind()) + " " + c.status().slug()));
        int w = Math.max(12, rows.stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format("%-" + w + "s", "source (" + cfg.defaultLanguage() + ")"));
        for (String l : languages) sb.append(String.format("%-12s", l));
        sb.append('\n');
        for (String row : rows) {
            sb.append(String.format("%-" + w + "s", row));
            for (String l : languages) {
                String st = cells.stream().filter(c -> (kind(c.status().kind()) + " " + c.status().slug()).equals(row) && c.status().lang().equals(l))
                        .findFirst().map(c -> c.status().state().label()).orElse("-");
                sb.append(String.format("%-12s", st));
            }
            sb.append('\n');
        }
        List<Cell> notable = cells.stream().filter(c -> c.status().state() != TranslationState.UP_TO_DATE).toList();
        if (!notable.isEmpty()) sb.append('\n');
        for (Cell c : notable) {
            sb.append(file(c)).append(": ").append(c.status().state().label()).append(" — ").append(why(c)).append('\n');
            c.diff().ifPresent(d -> sb.append(d.indent(4)));
        }
        if (!gitAvailable && cells.stream().anyMatch(c -> c.status().state() == TranslationState.OUTDATED)) {
            sb.append("note: git history is not available here, so changed sections and --diff cannot be shown\n");
        }
        sb.append('\n').append(summary()).append('\n');
        return sb.toString();
    }

    public String summary() {
        Map<TranslationState, Integer> n = counts();
        return n.get(TranslationState.UP_TO_DATE) + " up to date, " + n.get(TranslationState.OUTDATED) + " outdated, "
                + n.get(TranslationState.UNKNOWN) + " unknown, " + n.get(TranslationState.MISSING) + " missing";
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("| content |");
        for (String l : languages) sb.append(' ').append(l).append(" |");
        sb.append("\n|---|");
        sb.append("---|".repeat(languages.size())).append('\n');
        Set<String> rows = new LinkedHashSet<>();
        cells.forEach(c -> rows.add(kind(c.status().kind()) + " `" + c.status().slug() + "`"));
        for (String row : rows) {
            sb.append("| ").append(row).append(" |");
            for (String l : languages) {
                String st = cells.stream().filter(c -> (kind(c.status().kind()) + " `" + c.status().slug() + "`").equals(row)
                        && c.status().lang().equals(l)).findFirst().map(c -> icon(c.status().state())).orElse("–");
                sb.append(' ').append(st).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (Cell c : cells) {
            if (c.status().state() == TranslationState.UP_TO_DATE) continue;
            sb.append("- `").append(file(c)).append("`: ").append(c.status().state().label()).append(" — ").append(why(c)).append('\n');
        }
        return sb.append('\n').append(summary()).append('\n').toString();
    }

    private static String icon(TranslationState s) {
        return switch (s) {
            case UP_TO_DATE -> "✅ up to date";
            case OUTDATED -> "⚠️ outdated";
            case UNKNOWN -> "❔ unknown";
            case MISSING -> "❌ missing";
        };
    }

    public String json() {
        StringBuilder sb = new StringBuilder("{\n  \"defaultLanguage\": ").append(Json.str(cfg.defaultLanguage()))
                .append(",\n  \"languages\": [");
        for (int i = 0; i < languages.size(); i++) sb.append(i == 0 ? "" : ", ").append(Json.str(languages.get(i)));
        sb.append("],\n  \"gitAvailable\": ").append(gitAvailable).append(",\n  \"summary\": {");
        Map<TranslationState, Integer> n = counts();
        int i = 0;
        for (TranslationState st : TranslationState.values()) sb.append(i++ == 0 ? "" : ", ").append(Json.str(st.id())).append(": ").append(n.get(st));
        sb.append("},\n  \"items\": [");
        for (int k = 0; k < cells.size(); k++) {
            Cell c = cells.get(k);
            TranslationStatus s = c.status();
            sb.append(k == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(Json.str(kind(s.kind())))
                    .append(", \"slug\": ").append(Json.str(s.slug()))
                    .append(", \"lang\": ").append(Json.str(s.lang()))
                    .append(", \"state\": ").append(Json.str(s.state().id()))
                    .append(", \"file\": ").append(Json.str(file(c)))
                    .append(", \"source\": ").append(Json.str(s.source().path().toString().replace('\\', '/')))
                    .append(", \"sourceHash\": ").append(Json.str(s.source().bodyHash()))
                    .append(", \"translationOf\": ").append(s.recordedHash().map(Json::str).orElse("null"));
            c.changes().ifPresent(ch -> sb.append(", \"changedSections\": ").append(Json.list(ch.changed()))
                    .append(", \"addedSections\": ").append(Json.list(ch.added()))
                    .append(", \"removedSections\": ").append(Json.list(ch.removed())));
            c.diff().ifPresent(d -> sb.append(", \"diff\": ").append(Json.str(d)));
            sb.append('}');
        }
        return sb.append("\n  ]\n}\n").toString();
    }
}
