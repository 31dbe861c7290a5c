package org.lastmile.cli;

import org.lastmile.config.Language;
import org.lastmile.content.ContentLoader;
import org.lastmile.content.TranslationState;
import org.lastmile.status.GitHistory;
import org.lastmile.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code lastmile status}: which translations are up to date, outdated, unknown or missing. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Show the translation state of every paper, guide and page in every language.",
                "Exit 1 with --fail-on when a cell is in one of the given states (for CI)."})
final class StatusCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Mixin
    LanguageOptions languages;
    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or markdown.")
    Format format = Format.text;
    @Option(names = "--diff", description = "Show the source's changes since each outdated translation (needs git history).")
    boolean diff;
    @Option(names = "--fail-on", split = ",", paramLabel = "STATE", description = "Exit 1 if any cell is: missing, outdated, unknown.")
    List<String> failOn = new ArrayList<>();

    @Override
    public Integer call() {
        Set<TranslationState> fail = EnumSet.noneOf(TranslationState.class);
        for (String f : failOn) {
            fail.add(java.util.Arrays.stream(TranslationState.values()).filter(s -> s.id().equals(f.trim())).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--fail-on " + f + ": use missing, outdated or unknown")));
        }
        var err = spec.commandLine().getErr();
        Optional<ContentLoader.Loaded> site = SiteLoad.load(source.root(), err);
        if (site.isEmpty()) return 1;
        var cfg = site.get().config();
        for (String l : languages.codes()) {
            if (cfg.language(l).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--lang " + l + ": the site has no such language (it has "
                        + String.join(", ", cfg.languages().stream().map(Language::code).toList()) + ")");
            }
        }
        StatusReport r = StatusReport.of(cfg, site.get().content(), languages.codes(), diff, new GitHistory(source.root()));
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> r.text();
            case json -> r.json();
            case markdown -> r.markdown();
        });
        out.flush();
        if (!fail.isEmpty() && r.any(fail)) {
            err.println("status: translations are " + String.join(" or ", fail.stream().map(TranslationState::label).toList())
                    + " (--fail-on)");
            return 1;
        }
        return 0;
    }
}
