package org.lastmile.pdf;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * veraPDF, the PDF Association's validator: the failed checks of one PDF against PDF/UA-1 or PDF/A-2a. Used by
 * {@code lastmile check --pdf-ua} and by the tests that hold every sample PDF to what it claims.
 */
public final class PdfValidation {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfValidation() {
    }

    /** The standards a lastmile PDF claims (see README "Accessible PDFs"). */
    public enum Standard {
        PDF_UA_1(PDFAFlavour.PDFUA_1), PDF_A_2A(PDFAFlavour.PDFA_2_A);

        private final PDFAFlavour flavour;

        Standard(PDFAFlavour flavour) {
            this.flavour = flavour;
        }
    }

    /** One line per failed rule of {@code standard}, in the form of {@link #failures(byte[], PDFAFlavour)}. */
    public static List<String> failures(byte[] pdf, Standard standard) {
        return failures(pdf, standard.flavour);
    }

    /** One line per failed rule: {@code PDF/UA clause 7.1 test 3: what (where)}, the first place it failed. */
    static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult r = validator.validate(parser);
            Set<String> out = new LinkedHashSet<>();
            Set<String> rules = new LinkedHashSet<>();
            String spec = flavour == PDFAFlavour.PDFUA_1 ? "PDF/UA" : "PDF/A";
            for (TestAssertion a : r.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) continue;
                String rule = a.getRuleId().getClause() + " test " + a.getRuleId().getTestNumber();
                if (!rules.add(rule)) continue;
                out.add(spec + " clause " + rule + ": " + a.getMessage() + " (" + a.getLocationContext() + ")");
            }
            if (!r.isCompliant() && out.isEmpty()) out.add(spec + ": not compliant (" + r.getJobEndStatus() + ")");
            return List.copyOf(out);
        } catch (Exception e) {
            // veraPDF's own failure to parse is a finding about the file, reported like any other
            return List.of("veraPDF could not read the file: " + e.getMessage());
        }
    }
}
