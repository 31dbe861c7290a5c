package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same input, same output: the number of worker threads (and the order work finishes in) changes no byte. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void oneThreadAndFourThreadsGiveByteIdenticalTrees() {
        for (String site : List.of("i18n-site", "no-config-site")) {
            Path one = tmp.resolve(site + "-1");
            Path four = tmp.resolve(site + "-4");
            assertTrue(Build.run(new BuildOptions(TestSites.fixture(site), one, List.of(), Optional.empty(), false, 1)).ok());
            assertTrue(Build.run(new BuildOptions(TestSites.fixture(site), four, List.of(), Optional.empty(), false, 4)).ok());
            Map<String, byte[]> a = TestSites.tree(one);
            Map<String, byte[]> b = TestSites.tree(four);
            assertEquals(a.keySet(), b.keySet(), site + ": same files");
            assertTrue(a.size() > 10, site + ": a real site was built");
            for (String f : a.keySet()) {
                assertEquals(new String(a.get(f), java.nio.charset.StandardCharsets.ISO_8859_1),
                        new String(b.get(f), java.nio.charset.StandardCharsets.ISO_8859_1), site + ": " + f + " differs between 1 and 4 threads");
            }
        }
    }

    @Test
    void rebuildingIntoTheSameFolderGivesTheSameBytes() {
        Path out = tmp.resolve("out");
        assertTrue(Build.run(BuildOptions.of(TestSites.fixture("i18n-site"), out)).ok());
        Map<String, byte[]> first = TestSites.tree(out);
        assertTrue(Build.run(BuildOptions.of(TestSites.fixture("i18n-site"), out)).ok());
        Map<String, byte[]> second = TestSites.tree(out);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((f, bytes) -> assertTrue(java.util.Arrays.equals(bytes, second.get(f)), f + " changed on a rebuild"));
    }
}
