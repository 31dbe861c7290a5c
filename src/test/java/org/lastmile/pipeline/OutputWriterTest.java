package org.lastmile.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What publishing may replace, and what the published files look like to a web server. */
class OutputWriterTest {
    @TempDir
    Path tmp;

    private final Path site = Path.of("src/test/resources/sites/no-config-site").toAbsolutePath();

    private static Map<String, byte[]> page(String text) {
        return Map.of("index.html", text.getBytes(StandardCharsets.UTF_8), "en/index.html", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyFolderIsReplacedByTheOutputAndNextBuildsReplaceTheirOwn() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("public"));
        assertTrue(OutputWriter.refusal(site, out).isEmpty());
        OutputWriter.publish(out, page("one"), Map.of());
        assertTrue(Files.isSymbolicLink(out) && OutputWriter.isOurs(out));
        assertTrue(OutputWriter.refusal(site, out).isEmpty(), "lastmile's own output may be replaced");
        OutputWriter.publish(out, page("two"), Map.of());
        assertEquals("two", Files.readString(out.resolve("en/index.html")));
    }

    @Test
    void aForeignLinkIsReplacedOnlyWithForceAndWhatItPointsToIsKept() throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("index.html"), "the real web root");
        Path out = Files.createSymbolicLink(tmp.resolve("public"), Path.of("www"));
        assertTrue(OutputWriter.refusal(site, out, false).orElseThrow().message().contains("is a symbolic link (to www) that lastmile did not make"));
        assertTrue(OutputWriter.refusal(site, out, true).isEmpty());
        OutputWriter.publish(out, page("site"), Map.of(), true);
        assertEquals("site", Files.readString(out.resolve("index.html")));
        assertEquals("the real web root", Files.readString(www.resolve("index.html")), "the link's target is left alone");
    }

    @Test
    void aForeignFolderIsRefusedAndReplacedOnlyWithForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(out.resolve("thesis.txt"), "years of work");
        assertTrue(OutputWriter.refusal(site, out, false).orElseThrow().text()
                .endsWith("pass --force to replace this folder and everything in it"));
        assertThrows(IOException.class, () -> OutputWriter.publish(out, page("site"), Map.of(), false),
                "the library refuses too, not only the command");
        assertEquals("years of work", Files.readString(out.resolve("thesis.txt")));
        OutputWriter.publish(out, page("site"), Map.of(), true);
        assertFalse(Files.exists(out.resolve("thesis.txt")));
        assertEquals("site", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aStoreLastmileDidNotMakeIsNeverUsed() throws IOException {
        Files.createDirectories(tmp.resolve(".public.lastmile/mine"));
        assertTrue(OutputWriter.refusal(site, tmp.resolve("public"), true).orElseThrow().message()
                .contains("has a .public.lastmile beside it that lastmile did not make"));
    }

    @Test
    void publishedFilesHaveTheUmasksPermissionsNotTheSourcesOrAPrivateFolders() throws IOException {
        Path secretish = Files.writeString(tmp.resolve("figure.png"), "png");
        Files.setPosixFilePermissions(secretish, PosixFilePermissions.fromString("rw-------"));
        Path out = tmp.resolve("public");
        OutputWriter.publish(out, page("site"), Map.of("en/papers/x/figure.png", secretish));
        var fileMode = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("fresh.txt")));
        var dirMode = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("fresh")));
        assertEquals(fileMode, Files.getPosixFilePermissions(out.resolve("en/index.html")));
        assertEquals(fileMode, Files.getPosixFilePermissions(out.resolve("en/papers/x/figure.png")));
        assertEquals(dirMode, Files.getPosixFilePermissions(out.toRealPath()), "the version folder is not 0700");
        assertEquals(dirMode, Files.getPosixFilePermissions(out.resolve("en")));
    }

    @Test
    void aSecondBuildPublishingAtTheSameTimeIsRefused() throws IOException {
        Path out = tmp.resolve("public");
        OutputWriter.publish(out, page("one"), Map.of());
        try (FileChannel ch = FileChannel.open(tmp.resolve(".public.lastmile/lock"), StandardOpenOption.WRITE);
             var lock = ch.lock()) {
            IOException e = assertThrows(IOException.class, () -> OutputWriter.publish(out, page("two"), Map.of()));
            assertTrue(e.getMessage().startsWith("another lastmile build is publishing to"), e.getMessage());
        }
        assertEquals("one", Files.readString(out.resolve("index.html")));
        assertTrue(Files.isSymbolicLink(out), "the live output is untouched");
    }

    @Test
    void pdfOutputMayReplaceAPdfButNothingElse() throws IOException {
        Path pdf = Files.writeString(tmp.resolve("old.pdf"), "%PDF-1.7\n…");
        Path notes = Files.writeString(tmp.resolve("notes.pdf"), "my notes, named .pdf");
        assertTrue(OutputWriter.pdfRefusal(site, pdf).isEmpty());
        assertTrue(OutputWriter.pdfRefusal(site, tmp.resolve("new.pdf")).isEmpty());
        assertEquals("is a file that is not a PDF, and lastmile pdf overwrites only PDFs", OutputWriter.pdfRefusal(site, notes).orElseThrow());
        assertEquals("is inside the site's content/ folder, which holds its sources",
                OutputWriter.pdfRefusal(site, site.resolve("content/x.pdf")).orElseThrow());
    }

    @Test
    void leftoversOfKilledBuildsAreRemovedButNothingElse() throws IOException {
        Path out = tmp.resolve("public");
        OutputWriter.publish(out, page("one"), Map.of());
        Path store = tmp.resolve(".public.lastmile");
        Files.createDirectories(store.resolve("build-20260101T000000.000-1/en"));
        Files.createSymbolicLink(store.resolve("link-site-20260101T000000.000-1"), Path.of("nowhere"));
        Files.createDirectories(tmp.resolve(".public.new-123456"));    // left by lastmile before the store
        Files.createDirectories(tmp.resolve(".public.old-987654321"));
        Files.createDirectories(tmp.resolve(".public.new-mine"));      // not a name lastmile ever made
        Files.createDirectories(tmp.resolve("public.old-1"));
        OutputWriter.publish(out, page("two"), Map.of());
        try (var s = Files.list(tmp)) {
            assertEquals(java.util.List.of(".public.lastmile", ".public.new-mine", "public", "public.old-1"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var s = Files.list(store)) {
            assertTrue(s.map(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith("build-") || n.startsWith("link-")));
        }
    }

    @Test
    void oldVersionsAreDeletedWhileTheNewOneIsWrittenAndNeverTheNewOne() throws IOException {
        // Deleting runs on another thread while pages are written: it must take the versions older than the previous
        // one, and nothing of the version being written (made after the list of what to delete was taken).
        Path out = tmp.resolve("public");
        Map<String, byte[]> many = new java.util.HashMap<>();
        for (int i = 0; i < 600; i++) many.put("p" + i % 20 + "/" + i + ".html", ("page " + i).getBytes(StandardCharsets.UTF_8));
        for (int build = 0; build < 4; build++) OutputWriter.publish(out, many, Map.of());
        Path store = tmp.resolve(".public.lastmile");
        try (var s = Files.list(store)) {
            assertEquals(2, s.filter(p -> p.getFileName().toString().startsWith("site-")).count(), "the live and the previous version");
        }
        try (var s = Files.walk(out.toRealPath())) {
            assertEquals(600, s.filter(Files::isRegularFile).count());
        }
        assertEquals("page 599", Files.readString(out.resolve("p19/599.html")));
    }
}
