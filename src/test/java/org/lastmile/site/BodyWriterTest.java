package org.lastmile.site;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;
import org.lastmile.config.Language;
import org.lastmile.content.ContentKind;
import org.lastmile.content.FrontMatter;
import org.lastmile.content.FrontMatterParser;
import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.markdown.Markdown;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct HTML writer against Flexmark's renderer: a page must read the same whichever wrote it. Every construct
 * a site uses is written directly (else the speed is silently lost); the rest falls back to Flexmark, never to a
 * different rendering. {@code -Dbodywriter.corpus=DIR} also compares every {@code .md} file under DIR.
 */
class BodyWriterTest {
    private final Markdown markdown = new Markdown();
    private final MarkdownStage stage = new MarkdownStage(markdown);
    private final ContentHtml html = new ContentHtml(markdown);

    /** Documents the direct writer must write itself, each covering some constructs, nestings and escapes. */
    static final List<String> DIRECT = List.of(
            "Plain text, *emphasis*, **strong**, ***both***, _under_ and __under__, ~~struck~~ and `code`.\n",
            "Escapes: \\*not emphasis\\*, \\[not a link\\], \\\\ backslash, \\` tick, 5 \\> 3 & 2 < 4, \"quoted\".\n",
            "Entities: &amp; &copy; &#35; &#x22; &nbsp; &lt;b&gt; and a lone & sign; &bogus; too.\n",
            "Code spans: `a < b && c > \"d\"`, `` a ` b ``, `  padded  `, `line\nbreak` and `\\*`.\n",
            "A soft\nbreak, a hard  \nbreak, another hard\\\nbreak and *emphasis\nacross* lines.\n",
            "## Heading with *emphasis* and `code`\n\nText.\n\n### Third level\n\n#### Fourth\n\n##### Fifth\n\n###### Sixth\n",
            "Setext heading\n--------------\n\nAnd another\n===========\n",
            "## Same\n\n## Same\n\n## main\n",
            "[A link](https://example.org/a?b=1&c=2 \"Its title\") and [another](../other/ 'single') and [empty]().\n",
            "[Entity in URL](https://example.org/?a=1&amp;b=2) and [escaped](https://example.org/\\_x_) and [title &amp; more](/x \"T &amp; &quot;q&quot;\").\n",
            "[Fallback link](../fallback/) goes to another language, [fallback with title](../fallback/ \"Own title\").\n",
            "Bare URLs: https://example.org/path?q=1, www.example.com, mail user@example.org, and <https://angle.example/> or <me@example.net>.\n",
            "Image: ![An *alt* text](pic.png) and ![titled](pic.png \"A title\") in text, ![ext](https://example.org/x.png).\n",
            "![A figure](photo.jpg \"The caption & more\")\n",
            "![No title alone](photo.jpg)\n",
            "- one\n- two\n- three\n",
            "- loose one\n\n- loose two\n\n  second paragraph\n",
            "1. first\n2. second\n   - nested *a*\n   - nested b\n3. third\n",
            "3. starts at three\n4. four\n\n1) paren\n2) list\n",
            "- \n- empty item above\n-   indented item\n",
            "- item\n\n  > quote in item\n\n  ```\n  code in item\n  ```\n",
            "> quoted\n> text\n>\n> > nested quote\n>\n> - list in quote\n",
            "> lazy\ncontinuation\n",
            ">\n",
            "| Left | Centre | Right | Plain |\n|:-----|:------:|------:|-------|\n| *a* | `b` | [c](/c) | d \\| e |\n| f |\n| 1 | 2 | 3 | 4 | 5 |\n",
            "| Only head |\n|---|\n",
            "Text with a note[^1] and another[^b] and the first again[^1], and an undefined one[^x].\n\n[^1]: The *first* note.\n\n[^b]: The second,\n    on two lines.\n\n    With a second paragraph.\n",
            "A note[^n] in a list:\n\n- item[^n]\n\n[^n]: - a list\n    - in a note\n",
            "Before\n\n---\n\n***\n\nAfter\n",
            "```java\nint a = 1 < 2 && \"x\";\n\n\nint b;\n```\n",
            "~~~\nno info\n  indented inside\n~~~\n\n```  python extra words\nprint()\n```\n",
            "```\n```\n",
            "    indented code\n    <b>\n\n\n    after blank lines\n\nText.\n",
            "Inline <span class=\"x\">raw</span> HTML and <!-- a comment --> here.\n",
            "<!-- a comment block -->\n\nText after.\n",
            "中文段落，带有**强调**和`代码`。日本語のテキスト。\n\n## 标题\n",
            "نص عربي مع *تأكيد* و[رابط](https://example.org/ar) \u200f.\n\n## عنوان\n",
            "[Script](javascript:alert(1)) is left as text, ![script image](javascript:x).\n",
            "LIST\n\nText after a list.\n",
            "***\n* * *\n- - -\n",
            "Nested *emphasis with **strong and ~~struck `code`~~** inside*.\n",
            "");

    /** Documents the direct writer leaves to Flexmark: constructs Flexmark formats in ways it does not reproduce. */
    static final List<String> FALLBACK = List.of(
            "<div>\n  <p>An HTML block</p>\n</div>\n",
            "[ref link][r] and ![ref image][r]\n\n[r]: https://example.org/ \"Ref\"\n",
            "[Empty title](/x \"\") and ![empty title](pic.png \"\").\n",
            "Line one\n&#32;an entity space starting the next line.\n",
            "A line ending in a tab\t\nbefore a soft break.\n",
            "Inline <span\nclass=\"x\">HTML across lines</span>.\n");

    @Test
    void theDirectWriterWritesWhatFlexmarkWrites() {
        for (String md : DIRECT) {
            String[] both = both(md);
            assertNotNull(both[0], () -> "the direct writer gave up on:\n" + md);
            assertEquals(both[1], both[0], () -> "different HTML for:\n" + md);
        }
    }

    @Test
    void whatItDoesNotKnowIsLeftToFlexmark() {
        for (String md : FALLBACK) {
            assertNull(both(md)[0], () -> "the direct writer should leave this to Flexmark:\n" + md);
        }
        // Through the public entry point the result is still Flexmark's.
        ParsedDoc d = parse(FALLBACK.get(0));
        assertTrue(html.render(d, noLinks(), f -> "").contains("&lt;div&gt;"));
    }

    @Test
    void everyMarkdownFileOfACorpusReadsTheSame() throws IOException {
        String dir = System.getProperty("bodywriter.corpus");
        if (dir == null) return;
        int direct = 0;
        int total = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String md = Files.readString(f);
            String[] both;
            try {
                both = both(md);
            } catch (RuntimeException e) {
                continue; // input the parser or the fixture cannot take
            }
            total++;
            if (both[0] == null) continue;
            direct++;
            if (!both[0].equals(both[1])) failures.add(f + "\n--- flexmark\n" + both[1] + "--- direct\n" + both[0]);
        }
        System.out.println("body writer corpus: " + direct + " of " + total + " written directly, " + failures.size() + " different");
        assertEquals(List.of(), failures.stream().limit(5).toList());
    }

    private ParsedDoc parse(String body) {
        Path path = Path.of("content/papers/test/index.md");
        String text = "---\ntitle: \"Test\"\n---\n" + body;
        List<Diagnostic> p = new ArrayList<>();
        FrontMatterParser.Split split = FrontMatterParser.split(path, text, p).orElseThrow();
        FrontMatter fm = FrontMatterParser.parse(path, split, p);
        SourceFile sf = new SourceFile(ContentKind.PAPER, "test", "en", path, Path.of("/nowhere/content/papers/test/index.md"), fm,
                split.body(), split.bodyLine());
        return stage.parse(sf, new ArrayList<>());
    }

    private static LinkResolver.Result noLinks() {
        return new LinkResolver.Result(Map.of(), List.of(), List.of(), Map.of());
    }

    /** {@code md} written directly (null when left to Flexmark) and by Flexmark, with fallbacks, images and lists. */
    private String[] both(String md) {
        ParsedDoc d = parse(md);
        Map<Node, LinkResolver.Fallback> fallbacks = new IdentityHashMap<>();
        Map<Node, String> images = new IdentityHashMap<>();
        Map<Node, Integer> lists = new IdentityHashMap<>();
        visit(d.doc(), fallbacks, images, lists);
        LinkResolver.Result links = new LinkResolver.Result(fallbacks, List.of(), List.of(), images);
        java.util.function.Function<LinkResolver.Fallback, String> title = f -> f.target().code() + " version: \"not\" translated";
        String direct = html.direct(d, links, title, lists, () -> "Back to text");
        String flexmark = html.flexmark(d, links, title, lists, () -> "Back to text");
        return new String[]{direct, flexmark};
    }

    private static void visit(Node n, Map<Node, LinkResolver.Fallback> fallbacks, Map<Node, String> images, Map<Node, Integer> lists) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link l && l.getUrl().toString().contains("fallback")) {
                fallbacks.put(l, new LinkResolver.Fallback(Language.infer("fr")));
            } else if (c instanceof Image i && !i.getUrl().toString().contains(":")) {
                images.put(i, "/en/papers/test/" + i.getUrl() + "?v=1&x=\"2\"");
            } else if (c instanceof Paragraph p && p.getChars().toString().strip().equals("LIST")) {
                lists.put(p, lists.size());
            }
            visit(c, fallbacks, images, lists);
        }
    }
}
