package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.PdfValidation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds a build's PDFs to the standards they claim, PDF/UA-1 and PDF/A-2a, with veraPDF ({@code check --pdf-ua}).
 * Booklets are left out: they are print impositions and claim neither.
 */
public final class PdfConformance {
    private PdfConformance() {
    }

    /** One error per failed rule of each guide or paper PDF among {@code files} (output path → bytes), in path order. */
    public static List<Diagnostic> check(Map<String, byte[]> files) {
        List<Diagnostic> out = new ArrayList<>();
        files.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".pdf") && !e.getKey().endsWith("-booklet.pdf"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    SourcePos pos = SourcePos.of(Path.of(e.getKey()));
                    for (PdfValidation.Standard s : PdfValidation.Standard.values()) {
                        for (String f : PdfValidation.failures(e.getValue(), s)) {
                            out.add(Diagnostic.error(pos, f, "a lastmile PDF should always pass: please report it with the file"));
                        }
                    }
                });
        return List.copyOf(out);
    }
}
