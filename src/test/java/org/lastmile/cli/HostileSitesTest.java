package org.lastmile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.pipeline.TestSites;

/**
 * Hostile and careless inputs: every case under src/test/resources/sites/hostile/&lt;case&gt;/ is run through the
 * CLI in-process and must end, within 10 seconds, with exactly the exit code and stderr it expects, no stack trace,
 * nothing hidden and nothing from outside the site in the output.
 *
 * <p>A case folder holds:
 * <ul>
 *   <li>{@code site/} — the site; symbolic links are copied as links (so a case can point one at /etc/passwd);</li>
 *   <li>{@code case.txt} — optional {@code args: …} (default {@code build --source <site> --out <out>}; words split
 *       on spaces; {@code <site>}, {@code <out>} and {@code <tmp>} are replaced) and {@code exit: N} (default 1);</li>
 *   <li>{@code expected.txt} — stderr exactly, with the same placeholders for the absolute paths;</li>
 *   <li>{@code forbidden.txt} — optional: one string a line that no output file may contain (always checked:
 *       {@code root:x:0:} from /etc/passwd).</li>
 *   <li>{@code work/} — optional: files put beside {@code site/} (in {@code <tmp>}), such as a folder that is not
 *       lastmile's for {@code --out};</li>
 *   <li>{@code links.txt} — optional: symbolic links to make, one {@code path -> target} a line, the path relative
 *       to {@code <tmp>} (links are made here rather than committed, so no build tool ever follows them).</li>
 * </ul>
 */
class HostileSitesTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  static Path root() {
    return TestSites.resources().resolve("sites").resolve("hostile");
  }

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyHostileSiteEndsWithItsExpectedMessage() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c, () -> check(c)));
  }

  private void check(String name) throws IOException {
    Path caseDir = root().resolve(name);
    Path work = tmp.resolve(name);
    Path site = copyKeepingLinks(caseDir.resolve("site"), work.resolve("site"));
    if (Files.isDirectory(caseDir.resolve("work"))) copyKeepingLinks(caseDir.resolve("work"), work);
    if (Files.exists(caseDir.resolve("links.txt"))) {
      for (String line : Files.readAllLines(caseDir.resolve("links.txt"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        String[] l = line.split(" -> ", 2);
        Path link = work.resolve(l[0].trim());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(l[1].trim()));
      }
    }
    Path out = work.resolve("public");
    Map<String, String> spec = spec(caseDir.resolve("case.txt"));
    String[] args = spec.getOrDefault("args", "build --source <site> --out <out>").trim().split(" +");
    for (int i = 0; i < args.length; i++) args[i] = fill(args[i], site, out, work);
    int exit = Integer.parseInt(spec.getOrDefault("exit", "1").trim());

    TestSites.Run r = assertTimeoutPreemptively(LIMIT, () -> TestSites.cli(args), name + " must end within " + LIMIT);

    String all = r.out() + r.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"),
        name + ": no stack trace or internal error for bad input:\n" + all);
    String actual = unfill(r.err().replace("\r\n", "\n"), site, out, work);
    String expected = Files.readString(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(expected, actual, "stderr of " + name);
    assertEquals(exit, r.exit(), "exit code of " + name);

    List<String> forbidden = new ArrayList<>(List.of("root:x:0:"));
    Path f = caseDir.resolve("forbidden.txt");
    if (Files.exists(f)) forbidden.addAll(Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList());
    if (Files.isDirectory(out)) {
      Map<String, byte[]> tree = TestSites.tree(out);
      for (var e : tree.entrySet()) {
        for (String part : e.getKey().split("/")) {
          assertFalse(part.startsWith("."), name + ": hidden file published: " + e.getKey());
        }
        String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
        for (String s : forbidden) assertFalse(text.contains(s), name + ": " + e.getKey() + " contains " + s);
      }
    }
  }

  private static String fill(String arg, Path site, Path out, Path work) {
    return arg.replace("<site>", site.toString()).replace("<out>", out.toString()).replace("<tmp>", work.toString());
  }

  private static String unfill(String text, Path site, Path out, Path work) {
    return text.replace(site.toString(), "<site>").replace(out.toString(), "<out>").replace(work.toString(), "<tmp>");
  }

  private static Map<String, String> spec(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    if (!Files.exists(file)) return m;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon > 0) m.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return m;
  }

  private static Path copyKeepingLinks(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createDirectories(dest.getParent());
          Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
