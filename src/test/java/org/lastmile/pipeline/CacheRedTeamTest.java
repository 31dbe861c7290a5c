package org.lastmile.pipeline;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Sequences of edits and cached builds that once could, or still can, leave an output that differs from a build of
 * the same sources without the cache. Each test ends by comparing the cached output with a fresh uncached build.
 */
class CacheRedTeamTest {

    private static Path site(Path tmp) {
        return TestSites.copyWithoutCache("translations", tmp.resolve("site"));
    }

    private static TestSites.Run cached(Path site, Path out, Path cache) {
        return TestSites.buildCli(site, out, "--cache-dir", cache.toString());
    }

    /** Replaces the first {@code from} in {@code f} by {@code to} (same length), keeping the file's time. */
    private static void editKeepingSizeAndTime(Path f, String from, String to) throws IOException {
        assertEquals(from.length(), to.length());
        FileTime t = Files.getLastModifiedTime(f);
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst(from, to));
        Files.setLastModifiedTime(f, t);
    }

    private static void assertSameAsUncached(Path site, Path cachedOut, Path tmp) {
        Path plain = tmp.resolve("plain");
        TestSites.buildCli(site, plain, "--no-cache");
        assertEquals(TestSites.digests(plain), TestSites.digests(cachedOut));
    }

    /**
     * Found: a paper saved (same size) within the same clock tick as the build that hashed it keeps its size and
     * modification time, so the next build trusted the old hash and published the old title from the cache (git's
     * "racy clean" case; an editor or script saving right after a build starts). Fixed: a file whose time is not
     * safely older than the walk is hashed again next time.
     */
    @Test
    void aPaperSavedInTheSameClockTickAsTheBuildIsSeen(@TempDir Path tmp) throws IOException {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        Path beta = site.resolve("content/papers/beta/index.md");
        Files.writeString(beta, Files.readString(beta)); // just saved: its time is the build's
        cached(site, tmp.resolve("out"), cache);
        editKeepingSizeAndTime(beta, "title: \"Beta\"", "title: \"Bxta\"");
        cached(site, tmp.resolve("out"), cache);
        assertSameAsUncached(site, tmp.resolve("out"), tmp);
    }

    /**
     * Still open (documented: "the quick check make and rsync trust"): a file changed long after the build while
     * keeping its size and modification time ({@code touch -r}, some archive extractors, a copy with preserved
     * times of a same-size file) is taken for unchanged by the whole-site fingerprint, and the previous build's
     * pages are published: /en/index.html, /en/papers/, /en/atom.xml and the paper's pages keep the old title; a
     * change that makes the build fail (a removed date) even publishes the old site successfully. Closing it means
     * hashing every file on every build (what the size-and-time record exists to avoid), or an opt-in
     * {@code --paranoid} flag.
     */
    @Disabled("finding: same size + same mtime edit of an old file is served stale from the whole-site cache")
    @Test
    void anOldFileEditedKeepingItsSizeAndTimeIsSeen(@TempDir Path tmp) throws IOException {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        Path beta = site.resolve("content/papers/beta/index.md");
        Files.setLastModifiedTime(beta, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        cached(site, tmp.resolve("out"), cache);
        editKeepingSizeAndTime(beta, "title: \"Beta\"", "title: \"Bxta\"");
        cached(site, tmp.resolve("out"), cache);
        assertSameAsUncached(site, tmp.resolve("out"), tmp);
    }

    /**
     * Still open (documented like the above, for the output side): a published page overwritten in place (same
     * inode), same size, modification time put back, is taken for the live version's own by {@link LiveStamp}, so a
     * rebuild leaves the damaged page live. Closing it means hashing the output (CRC of each file in the stamp).
     */
    @Disabled("finding: an output page edited in place keeping size, mtime and inode is left live by LiveStamp")
    @Test
    void anOutputPageEditedInPlaceKeepingItsStatIsReplaced(@TempDir Path tmp) throws IOException {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("out");
        cached(site, out, cache);
        Path page = TestSites.outFile(out, "/en/index.html");
        FileTime t = Files.getLastModifiedTime(page);
        try (RandomAccessFile f = new RandomAccessFile(page.toFile(), "rw")) {
            f.seek(0);
            f.write("X".getBytes(StandardCharsets.US_ASCII));
        }
        Files.setLastModifiedTime(page, t);
        assertNotEquals('<', Files.readString(page).charAt(0));
        cached(site, out, cache);
        assertSameAsUncached(site, out, tmp);
    }

    /**
     * Found: the whole-site level stored a build's output under the fingerprint taken before the build read the
     * site. A template saved while a build ran (after the fingerprint, before the pages were rendered) went into the
     * output, and that output was filed under the old template's fingerprint: once the template was put back, the
     * next build published the edited template's /en/index.html from the cache. Fixed: a build's output is stored
     * only if the site's fingerprint, taken again once it is written, is still the one it started from.
     */
    @Test
    void aTemplateChangedDuringABuildAndPutBackIsNotServed(@TempDir Path tmp) throws IOException {
        Path site = site(tmp);
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("out");
        Path home = site.resolve("templates/home.ftlh");
        Files.createDirectories(home.getParent());
        String original = Files.readString(Path.of("templates/home.ftlh"));
        Files.writeString(home, original);
        Progress editsMidBuild = new Progress() {
            @Override
            public void stage(String name, int total) {
                if (name.equals("parsing")) {
                    try {
                        Files.writeString(home, original + "<p>saved during the build</p>\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void done(int n) {
            }
        };
        BuildOptions opts = new BuildOptions(site, out, java.util.List.of(), java.util.Optional.empty(), false, 2).withCache(cache);
        Build.run(opts, false, editsMidBuild);
        Files.writeString(home, original); // put back: the site is again what the first build's fingerprint was
        cached(site, out, cache);
        assertSameAsUncached(site, out, tmp);
    }

    /**
     * Found: the page level keys a page by the site's files as the fingerprint hashed them before the build, but the
     * image sizes in a page are read while it is rendered. An image saved during a build (here its width, 10 → 90)
     * put the new size into the paper's page, stored under the old image's key; once the image was put back, the next
     * build took the page with width="90" from the page cache (the whole-site level, fixed above, no longer serves
     * it). Fixed: when the site changed during a build, the build stores nothing it rendered (see PageCache).
     */
    @Test
    void anImageChangedDuringABuildAndPutBackIsNotServedFromThePageCache(@TempDir Path tmp) throws IOException {
        Path site = TestSites.copyWithoutCache("i18n-site", tmp.resolve("site"));
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("out");
        Path chart = site.resolve("content/papers/clinic-access/chart.svg");
        String original = Files.readString(chart);
        Progress editsMidBuild = new Progress() {
            @Override
            public void stage(String name, int total) {
                if (name.equals("parsing")) {
                    try {
                        Files.writeString(chart, original.replaceFirst("width=\"10\"", "width=\"90\""));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void done(int n) {
            }
        };
        BuildOptions opts = new BuildOptions(site, out, java.util.List.of(), java.util.Optional.empty(), false, 2).withCache(cache);
        Build.run(opts, false, editsMidBuild);
        Files.writeString(chart, original);
        cached(site, out, cache);
        assertSameAsUncached(site, out, tmp);
    }
}
