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

    /**
     * One line per guide: its layout, body size and how full its pages are, so an editor sees a guide near its
     * limit before it fails ({@code /en/papers/x/x-guide-en.pdf: columns layout, 9.25 pt, 97 % full}).
     */
    static void guides(java.io.PrintWriter out, java.util.Map<String, org.lastmile.pdf.layout.GuideLayout.Report> guides) {
        for (var e : guides.entrySet()) {
            var r = e.getValue();
            out.println(e.getKey() + ": " + r.layout().label() + " layout, "
                    + org.lastmile.pdf.layout.GuideLayout.formatSize(r.size()) + " pt, "
                    + Math.round(r.fullness() * 100) + " % full");
        }
    }
}
