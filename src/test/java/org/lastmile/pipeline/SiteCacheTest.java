package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-site build cache: a rebuild with nothing changed publishes the stored pages (with the same warnings),
 * any change anywhere in the site or in the build's options renders again, a damaged or foreign entry is never
 * served, and every output is byte for byte the output of a build without the cache.
 */
class SiteCacheTest {

    private static Path site(Path tmp, String fixture) {
        return TestSites.copyWithoutCache(fixture, tmp.resolve("site"));
    }

    private static TestSites.Run build(Path site, Path out, String... more) {
        return TestSites.buildCli(site, out, more);
    }

    private static Map<String, String> digests(Path out) {
        return TestSites.digests(out);
    }

    private static boolean fromCache(TestSites.Run r) {
        return r.out().contains("pages (all from the cache)");
    }

    @Test
    void unchangedSiteIsPublishedFromTheCacheWithItsWarnings(@TempDir Path tmp) throws IOException {
        Path site = site(tmp, "no-config-site");
        Path cache = tmp.resolve("cache");
        TestSites.Run plain = build(site, tmp.resolve("plain"), "--no-cache");
        TestSites.Run fill = build(site, tmp.resolve("fill"), "--cache-dir", cache.toString());
        // A file touched without being changed (a fresh checkout) is hashed again, and still the same site.
        Path about = site.resolve("content/pages/about.md");
        Files.setLastModifiedTime(about, FileTime.fromMillis(Files.getLastModifiedTime(about).toMillis() + 60_000));
        TestSites.Run warm = build(site, tmp.resolve("warm"), "--cache-dir", cache.toString());

        assertFalse(fromCache(fill), fill.out());
        assertTrue(fromCache(warm), warm.out());
        assertFalse(plain.err().isBlank(), "the fixture has no base_url, so the build warns");
        assertEquals(plain.err(), warm.err());
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("warm")));
        // Publishing from the cache replaces the previous output like any build.
        TestSites.Run again = build(site, tmp.resolve("warm"), "--cache-dir", cache.toString());
        assertTrue(fromCache(again), again.out());
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("warm")));
    }

    @Test
    void theOutputAndOlderOutputsInsideTheSiteAreNotInputs(@TempDir Path tmp) {
        Path site = site(tmp, "no-config-site");
        Path cache = tmp.resolve("cache");
        build(site, site.resolve("public"), "--cache-dir", cache.toString());
        assertTrue(fromCache(build(site, site.resolve("public"), "--cache-dir", cache.toString())));
        // public/ stays behind as the build moves elsewhere: a link to lastmile's own output, not an input.
        build(site, tmp.resolve("elsewhere"), "--cache-dir", cache.toString());
        TestSites.Run again = build(site, tmp.resolve("elsewhere"), "--cache-dir", cache.toString());
        assertTrue(fromCache(again), again.out());
    }

    @Test
    void anyChangeInTheSiteOrTheOptionsRendersAgain(@TempDir Path tmp) {
        Path site = site(tmp, "lists-site");
        Path cache = tmp.resolve("cache");
        build(site, tmp.resolve("out"), "--cache-dir", cache.toString());

        // Front matter that only the lists read, a static file, a file outside the usual folders, an option.
        List<Runnable> changes = List.of(
                () -> TestSites.write(site, "content/news/n2.md", TestSites.read(site.resolve("content/news/n2.md")).replaceFirst("title: .*", "title: \"Renamed item\"")),
                () -> TestSites.write(site, "static/extra.txt", "extra\n"),
                () -> TestSites.write(site, "assets/notes.txt", "anything the site may read through a ../ path\n"));
        int n = 0;
        for (Runnable change : changes) {
            change.run();
            n++;
            TestSites.Run cached = build(site, tmp.resolve("out"), "--cache-dir", cache.toString());
            assertFalse(fromCache(cached), "change " + n + ": " + cached.out());
            build(site, tmp.resolve("plain" + n), "--no-cache");
            assertEquals(digests(tmp.resolve("plain" + n)), digests(tmp.resolve("out")), "change " + n);
            assertTrue(fromCache(build(site, tmp.resolve("out"), "--cache-dir", cache.toString())), "change " + n);
        }
        TestSites.Run en = build(site, tmp.resolve("en"), "--cache-dir", cache.toString(), "--lang", "en");
        assertFalse(fromCache(en), en.out());
        build(site, tmp.resolve("en-plain"), "--no-cache", "--lang", "en");
        assertEquals(digests(tmp.resolve("en-plain")), digests(tmp.resolve("en")));
        TestSites.Run other = build(site, tmp.resolve("other"), "--cache-dir", cache.toString(), "--base-url", "https://other.test");
        assertFalse(fromCache(other), other.out());
    }

    @Test
    void damagedOrForeignEntriesAreNeverServed(@TempDir Path tmp) throws IOException {
        Path site = site(tmp, "no-config-site");
        Path cache = tmp.resolve("cache");
        build(site, tmp.resolve("plain"), "--no-cache");
        build(site, tmp.resolve("out"), "--cache-dir", cache.toString());

        // One stored page with a flipped byte: the whole build renders again, and stores the page again.
        Path page = entries(cache.resolve("out")).get(0);
        byte[] b = Files.readAllBytes(page);
        b[b.length - 10] ^= 0x20;
        Files.write(page, b);
        // Without the page level, which would serve every page one by one (PageCacheTest checks that level).
        OutputWriter.deleteTree(cache.resolve("page"));
        // Into new output folders: an output that is already this build's is left as it is and reads no entry (LiveStamp).
        TestSites.Run damaged = build(site, tmp.resolve("out-damaged"), "--cache-dir", cache.toString());
        assertFalse(fromCache(damaged), damaged.out());
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("out-damaged")));
        assertTrue(fromCache(build(site, tmp.resolve("out-again"), "--cache-dir", cache.toString())));

        // The site's list replaced by another entry (a stored page): a foreign entry, ignored.
        Path manifest = entries(cache.resolve("site")).get(0);
        Files.copy(entries(cache.resolve("out")).get(1), manifest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        OutputWriter.deleteTree(cache.resolve("page"));
        TestSites.Run foreign = build(site, tmp.resolve("out-foreign"), "--cache-dir", cache.toString());
        assertFalse(fromCache(foreign), foreign.out());
        assertEquals(digests(tmp.resolve("plain")), digests(tmp.resolve("out-foreign")));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
