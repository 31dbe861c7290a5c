package org.lastmile.pdf;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Markdown construct the guides may use, in one guide. */
class KitchenSinkTest {
    static final String SINK = """
            ---
            title: "Every construct"
            summary: "Headings, lists, quotes, tables, code, rules, links and notes."
            short_title: "Kitchen sink"
            ---

            Intro with *emphasis*, **strong**, ***both***, ~~struck~~, `code`, a [link](https://example.org/a) and
            an autolink <https://example.org/b> and a hard\\
            line break, a note[^n] and another[^m].

            ## Lists

            1. First ordered item
               1. Nested ordered
               2. Nested second
            2. Second, with a quote inside:

               > Quoted inside a list.

            - Bullet
              - Nested bullet
                - Third level
            - Loose bullet

              with a second paragraph.

            ### Table in a list

            - | Left | Centre | Right |
              |:---|:---:|---:|
              | a | b | 1 |
              | long text in a cell that wraps | c | 22 |

            ## Code and rules

            ```
            fenced code
              indented line
            ```

            ---

            <div>raw html</div>

            Closing paragraph with “quotes”, ‘single’, — dashes –, ellipsis… and 2026.

            [^n]: First note with a [link](https://example.org/n).
            [^m]: Second note.
            """;

    @Test
    void rendersEverything() throws Exception {
        GuideSpec spec = Samples.spec(Path.of("content/papers/x/guide.md"), SINK);
        RenderResult r = GuideRenderer.render(spec, Samples.style(), Samples.fonts());
        assertTrue(r.ok(), r.diagnostics()::toString);
        assertEquals(1, r.diagnostics().size(), "the raw HTML warning: " + r.diagnostics());
        assertEquals("content/papers/x/guide.md:43: warning: raw HTML is left out of the PDF — write it in Markdown",
                r.diagnostics().get(0).format());
        byte[] pdf = r.pdf().get();
        assertEquals(4, PdfChecks.pages(pdf));
        String text = PdfChecks.squeeze(PdfChecks.text(pdf, 2) + PdfChecks.text(pdf, 3));
        for (String s : new String[]{"Nestedordered", "Quotedinsidealist.", "Thirdlevel", "withasecondparagraph",
                "longtextinacell", "fencedcode", "Secondnote.", "ellipsis…and2026."}) {
            assertTrue(text.contains(s), s + " in " + text);
        }
        if (Boolean.getBoolean("manual")) Files.write(Path.of("/tmp/guide-sink.pdf"), pdf);
    }
}
