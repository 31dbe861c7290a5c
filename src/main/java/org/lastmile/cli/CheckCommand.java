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
                "language, missing UI messages, characters the PDF fonts lack and guides that do not fit four pages;",
                "with --pdf-ua, PDFs that fail PDF/UA-1 or PDF/A-2a.",
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
    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: findings and each guide's layout, size and fullness.")
    String format = "text";
    @Option(names = "--pdf-ua", description = "Also validate every guide and paper PDF with veraPDF against PDF/UA-1 and PDF/A-2a, the standards they claim (slower: about a second a PDF).")
    boolean pdfUa;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + ": use text or json");
        }
        BuildOptions bo = new BuildOptions(source.root(), source.root().resolve("public"), languages.codes(), Optional.empty(), false, 0).asCheck();
        Build.Output o = Build.render(bo, new PdfCache());
        if (pdfUa) o = o.withMore(org.lastmile.pipeline.PdfConformance.check(o.files()));
        var out = spec.commandLine().getOut();
        long errors = o.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = o.diagnostics().size() - errors;
        boolean failed = errors > 0 || (strict && warnings > 0);
        if (format.equals("json")) {
            out.println(json(o, errors, warnings, failed));
            return failed ? 1 : 0;
        }
        for (Diagnostic d : o.diagnostics()) out.println(d.formatWithLevel());
        Reporter.guides(out, o.guides());
        out.println((failed ? "check failed: " : "check passed: ") + Reporter.counts(errors, warnings)
                + " (" + Reporter.plural(o.pages(), "page") + ", " + Reporter.plural(o.pdfs(), "PDF") + " checked)"
                + (strict && warnings > 0 && errors == 0 ? " — --strict makes warnings fail" : ""));
        return failed ? 1 : 0;
    }

    /** The check as JSON, for CI: counts, findings with file and line, and every guide's layout. */
    private static String json(org.lastmile.pipeline.Build.Output o, long errors, long warnings, boolean failed) {
        StringBuilder b = new StringBuilder("{\n  \"passed\": ").append(!failed).append(",\n  \"errors\": ").append(errors)
                .append(",\n  \"warnings\": ").append(warnings).append(",\n  \"findings\": [");
        String sep = "\n";
        for (Diagnostic d : o.diagnostics()) {
            b.append(sep).append("    {\"level\": ").append(org.lastmile.diag.Json.str(d.isError() ? "error" : "warning"))
                    .append(", \"file\": ").append(org.lastmile.diag.Json.str(d.pos() == null || d.pos().path() == null ? "" : d.pos().path().toString()))
                    .append(", \"line\": ").append(d.pos() == null ? 0 : d.pos().line())
                    .append(", \"message\": ").append(org.lastmile.diag.Json.str(d.message()))
                    .append(", \"hint\": ").append(org.lastmile.diag.Json.str(d.hint() == null ? "" : d.hint())).append('}');
            sep = ",\n";
        }
        b.append(o.diagnostics().isEmpty() ? "" : "\n  ").append("],\n  \"guides\": [");
        sep = "\n";
        for (var e : o.guides().entrySet()) {
            var r = e.getValue();
            b.append(sep).append("    {\"pdf\": ").append(org.lastmile.diag.Json.str(e.getKey()))
                    .append(", \"layout\": ").append(org.lastmile.diag.Json.str(r.layout().label()))
                    .append(", \"size\": ").append(org.lastmile.pdf.layout.GuideLayout.formatSize(r.size()))
                    .append(", \"fullness\": ").append(Math.round(r.fullness() * 100) / 100.0).append('}');
            sep = ",\n";
        }
        return b.append(o.guides().isEmpty() ? "" : "\n  ").append("]\n}").toString();
    }
}
