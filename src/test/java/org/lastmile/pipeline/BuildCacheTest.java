package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistent build cache: a rebuild takes unchanged PDFs from it, an edited guide is typeset again alone, a
 * damaged entry is never served, and the output is byte for byte the output of a build without the cache.
 */
class BuildCacheTest {

    /** A copy of the fixture without any build cache a build of the fixture itself may have left in it. */
    private static Path site(Path tmp) {
        return TestSites.copyWithoutCache("i18n-site", tmp.resolve("site"));
    }

    private static TestSites.Run build(Path site, Path out, String... more) {
        return TestSites.buildCli(site, out, more);
    }

    /** Every output file by path, as a SHA-256: comparable with assertEquals, readable when it fails. */
    private static Map<String, String> digests(Path out) {
        return TestSites.digests(out);
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            // the PDFs and booklets; the guides' small layout reports beside them, and the site-level entries
            // (SiteCacheTest), are not counted
            return s.filter(Files::isRegularFile).filter(p -> cache.relativize(p).startsWith("pdf")).sorted().toList();
        }
    }

    @Test
    void rebuildTakesPdfsFromTheCacheAndOutputIsIdentical(@TempDir Path tmp) {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        TestSites.Run cold = build(site, tmp.resolve("plain"), "--no-cache");
        TestSites.Run fill = build(site, tmp.resolve("fill"), "--cache-dir", cache.toString());
        TestSites.Run warm = build(site, tmp.resolve("warm"), "--cache-dir", cache.toString());

        assertFalse(cold.out().contains("from the cache"), cold.out());
        assertFalse(fill.out().contains("from the cache"), fill.out());
        assertTrue(warm.out().contains("and 4 PDFs (4 from the cache)"), warm.out());
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("fill")));
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("warm")));
    }

    @Test
    void editingOneGuideTypesetsOnlyThatGuideAndItsBooklet(@TempDir Path tmp) {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        build(site, tmp.resolve("first"), "--cache-dir", cache.toString());
        Path guide = site.resolve("content/papers/clinic-access/guide.ru.md");
        TestSites.write(site, "content/papers/clinic-access/guide.ru.md", TestSites.read(guide) + "\nЕщё одно предложение.\n");

        TestSites.Run edited = build(site, tmp.resolve("edited"), "--cache-dir", cache.toString());
        assertTrue(edited.out().contains("and 4 PDFs (2 from the cache)"), edited.out());
        build(site, tmp.resolve("plain"), "--no-cache");
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("edited")));
    }

    @Test
    void corruptOrForeignEntriesAreIgnoredNeverServed(@TempDir Path tmp) throws IOException {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        build(site, tmp.resolve("first"), "--cache-dir", cache.toString());
        List<Path> stored = entries(cache);
        assertEquals(4, stored.size(), stored.toString());
        // One entry damaged in its payload, one truncated, one replaced by another entry's bytes, one by junk.
        byte[] a = Files.readAllBytes(stored.get(0));
        a[a.length - 100] ^= 0x40;
        Files.write(stored.get(0), a);
        byte[] b = Files.readAllBytes(stored.get(1));
        Files.write(stored.get(1), java.util.Arrays.copyOf(b, b.length / 2));
        Files.copy(stored.get(3), stored.get(2), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stored.get(3), "not a cache entry");
        // Without the whole-site entry, which would publish the unchanged site without looking at these, nor the
        // pages' entries (they would serve the pages, which is not what this test is about).
        OutputWriter.deleteTree(cache.resolve("site"));
        OutputWriter.deleteTree(cache.resolve("page"));

        TestSites.Run again = build(site, tmp.resolve("again"), "--cache-dir", cache.toString());
        assertFalse(again.out().contains("from the cache"), again.out());
        build(site, tmp.resolve("plain"), "--no-cache");
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("again")));
        // The damaged entries were made again, so the next build is served from the cache.
        assertTrue(build(site, tmp.resolve("third"), "--cache-dir", cache.toString()).out().contains("(4 from the cache)"));
    }

    @Test
    void cacheIsInTheSiteFolderByDefaultAndNoCacheWritesNone(@TempDir Path tmp) {
        Path site = site(tmp);
        build(site, tmp.resolve("a"), "--no-cache");
        assertFalse(Files.exists(site.resolve(".lastmile")));
        build(site, tmp.resolve("b"));
        assertTrue(Files.isDirectory(site.resolve(BuildOptions.DEFAULT_CACHE).resolve("pdf")));
        TestSites.Run both = TestSites.cli("build", "--source", site.toString(), "--no-cache", "--cache-dir", tmp.resolve("c").toString());
        assertEquals(2, both.exit(), both.err());
    }
}
