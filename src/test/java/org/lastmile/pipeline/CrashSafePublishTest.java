package org.lastmile.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing is crash-safe: a real build process (a child JVM) is killed with SIGKILL at random instants while it
 * publishes, several times, and after each kill the output path holds one whole site, the previous or the new one,
 * never a mix and never nothing. The next build cleans up what the killed ones left.
 */
class CrashSafePublishTest {
    private static final int STATIC_FILES = 400;

    @TempDir
    Path tmp;

    private Path site(String name, String version) {
        Path s = tmp.resolve(name);
        TestSites.write(s, "site.yaml", "title: \"Crash " + version + "\"\nbase_url: \"https://example.org\"\npdf: { guides: false }\n");
        TestSites.write(s, "content/pages/about.md", "---\ntitle: \"About " + version + "\"\n---\n\nVersion " + version + ".\n");
        for (int i = 0; i < STATIC_FILES; i++) TestSites.write(s, "static/files/f" + i + ".txt", version + " " + i + "\n");
        return s;
    }

    @Test
    void killedBuildsLeaveTheWholePreviousOrTheWholeNewSite() throws Exception {
        Path[] sites = {site("a", "A"), site("b", "B")};
        Path out = tmp.resolve("public");
        Path reference = tmp.resolve("reference");
        List<Map<String, byte[]>> trees = new ArrayList<>();
        for (Path s : sites) {
            Path o = reference.resolve(s.getFileName().toString());
            assertEquals(0, TestSites.cli("build", "--source", s.toString(), "--out", o.toString()).exit());
            trees.add(TestSites.tree(o));
        }
        // The first version is published whole; the runs below go back and forth between the two.
        long full = runToEnd(sites[0], out);
        assertTrue(same(TestSites.tree(out), trees.get(0)));

        Random random = new Random(12);
        Path store = out.resolveSibling(".public.lastmile");
        int killedWhilePublishing = 0;
        for (int round = 0; round < 4; round++) {
            int live = same(TestSites.tree(out), trees.get(0)) ? 0 : 1;
            Process p = child(sites[1 - live], out);
            // Wait for publishing to start (its staging folder appears), then kill at a random instant of it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && !publishing(store) && System.nanoTime() < deadline) Thread.sleep(1);
            Thread.sleep(random.nextInt((int) Math.max(1, full)));
            if (p.isAlive()) killedWhilePublishing++;
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            Map<String, byte[]> now = TestSites.tree(out);
            if (!same(now, trees.get(0)) && !same(now, trees.get(1))) {
                fail("round " + round + ": the output is neither whole site (" + now.size() + " files)");
            }
        }
        assertTrue(killedWhilePublishing >= 2, "most kills landed while publishing: " + killedWhilePublishing);

        assertEquals(0, TestSites.cli("build", "--source", sites[1].toString(), "--out", out.toString()).exit());
        assertTrue(same(TestSites.tree(out), trees.get(1)));
        try (Stream<Path> s = Files.list(store)) {
            List<String> names = s.map(f -> f.getFileName().toString()).toList();
            List<String> left = names.stream().filter(n -> !n.startsWith("site-"))
                    .filter(n -> !(n.startsWith("stamp-") && names.contains(n.substring("stamp-".length())))).sorted().toList();
            assertEquals(List.of("LASTMILE", "lock"), left, "the next build removes what killed builds left (a version's stamp goes with it)");
        }
        try (Stream<Path> s = Files.list(store)) {
            assertTrue(s.filter(f -> f.getFileName().toString().startsWith("site-")).count() <= 2, "at most the live and the previous version");
        }
    }

    /** Runs a whole build in a child JVM; returns how long its publishing took, in milliseconds. */
    private long runToEnd(Path site, Path out) throws Exception {
        Process p = child(site, out);
        Path store = out.resolveSibling(".public.lastmile");
        while (p.isAlive() && !publishing(store)) Thread.sleep(1);
        long start = System.nanoTime();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        return Math.max(5, (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean publishing(Path store) {
        if (!Files.isDirectory(store)) return false;
        try (Stream<Path> s = Files.list(store)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith("build-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Process child(Path site, Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.lastmile.cli.Main",
                "build", "--source", site.toString(), "--out", out.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (var e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) return false;
        }
        return true;
    }
}
