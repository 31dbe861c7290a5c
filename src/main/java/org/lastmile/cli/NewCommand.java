package org.lastmile.cli;

import org.lastmile.config.ConfigLoader;
import org.lastmile.content.ContentLoader;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.scaffold.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lastmile new paper|translation}: start content from templates, never overwriting a file. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Create a new paper bundle, or start a translation from its source.",
        subcommands = {NewCommand.Paper.class, NewCommand.Translation.class})
final class NewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to create: lastmile new paper <slug> or lastmile new translation <slug> --lang L");
    }

    static int report(CommandSpec spec, List<Path> written, String next) {
        var out = spec.commandLine().getOut();
        for (Path p : written) out.println("created " + p.toString().replace('\\', '/'));
        if (!next.isEmpty()) out.println(next);
        return 0;
    }

    static int fail(CommandSpec spec, LastmileException e) {
        Reporter.print(spec.commandLine().getErr(), e.diagnostics());
        return 1;
    }

    /** {@code lastmile new paper <slug>}. */
    @Command(name = "paper", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, description = "Create content/papers/<slug>/ with a paper and a guide in the default language.")
    static final class Paper implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Parameters(paramLabel = "SLUG", description = "Folder name and URL of the paper, e.g. harm-reduction-2027.")
        String slug;

        @Override
        public Integer call() {
            List<Diagnostic> problems = new ArrayList<>();
            var cfg = ConfigLoader.load(source.root(), problems);
            try {
                // The date a new paper starts with is today's: it is the author's to change, not output of a build.
                List<Path> w = Scaffold.newPaper(source.root(), cfg, slug, LocalDate.now());
                return report(spec, w, "next: write the paper, then run lastmile build (or lastmile preview)");
            } catch (LastmileException e) {
                return fail(spec, e);
            }
        }
    }

    /** {@code lastmile new translation <slug> --lang L}. */
    @Command(name = "translation", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = "Copy the default-language paper and guide (or page) <slug> into <lang> files, with translation_of filled in.")
    static final class Translation implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Parameters(paramLabel = "SLUG", description = "The paper's folder name or the page's file name without .md.")
        String slug;
        @Option(names = "--lang", required = true, paramLabel = "L", description = "The language to translate into.")
        String lang;

        @Override
        public Integer call() {
            Optional<ContentLoader.Loaded> site = SiteLoad.load(source.root(), spec.commandLine().getErr());
            if (site.isEmpty()) return 1;
            try {
                Scaffold.Created c = Scaffold.newTranslation(source.root(), site.get().config(), site.get().content(), slug, lang);
                for (Path k : c.kept()) spec.commandLine().getOut().println("kept " + k.toString().replace('\\', '/') + " (it exists already)");
                return report(spec, c.written(), "next: translate the text (keep the front matter keys), then preview it with lastmile preview --lang " + lang);
            } catch (LastmileException e) {
                return fail(spec, e);
            }
        }
    }
}
