package org.lastmile.cli;

import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.PdfCache;
import org.lastmile.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lastmile check}: everything a build would report, plus links, anchors and translations, writing nothing. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Check the site without writing anything.",
                "Reports every problem a build would, plus broken links and #anchors, links that fall back to another",
                "language, missing UI messages, characters the PDF fonts lack and guides that do not fit four pages.",
                "Exit 1 on errors (and on warnings with --strict)."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Mixin
    LanguageOptions languages;
    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Override
    public Integer call() {
        BuildOptions bo = new BuildOptions(source.root(), source.root().resolve("public"), languages.codes(), Optional.empty(), false, 0).asCheck();
        Build.Output o = Build.render(bo, new PdfCache());
        var out = spec.commandLine().getOut();
        for (Diagnostic d : o.diagnostics()) out.println(d.formatWithLevel());
        Reporter.guides(out, o.guides());
        long errors = o.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = o.diagnostics().size() - errors;
        boolean failed = errors > 0 || (strict && warnings > 0);
        out.println((failed ? "check failed: " : "check passed: ") + Reporter.counts(errors, warnings)
                + " (" + Reporter.plural(o.pages(), "page") + ", " + Reporter.plural(o.pdfs(), "PDF") + " checked)"
                + (strict && warnings > 0 && errors == 0 ? " — --strict makes warnings fail" : ""));
        return failed ? 1 : 0;
    }
}
