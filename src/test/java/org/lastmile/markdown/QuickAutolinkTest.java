package org.lastmile.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autolinking after parsing gives the very tree Flexmark's own autolink extension gives: the same links, where the
 * same texts were, so pages and PDFs link the same addresses. {@code -Dbodywriter.corpus=DIR} also compares every
 * {@code .md} file under DIR.
 */
class QuickAutolinkTest {
    private final Markdown markdown = new Markdown();
    private final Parser flexmark;

    QuickAutolinkTest() {
        MutableDataSet o = new MutableDataSet(markdown.options());
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create()));
        flexmark = Parser.builder(o.toImmutable()).build();
    }

    static final List<String> CASES = List.of(
            "No link here at all, just words.\n",
            "A bare https://example.org/path?q=1&r=2. and http://x.y/z), then (https://in.parens/) end.\n",
            "www.example.com and WWW.EXAMPLE.ORG/page, mail me@example.org or <me@example.net>.\n",
            "Two in one: https://a.example/ and https://b.example/ and text after.\n",
            "An escaped \\https://not.example/ and an entity &#64; and https&#58;//entity.example/ here.\n",
            "Typographic \"https://quoted.example/\" and 'www.single.example' marks.\n",
            "*https://in.emphasis.example/* and [a link https://inside.link.example/](https://target.example/) and `https://in.code/`.\n",
            "| URL | mail |\n|---|---|\n| https://cell.example/ | cell@example.org |\n",
            "- https://item.example/\n- www.item.example\n\n> https://quote.example/\n",
            "Note[^1].\n\n[^1]: See https://note.example/ and note@example.org.\n",
            "中文 https://example.cn/路径 文本 и русский https://пример.рф/ текст.\n",
            "Link then entity https://a.example/&amp;b and https://c.example/&copy; more.\n");

    @Test
    void theTreeIsTheOneFlexmarksAutolinkerMakes() {
        for (String md : CASES) assertEquals(dump(flexmark.parse(md)), dump(markdown.parse(md)), md);
        assertTrue(dump(markdown.parse(CASES.get(1))).contains("AutoLink"), "bare URLs become links");
    }

    @Test
    void everyMarkdownFileOfACorpusParsesTheSame() throws IOException {
        String dir = System.getProperty("bodywriter.corpus");
        if (dir == null) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<String> different = new ArrayList<>();
        for (Path f : files) {
            String md = Files.readString(f);
            if (!dump(flexmark.parse(md)).equals(dump(markdown.parse(md)))) different.add(f.toString());
        }
        System.out.println("autolink corpus: " + files.size() + " files, " + different.size() + " different");
        assertEquals(List.of(), different);
    }

    /** The whole tree: each node's type, source range and text. */
    private static String dump(Node n) {
        StringBuilder sb = new StringBuilder();
        dump(n, 0, sb);
        return sb.toString();
    }

    private static void dump(Node n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(n).append(" '").append(n.getChars()).append("'\n");
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) dump(c, depth + 1, sb);
    }
}
