package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A build short of memory drops the documents' first parse and parses each again for its page and its PDF: the
 * output and the findings are exactly those of a build that kept every tree.
 */
class ParseAgainTest {

    @Test
    void parsingAgainGivesTheSameSiteAndFindings() {
        for (String fixture : List.of("i18n-site", "lists-site", "translations")) {
            BuildOptions opts = BuildOptions.of(TestSites.fixture(fixture), Path.of("unused"));
            Build.Output kept = Build.render(opts, new PdfCache());
            Build.Output again = Build.renderParsingAgain(opts);
            assertEquals(kept.diagnostics(), again.diagnostics(), fixture);
            assertEquals(kept.files().keySet(), again.files().keySet(), fixture);
            for (Map.Entry<String, byte[]> f : kept.files().entrySet()) {
                assertArrayEquals(f.getValue(), again.files().get(f.getKey()), fixture + ": " + f.getKey());
            }
            assertEquals(kept.copies(), again.copies(), fixture);
        }
    }
}
