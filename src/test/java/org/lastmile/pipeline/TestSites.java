package org.lastmile.pipeline;

import org.lastmile.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Helpers shared by the tests that build whole sites: where the fixture sites are, copying them, running the CLI
 * in-process and reading an output tree. Fixture sites live in src/test/resources/sites/ (read from the source tree,
 * so a test always sees the files a developer edits).
 */
public final class TestSites {
    private TestSites() {
    }

    /** The project's src/test/resources folder (Maven runs tests in the project folder). */
    public static Path resources() {
        Path p = Path.of("src", "test", "resources").toAbsolutePath();
        if (!Files.isDirectory(p)) throw new IllegalStateException("run the tests from the project folder: " + p + " is missing");
        return p;
    }

    /** A fixture site: {@code sites/<name>} under the test resources. */
    public static Path fixture(String name) {
        Path p = resources().resolve("sites").resolve(name);
        if (!Files.isDirectory(p)) throw new IllegalStateException("no fixture site " + p);
        return p;
    }

    /** Builds the fixture site {@code name} into {@code out} with default options; a site that does not build fails the test. */
    public static BuildResult buildFixture(String name, Path out) {
        BuildResult r = Build.run(new BuildOptions(fixture(name), out, List.of(), java.util.Optional.empty(), false, 0));
        org.junit.jupiter.api.Assertions.assertTrue(r.ok(), () -> "the fixture site must build: " + r.diagnostics());
        return r;
    }

    /** An output file as text; a missing one fails the test, naming what the output has. */
    public static String page(Map<String, byte[]> files, String rel) {
        byte[] b = files.get(rel);
        if (b == null) org.junit.jupiter.api.Assertions.fail("missing output file " + rel + "; the output has " + files.keySet());
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A copy of a fixture without any build cache a build of the fixture itself may have left in it. */
    public static Path copyWithoutCache(String fixture, Path to) {
        Path site = copy(fixture(fixture), to);
        try {
            OutputWriter.deleteTree(site.resolve(".lastmile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return site;
    }

    /** {@code lastmile build} of {@code site} into {@code out} on two threads, plus {@code more} options; must succeed. */
    public static Run buildCli(Path site, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--source", site.toString(), "--out", out.toString(), "--threads", "2"));
        args.addAll(List.of(more));
        Run r = cli(args.toArray(String[]::new));
        org.junit.jupiter.api.Assertions.assertEquals(0, r.exit(), r.err());
        return r;
    }

    /** Every output file by path, as a SHA-256: comparable with assertEquals, readable when it fails. */
    public static Map<String, String> digests(Path out) {
        Map<String, String> m = new TreeMap<>();
        tree(out).forEach((k, v) -> m.put(k, java.util.HexFormat.of().formatHex(DiskCache.sha256(v))));
        return m;
    }

    /** Copies a folder tree (the test then may change the copy freely). */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a UTF-8 text file, creating its folders. */
    public static Path write(Path root, String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code root} (followed when it is a link, as lastmile's output is) by its relative path, sorted. */
    public static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root.toRealPath())) {
            root = root.toRealPath();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The relative paths of every file under {@code root}, sorted. */
    public static List<String> files(Path root) {
        return new ArrayList<>(tree(root).keySet());
    }

    /** What one run of the CLI did. */
    public record Run(int exit, String out, String err) {
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    /** Runs {@code lastmile ARGS…} in this JVM, as a user would from a shell. */
    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The output file of a site path: "/en/papers/x/" → out/en/papers/x/index.html. */
    public static Path outFile(Path out, String sitePath) {
        String rel = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (rel.isEmpty() || rel.endsWith("/")) rel += "index.html";
        return out.resolve(rel);
    }
}
