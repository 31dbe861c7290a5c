package org.lastmile.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build split across machines: {@code build --shard I/N} on each, then {@code merge}, must publish exactly the
 * site one machine builds — every page, feed, sitemap and PDF, byte for byte — and a merge of shards that do not make
 * one whole build must say which shard is wrong, and publish nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedBuildTest {
    Path tmp;
    Path site;
    Path whole;
    final Path[] shard = new Path[4];

    /** The four-language fixture plus papers sorted before and after it, so each of three shards gets guides to typeset. */
    @BeforeAll
    void buildOnceWholeAndInThreeShards(@TempDir Path dir) {
        tmp = dir;
        site = TestSites.copy(TestSites.fixture("i18n-site"), tmp.resolve("site"));
        for (String slug : List.of("alpha-outreach", "mobile-clinics", "zeta-financing")) {
            TestSites.write(site, "content/papers/" + slug + "/index.md", "---\ntitle: \"Paper " + slug + "\"\ndate: 2026-03-0"
                    + slug.length() % 9 + "\ntags: [access]\n---\n\n## Findings\n\nText of " + slug + ", see [data](data.csv).\n");
            TestSites.write(site, "content/papers/" + slug + "/guide.md", "---\ntitle: \"Guide " + slug + "\"\nsummary: \"What to do.\"\n---\n\n"
                    + "## Key points\n\n- One point about " + slug + ".\n- Another one.\n");
            TestSites.write(site, "content/papers/" + slug + "/data.csv", "a,b\n1," + slug + "\n");
        }
        TestSites.write(site, "content/papers/mobile-clinics/guide.fr.md", "---\ntitle: \"Guide mobile\"\nsummary: \"Que faire.\"\n---\n\n## Points clés\n\n- Un point.\n");
        TestSites.write(site, "content/news/launch.md", "---\ntitle: \"Launch\"\ndate: 2026-04-01\npapers: [zeta-financing]\n---\n\nWe launched.\n");
        whole = tmp.resolve("whole");
        ok(TestSites.cli("build", "--source", site.toString(), "--out", whole.toString(), "--no-cache"));
        for (int i = 1; i <= 3; i++) {
            shard[i] = tmp.resolve("shard-" + i);
            ok(TestSites.cli("build", "--source", site.toString(), "--out", shard[i].toString(), "--no-cache", "--shard", i + "/3"));
        }
    }

    private static TestSites.Run ok(TestSites.Run r) {
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    private TestSites.Run merge(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "merge";
        System.arraycopy(args, 0, all, 1, args.length);
        return TestSites.cli(all);
    }

    private static String s(Path p) {
        return p.toString();
    }

    @Test
    void mergedShardsAreByteForByteTheOneMachineBuild() {
        Path merged = tmp.resolve("merged");
        TestSites.Run r = ok(merge(s(shard[3]), s(shard[1]), s(shard[2]), "--out", s(merged)));
        assertTrue(r.out().startsWith("merged 3 shards ("), r.out());
        Map<String, byte[]> a = TestSites.tree(whole);
        Map<String, byte[]> b = TestSites.tree(merged);
        assertEquals(a.keySet(), b.keySet(), "the same files, and no shard manifest among them");
        for (String f : a.keySet()) assertTrue(Arrays.equals(a.get(f), b.get(f)), f + " differs from the one-machine build");
        assertTrue(a.keySet().containsAll(List.of("sitemap.xml", "en/atom.xml", "en/papers/index.html", "en/tags/access/index.html")));
    }

    /**
     * The sample publication (four papers, guides in five languages, Chinese and Cyrillic): its shards, typeset from
     * the build cache the one-machine build filled (as CI machines restore one), merge into the same site.
     */
    @Test
    void theSamplePublicationMergedFromTwoShardsIsTheOneMachineBuild() {
        Path sample = Path.of("").toAbsolutePath();
        Path cache = tmp.resolve("sample-cache");
        Path one = tmp.resolve("sample-whole");
        ok(TestSites.cli("build", "--source", s(sample), "--out", s(one), "--cache-dir", s(cache)));
        for (int i = 1; i <= 2; i++) {
            ok(TestSites.cli("build", "--source", s(sample), "--out", s(tmp.resolve("sample-" + i)), "--cache-dir", s(cache), "--shard", i + "/2"));
        }
        Path merged = tmp.resolve("sample-merged");
        ok(merge(s(tmp.resolve("sample-2")), s(tmp.resolve("sample-1")), "--out", s(merged)));
        Map<String, byte[]> a = TestSites.tree(one);
        Map<String, byte[]> b = TestSites.tree(merged);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) assertTrue(Arrays.equals(a.get(f), b.get(f)), f + " differs from the one-machine build");
    }

    @Test
    void eachShardTypesetsItsOwnShareOfTheGuidesAndShardOneMakesTheSiteWideFiles() {
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            List<String> files = TestSites.files(shard[i]);
            long pdfs = files.stream().filter(f -> f.endsWith(".pdf")).count();
            assertTrue(pdfs > 0, "shard " + i + " typesets some guides: " + files);
            assertEquals(i == 1, files.contains("sitemap.xml"), "only shard 1 writes the sitemap");
            assertEquals(i == 1, files.contains("en/index.html"), "only shard 1 writes the home pages");
            assertTrue(files.contains(ShardManifest.FILE));
            total += (int) pdfs;
        }
        assertEquals(TestSites.files(whole).stream().filter(f -> f.endsWith(".pdf")).count(), total, "every PDF made once");
        // A paper's page, its guide's PDFs and the files beside it go together: the page shows the PDFs' sizes.
        List<String> owner = Arrays.stream(shard, 1, 4).map(TestSites::files)
                .filter(f -> f.contains("en/papers/mobile-clinics/index.html")).findFirst().orElseThrow();
        assertTrue(owner.containsAll(List.of("fr/papers/mobile-clinics/mobile-clinics-guide-fr.pdf",
                "en/papers/mobile-clinics/data.csv", "en/papers/mobile-clinics/guide/index.html")), owner.toString());
    }

    @Test
    void theManifestSaysWhichShardOfHowManyAndListsEveryFileWithItsHash() throws Exception {
        ShardManifest m = ShardManifest.parse(Files.readAllBytes(shard[2].resolve(ShardManifest.FILE)));
        assertEquals(new Shard(2, 3), m.shard());
        assertEquals(TestSites.files(shard[2]).stream().filter(f -> !f.equals(ShardManifest.FILE)).toList(), List.copyOf(m.files().keySet()));
        String first = m.files().keySet().iterator().next();
        assertEquals(DiskCache.fileHash(shard[2].resolve(first)), m.files().get(first));
        assertEquals(m, ShardManifest.parse(m.bytes()), "what is written is read back");
    }

    @Test
    void aMissingShardIsNamed() {
        TestSites.Run r = merge(s(shard[1]), s(shard[3]), "--out", s(tmp.resolve("m-missing")));
        assertEquals(1, r.exit());
        assertEquals(List.of("shard 2 of 3 is missing — give the folders of all 3 shards (given: 1, 3)",
                "merge failed: 1 error; " + tmp.resolve("m-missing") + " was left as it was"), r.errLines());
        assertFalse(Files.exists(tmp.resolve("m-missing")), "nothing published");
    }

    @Test
    void shardsOfAnotherSplitAreRefused() {
        Path other = tmp.resolve("two-1");
        ok(TestSites.cli("build", "--source", s(site), "--out", s(other), "--no-cache", "--shard", "1/2"));
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(other), s(shard[3]), "--out", s(tmp.resolve("m-n")));
        assertEquals(1, r.exit());
        assertEquals(other + ": shard 1 of 2, but " + shard[1] + " is shard 1 of 3 — give the shards of one split build, all made with the same N",
                r.errLines().get(0));
    }

    @Test
    void theSameShardTwiceIsRefused() {
        Path again = TestSites.copy(real(shard[2]), tmp.resolve("again-2"));
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(again), s(shard[3]), "--out", s(tmp.resolve("m-twice")));
        assertEquals(1, r.exit());
        assertEquals(again + ": shard 2 of 3 again (" + shard[2] + " is that shard too) — give each shard once", r.errLines().get(0));
    }

    @Test
    void aFileMadeByTwoShardsNamesBoth() throws IOException {
        // Shard 3, changed by hand to also claim one of shard 2's files: a merge must not pick one silently.
        Path three = TestSites.copy(real(shard[3]), tmp.resolve("claims-more-3"));
        ShardManifest m2 = manifest(shard[2]);
        ShardManifest m3 = manifest(three);
        String taken = m2.files().keySet().iterator().next();
        Files.createDirectories(three.resolve(taken).getParent());
        Files.copy(shard[2].resolve(taken), three.resolve(taken));
        Map<String, String> files = new java.util.TreeMap<>(m3.files());
        files.put(taken, m2.files().get(taken));
        Files.write(three.resolve(ShardManifest.FILE), new ShardManifest(m3.shard(), m3.version(), m3.site(), files).bytes());
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(three), "--out", s(tmp.resolve("m-dup")));
        assertEquals(1, r.exit());
        assertEquals(three.resolve(taken) + ": also made by " + shard[2] + " (shard 2): two shards made the same file — "
                + "build every shard again from the same commit", r.errLines().get(0));
    }

    @Test
    void aShardBuiltFromOtherSourcesOrOptionsIsRefused() {
        Path other = tmp.resolve("other-2");
        ok(TestSites.cli("build", "--source", s(site), "--out", s(other), "--no-cache", "--shard", "2/3", "--base-url", "https://elsewhere.test"));
        TestSites.Run r = merge(s(shard[1]), s(other), s(shard[3]), "--out", s(tmp.resolve("m-other")));
        assertEquals(1, r.exit());
        assertEquals(other + ": built from other sources or options than " + shard[1] + " — build every shard from the same "
                + "commit with the same --lang, --base-url, --drafts and SOURCE_DATE_EPOCH", r.errLines().get(0));
    }

    @Test
    void aChangedOrStrayFileInAShardIsFound() throws IOException {
        Path three = TestSites.copy(real(shard[3]), tmp.resolve("changed-3"));
        String page = manifest(three).files().keySet().stream().filter(f -> f.endsWith(".html")).findFirst().orElseThrow();
        Files.writeString(three.resolve(page), "<p>edited by hand</p>", StandardCharsets.UTF_8);
        Files.writeString(three.resolve("stray.txt"), "left over", StandardCharsets.UTF_8);
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(three), "--out", s(tmp.resolve("m-changed")));
        assertEquals(1, r.exit());
        assertTrue(r.errLines().contains(three.resolve(page) + ": not the file the shard built (its SHA-256 differs from "
                + "lastmile-shard.txt) — build that shard again"), r.err());
        assertTrue(r.errLines().contains(three.resolve("stray.txt") + ": not listed in lastmile-shard.txt: the folder changed "
                + "after the build — build that shard again"), r.err());
    }

    @Test
    void aManifestThatNamesAFileOutsideItsShardIsRefused() throws IOException {
        Path three = TestSites.copy(real(shard[3]), tmp.resolve("escapes-3"));
        ShardManifest m = manifest(three);
        Map<String, String> files = new java.util.TreeMap<>(m.files());
        files.put("../../etc/passwd", m.files().values().iterator().next());
        Files.write(three.resolve(ShardManifest.FILE), new ShardManifest(m.shard(), m.version(), m.site(), files).bytes());
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(three), "--out", s(tmp.resolve("m-escapes")));
        assertEquals(1, r.exit());
        assertEquals(three.resolve(ShardManifest.FILE) + ":6: damaged shard manifest: '../../etc/passwd' is not a path inside "
                + "the shard's folder — build that shard again", r.errLines().get(0));
    }

    @Test
    void aFolderThatIsNoShardIsRefused() {
        Path plain = TestSites.write(tmp.resolve("plain"), "index.html", "<p>hi</p>").getParent();
        TestSites.Run r = merge(s(shard[1]), s(plain), "--out", s(tmp.resolve("m-plain")));
        assertEquals(1, r.exit());
        assertEquals(plain + ": not the output of a shard: it has no lastmile-shard.txt — give the folders that "
                + "'lastmile build --shard I/N' wrote", r.errLines().get(0));
    }

    @Test
    void aMergeNeverReplacesWhatIsNotLastmilesNorAShard() throws IOException {
        Path foreign = TestSites.write(tmp.resolve("foreign"), "mine.txt", "keep me").getParent();
        TestSites.Run r = merge(s(shard[1]), s(shard[2]), s(shard[3]), "--out", s(foreign));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out " + foreign + ": cannot merge into this folder: it holds files that lastmile did not make"), r.err());
        assertEquals("keep me", Files.readString(foreign.resolve("mine.txt")));
        r = merge(s(shard[1]), s(shard[2]), s(shard[3]), "--out", s(shard[2]));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot merge into this folder: it is the shard folder " + shard[2] + " or holds it"), r.err());
        // A second merge replaces the first (lastmile's own output); a failed one leaves it as it was.
        Path out = tmp.resolve("m-again");
        ok(merge(s(shard[1]), s(shard[2]), s(shard[3]), "--out", s(out)));
        Map<String, byte[]> before = TestSites.tree(out);
        ok(merge(s(shard[1]), s(shard[2]), s(shard[3]), "--out", s(out)));
        assertEquals(1, merge(s(shard[1]), s(shard[2]), "--out", s(out)).exit());
        assertEquals(before.keySet(), TestSites.tree(out).keySet());
        assertTrue(Files.isSymbolicLink(out), "published as every lastmile output is: a link to a complete version");
    }

    @Test
    void aSiteFileNamedLikeTheManifestIsAnErrorOfAShardedBuild() {
        Path clash = TestSites.copy(TestSites.fixture("i18n-site"), tmp.resolve("clash-site"));
        TestSites.write(clash, "static/lastmile-shard.txt", "mine");
        TestSites.Run r = TestSites.cli("build", "--source", s(clash), "--out", s(tmp.resolve("clash-out")), "--no-cache", "--shard", "1/2");
        assertEquals(1, r.exit());
        assertTrue(r.errLines().contains("static/lastmile-shard.txt: a sharded build writes its manifest as lastmile-shard.txt "
                + "at the top of the output — rename this file, or build without --shard"), r.err());
    }

    @Test
    void badShardValuesAreUsageErrors() {
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "1/2/3", "-1/3")) {
            TestSites.Run r = TestSites.cli("build", "--source", s(site), "--out", s(tmp.resolve("bad")), "--shard", bad);
            assertEquals(2, r.exit(), bad);
            assertTrue(r.errLines().get(0).startsWith("--shard " + bad + ": "), r.err());
        }
        TestSites.Run r = TestSites.cli("build", "--source", s(site), "--out", s(tmp.resolve("bad")), "--shard", "4/3");
        assertEquals("--shard 4/3: there is no shard 4 of 3 — write I/N with 1 ≤ I ≤ N ≤ 1000, e.g. --shard 2/3 for the "
                + "second of three shards", r.errLines().get(0));
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    private static ShardManifest manifest(Path shardDir) {
        try {
            return ShardManifest.parse(Files.readAllBytes(shardDir.resolve(ShardManifest.FILE)));
        } catch (IOException | ShardManifest.Unreadable e) {
            throw new AssertionError(e);
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
