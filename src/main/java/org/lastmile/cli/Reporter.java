package org.lastmile.cli;

import org.lastmile.diag.Diagnostic;

import java.io.PrintWriter;
import java.util.List;

/** Prints findings one per line and the summary line that ends every command's report. */
final class Reporter {
    private Reporter() {
    }

    static void print(PrintWriter err, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) err.println(d.format());
    }

    static String counts(long errors, long warnings) {
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
