package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild with nothing changed leaves an output that is already its own as it is — and writes the site again as
 * soon as anything in the output differs from what was published (a file edited, removed or added).
 */
class LiveStampTest {
    @Test
    void anUntouchedOutputIsLeftAsItIsAndATouchedOneIsPublishedAgain(@TempDir Path tmp) throws IOException {
        Path site = TestSites.copyWithoutCache("no-config-site", tmp.resolve("site"));
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("public");
        assertEquals(0, TestSites.buildCli(site, tmp.resolve("plain"), "--no-cache").exit());
        var plain = TestSites.digests(tmp.resolve("plain"));
        assertEquals(0, TestSites.buildCli(site, out, "--cache-dir", cache.toString()).exit());
        Path first = Files.readSymbolicLink(out);

        var again = TestSites.buildCli(site, out, "--cache-dir", cache.toString());
        assertTrue(again.out().contains("pages (all from the cache)"), again.out());
        assertEquals(first, Files.readSymbolicLink(out), "nothing changed: the same version stays live, nothing is written");

        // What a killed build left beside the output is still removed by a build that writes nothing.
        Path leftover = Files.createDirectories(tmp.resolve(".public.lastmile/build-20260101T000000.000-1/en"));
        TestSites.buildCli(site, out, "--cache-dir", cache.toString());
        assertEquals(first, Files.readSymbolicLink(out));
        assertTrue(Files.notExists(leftover.getParent()), "a killed build's folder is removed");

        // A published page edited by hand (same size, so only its time tells): published again, byte for byte.
        Path page = out.resolve("index.html");
        byte[] b = Files.readAllBytes(page);
        b[b.length - 2] ^= 0x01;
        Files.write(page, b);
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 5_000));
        TestSites.buildCli(site, out, "--cache-dir", cache.toString());
        Path second = Files.readSymbolicLink(out);
        assertNotEquals(first, second);
        assertEquals(plain, TestSites.digests(out));

        // A page removed, then a stray file added: each time a new version, the same site.
        Files.delete(out.resolve("index.html"));
        TestSites.buildCli(site, out, "--cache-dir", cache.toString());
        Path third = Files.readSymbolicLink(out);
        assertNotEquals(second, third);
        assertEquals(plain, TestSites.digests(out));
        Files.writeString(out.resolve("stray.html"), "not lastmile's");
        TestSites.buildCli(site, out, "--cache-dir", cache.toString());
        assertNotEquals(third, Files.readSymbolicLink(out));
        assertEquals(plain, TestSites.digests(out));
    }
}
