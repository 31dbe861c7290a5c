package org.lastmile.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PDFs are cached by the fonts they were set in, without hashing every font on every build: a font replaced under the
 * same name is never served from PDFs set in the old one, by the build cache on disk nor by the preview's in memory.
 */
class PdfFontCacheTest {

    /** The fixture with its own copy of the theme's regular Latin font, which its English guide is set in. */
    private static Path siteWithOwnFont(Path tmp) throws IOException {
        Path site = TestSites.copyWithoutCache("i18n-site", tmp.resolve("site"));
        Files.createDirectories(site.resolve("fonts"));
        Files.copy(Path.of("fonts/NotoSans-Regular.ttf"), site.resolve("fonts/NotoSans-Regular.ttf"));
        return site;
    }

    /** Another font under the same name, dated a little later (as an editor's copy or a checkout would be). */
    private static void replaceFont(Path site) throws IOException {
        Path font = site.resolve("fonts/NotoSans-Regular.ttf");
        FileTime before = Files.getLastModifiedTime(font);
        Files.copy(Path.of("fonts/NotoSans-Bold.ttf"), font, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(font, FileTime.fromMillis(before.toMillis() + 2_000));
    }

    @Test
    void aFontReplacedUnderTheSameNameTypesetsThePdfsAgainWithTheBuildCache(@TempDir Path tmp) throws IOException {
        Path site = siteWithOwnFont(tmp);
        String cache = tmp.resolve("cache").toString();
        TestSites.buildCli(site, tmp.resolve("first"), "--cache-dir", cache);
        TestSites.Run again = TestSites.buildCli(site, tmp.resolve("again"), "--cache-dir", cache);
        assertTrue(again.out().contains("and 4 PDFs (4 from the cache)"), again.out());

        replaceFont(site);
        TestSites.Run changed = TestSites.buildCli(site, tmp.resolve("changed"), "--cache-dir", cache);
        assertFalse(changed.out().contains("(4 from the cache)"), changed.out());
        TestSites.buildCli(site, tmp.resolve("plain"), "--no-cache");
        Map<String, String> plain = TestSites.digests(tmp.resolve("plain"));
        assertEquals(plain, TestSites.digests(tmp.resolve("changed")));
        assertNotEquals(TestSites.digests(tmp.resolve("first")), plain, "the guides are set in the new font");
    }

    @Test
    void aFontReplacedUnderTheSameNameTypesetsThePdfsAgainInThePreview(@TempDir Path tmp) throws IOException {
        Path site = siteWithOwnFont(tmp);
        BuildOptions opts = BuildOptions.of(site, tmp.resolve("unused"));
        PdfCache preview = new PdfCache();
        Map<String, byte[]> first = Build.render(opts, preview).files();
        replaceFont(site);
        Map<String, byte[]> rebuilt = Build.render(opts, preview).files();
        Map<String, byte[]> fresh = Build.render(opts, new PdfCache()).files();

        assertEquals(fresh.keySet(), rebuilt.keySet());
        boolean pdfChanged = false;
        for (Map.Entry<String, byte[]> f : fresh.entrySet()) {
            assertArrayEquals(f.getValue(), rebuilt.get(f.getKey()), f.getKey());
            if (f.getKey().endsWith(".pdf")) pdfChanged |= !java.util.Arrays.equals(f.getValue(), first.get(f.getKey()));
        }
        assertTrue(pdfChanged, "the guides are set in the new font");
    }

    @Test
    void aFontChangedInTheSameClockTickKeepingSizeAndDateIsNotTakenForTheOld(@TempDir Path tmp) throws IOException {
        // Git's "racy clean" case: written, used by a build, changed again at once with its size and date kept.
        Path font = tmp.resolve("font.ttf");
        Files.write(font, new byte[]{1, 2, 3, 4});
        FileTime written = Files.getLastModifiedTime(font);
        java.util.Optional<DiskCache> disk = java.util.Optional.of(new DiskCache(tmp.resolve("cache")));
        String first = new PdfCache(disk, false).fontHash(font);
        Files.write(font, new byte[]{4, 3, 2, 1});
        Files.setLastModifiedTime(font, written);
        assertNotEquals(first, new PdfCache(disk, false).fontHash(font), "the new content is hashed, not the memo served");
    }
}
