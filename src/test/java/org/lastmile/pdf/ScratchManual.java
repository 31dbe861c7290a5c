package org.lastmile.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "manual", matches = "true")
class ScratchManual {
    @Test
    void sizes() throws Exception {
        for (String l : new String[]{"en", "ru", "zh"}) {
            for (int n : new int[]{1, 2, 3, 4, 5, 6, 8}) {
                RenderResult r = GuideRenderer.render(Fixtures.spec(l, n, 2), Samples.style(), Samples.fonts());
                System.out.println(l + " " + n + ": " + r.bodySize() + " " + r.diagnostics());
                if (r.ok()) java.nio.file.Files.write(java.nio.file.Path.of("/tmp/fx-" + l + "-" + n + ".pdf"), r.pdf().get());
            }
        }
    }
}
