package org.lastmile.cli;

import org.lastmile.content.ContentLoader;
import org.lastmile.diag.LastmileException;
import org.lastmile.scaffold.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lastmile mark-translated FILE…}: record that translations now match their current source. */
@Command(name = "mark-translated", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "After updating a translation, set its translation_of to the current source's hash.")
final class MarkTranslatedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Translation files, e.g. content/papers/x/index.fr.md")
    List<Path> files;

    @Override
    public Integer call() {
        Optional<ContentLoader.Loaded> site = SiteLoad.load(source.root(), spec.commandLine().getErr());
        if (site.isEmpty()) return 1;
        int code = 0;
        for (Path f : files) {
            // A path is taken as the shell gives it: relative to where the command runs.
            Path rel = source.root().relativize(Path.of("").toAbsolutePath().resolve(f).normalize());
            try {
                String hash = Scaffold.markTranslated(source.root(), site.get().config(), site.get().content(), rel);
                spec.commandLine().getOut().println(rel.toString().replace('\\', '/') + ": translation_of: " + hash);
            } catch (LastmileException e) {
                Reporter.print(spec.commandLine().getErr(), e.diagnostics());
                code = 1;
            }
        }
        return code;
    }
}
