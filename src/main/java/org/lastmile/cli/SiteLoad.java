package org.lastmile.cli;

import org.lastmile.content.ContentLoader;
import org.lastmile.diag.Diagnostic;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads a site's config and content for the commands that do not build; prints errors and says whether to go on. */
final class SiteLoad {
    private SiteLoad() {
    }

    /** The loaded site, or empty after printing its errors (the caller exits 1). Warnings are not printed here. */
    static Optional<ContentLoader.Loaded> load(Path root, PrintWriter err) {
        List<Diagnostic> problems = new ArrayList<>();
        ContentLoader.Loaded loaded = ContentLoader.loadSite(root, false, problems);
        List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).sorted(Diagnostic.ORDER).toList();
        if (errors.isEmpty()) return Optional.of(loaded);
        Reporter.print(err, errors);
        err.println("cannot read the site: " + Reporter.plural(errors.size(), "error") + " — fix them, then run the command again");
        return Optional.empty();
    }
}
