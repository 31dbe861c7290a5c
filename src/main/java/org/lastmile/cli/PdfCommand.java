package org.lastmile.cli;

import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lastmile pdf FILE [-o OUT]}: typeset one guide (or paper) for a quick look. */
@Command(name = "pdf", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Typeset one community guide (guide.<lang>.md) or paper (index.<lang>.md) to PDF.",
                "The site is found from the file's location (the folder above content/)."})
final class PdfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "e.g. content/papers/uhc-last-mile/guide.ru.md")
    Path file;
    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Where to write the PDF. Default: <slug>-guide-<lang>.pdf in the current folder.")
    Path out;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            err.println(file + ": no such file — give the path of a guide, like content/papers/<slug>/guide.fr.md");
            return 1;
        }
        Optional<Path> root = siteRoot(f);
        if (root.isEmpty()) {
            err.println(file + ": not inside a site's content/ folder — give a file under content/papers/<slug>/");
            return 1;
        }
        if (out != null && !Files.isDirectory(out)) refuse(root.get(), out, out.getFileName().toString());
        Build.SinglePdf r = Build.pdfOf(new BuildOptions(root.get(), root.get().resolve("public"), List.of(), Optional.empty(), false, 0), f);
        // Only what concerns this file (and the site's errors): the rest of the site is not being built.
        String shown = root.get().relativize(f).toString().replace('\\', '/');
        r.diagnostics().stream().filter(d -> d.isError() || (d.pos() != null && d.pos().toString().startsWith(shown)))
                .forEach(d -> err.println(d.format()));
        // An error in this file (an unsafe link, an image outside the site…) fails it, even when typesetting went on.
        boolean ownErrors = r.diagnostics().stream().anyMatch(d -> d.isError() && d.pos() != null
                && d.pos().path() != null && d.pos().path().toString().replace('\\', '/').equals(shown));
        if (r.pdf().isEmpty() || ownErrors) {
            err.println("pdf failed: " + shown);
            return 1;
        }
        // Named as the site names it, in the current folder (or the folder given with -o).
        String name = Path.of(r.sitePath()).getFileName().toString();
        Path target = out == null ? Path.of(name) : Files.isDirectory(out) ? out.resolve(name) : out;
        refuse(root.get(), target, name);
        try {
            if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, r.pdf().get());
        } catch (IOException e) {
            err.println(target + ": cannot write the PDF (" + e.getMessage() + ") — choose another -o");
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + target);
        return 0;
    }

    /** Never over the site's sources, or over anything that is not a PDF: a usage error before any work. */
    private void refuse(Path root, Path target, String name) {
        org.lastmile.pipeline.OutputWriter.pdfRefusal(root, target).ifPresent(why -> {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (out == null ? target : "-o " + out) + ": "
                    + why + " — write the PDF elsewhere, such as -o /tmp/" + (name.endsWith(".pdf") ? name : "guide.pdf"));
        });
    }

    /** The folder above the nearest {@code content/} that holds the file. */
    static Optional<Path> siteRoot(Path f) {
        for (Path p = f.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("content") && p.getParent() != null) {
                return Optional.of(p.getParent());
            }
        }
        return Optional.empty();
    }
}
