package org.lastmile.preview;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview server over real HTTP on loopback: serve, edit, reload event, error page, recovery. */
@Timeout(60)
class PreviewServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PreviewServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the reload channel; its lines arrive in the returned queue. */
    private BlockingQueue<String> events(String base) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + "__lastmile/events")).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    private static String awaitReload(BlockingQueue<String> lines) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            String l = lines.poll(200, TimeUnit.MILLISECONDS);
            if (l != null && l.equals("event: reload")) return l;
        }
        return null;
    }

    @Test
    void servesEditsReloadsShowsErrorsAndRecovers(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        server = new PreviewServer(new PreviewOptions(site, "fr", "127.0.0.1", 0), java.util.Set.of("en", "fr", "ru"), new PrintWriter(new StringWriter()));
        String url = server.start();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/fr/"), url);
        String base = url.substring(0, url.length() - "fr/".length());

        HttpResponse<String> home = get(url);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Alpha (fr)"), "the French home lists the French paper");
        assertTrue(home.body().contains("/__lastmile/events"), "served pages carry the reload script");

        // Another language is built on demand, so the switcher is never a dead end.
        assertEquals(200, get(base + "ru/papers/alpha/").statusCode());

        BlockingQueue<String> lines = events(base);
        assertNotNull(lines.poll(10, TimeUnit.SECONDS), "the event stream opens");
        Path fr = site.resolve("content/papers/alpha/index.fr.md");
        Files.writeString(fr, Files.readString(fr).replace("Le coût éloigne les gens.", "Le coût et les papiers éloignent les gens."));
        assertNotNull(awaitReload(lines), "an edit sends a reload event");
        assertTrue(get(base + "fr/papers/alpha/").body().contains("Le coût et les papiers éloignent les gens."));

        String good = Files.readString(fr);
        Files.writeString(fr, good.replace("title: \"Alpha (fr)\"", "title: \"Alpha (fr)\"\ndate: 2026-02-30"));
        assertNotNull(awaitReload(lines), "a failed build reloads the tab too, to show the error");
        HttpResponse<String> error = get(base + "fr/papers/alpha/");
        assertEquals(500, error.statusCode());
        assertTrue(error.body().contains("content/papers/alpha/index.fr.md:3: front matter: &#39;date&#39; is not a date — use YYYY-MM-DD")
                || error.body().contains("content/papers/alpha/index.fr.md:3: front matter: 'date' is not a date — use YYYY-MM-DD"), error.body());
        assertTrue(error.body().contains("/__lastmile/events"), "the error page reloads itself when fixed");

        Files.writeString(fr, good);
        assertNotNull(awaitReload(lines));
        HttpResponse<String> fixed = get(base + "fr/papers/alpha/");
        assertEquals(200, fixed.statusCode());
        assertFalse(fixed.body().contains("Build failed"));
    }

    @Test
    void busyPortSuggestsTheNextFreeOne(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PreviewServer s = new PreviewServer(new PreviewOptions(site, "en", "127.0.0.1", port), java.util.Set.of("en"), new PrintWriter(new StringWriter()));
            PreviewServer.PortInUse e = assertThrows(PreviewServer.PortInUse.class, s::start);
            s.close();
            assertTrue(e.getMessage().matches("port " + port + " is already in use — try --port \\d+"), e.getMessage());
        }
    }

    /** One raw HTTP/1.1 request (the JDK client will not send a foreign Host): the status line and headers. */
    private static String raw(int port, String host, String extraHeaders, String path) throws Exception {
        try (java.net.Socket sock = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            sock.setSoTimeout(10_000);
            sock.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String all = new String(sock.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end);
        }
    }

    @Test
    void answersOnlyToItsOwnAddressWithoutCorsAndNeverServesHiddenFiles(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        Files.writeString(site.resolve("content/papers/alpha/.env"), "SECRET=1\n");
        Files.createDirectories(site.resolve("content/papers/alpha/.git"));
        Files.writeString(site.resolve("content/papers/alpha/.git/config"), "[core]\n");
        server = new PreviewServer(new PreviewOptions(site, "en", "127.0.0.1", 0), java.util.Set.of("en", "fr", "ru"), new PrintWriter(new StringWriter()));
        server.start();
        int port = server.port();

        assertTrue(raw(port, "127.0.0.1:" + port, "", "/en/").startsWith("HTTP/1.1 200"));
        assertTrue(raw(port, "localhost:" + port, "", "/en/").startsWith("HTTP/1.1 200"));
        assertTrue(raw(port, "attacker.example:" + port, "", "/en/").startsWith("HTTP/1.1 403"), "a rebinding name is refused");
        assertTrue(raw(port, "127.0.0.1:" + (port + 1), "", "/en/").startsWith("HTTP/1.1 403"), "another port is another origin");
        assertTrue(raw(port, "127.0.0.1:" + port, "Origin: http://attacker.example\r\n", Reloads.PATH).startsWith("HTTP/1.1 403"),
                "the reload stream is not for other sites' pages");
        String own = raw(port, "127.0.0.1:" + port, "Origin: http://127.0.0.1:" + port + "\r\n", "/en/");
        assertTrue(own.startsWith("HTTP/1.1 200"), own);
        assertFalse(own.toLowerCase(java.util.Locale.ROOT).contains("access-control-"), "no CORS headers: " + own);

        for (String hidden : java.util.List.of("/en/papers/alpha/.env", "/en/papers/alpha/.git/config", "/fr/papers/alpha/.env")) {
            assertEquals(404, get("http://127.0.0.1:" + port + hidden).statusCode(), hidden);
        }
    }

    @Test
    @Timeout(30)
    void slowAndSilentConnectionsAreClosed(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        server = new PreviewServer(new PreviewOptions(site, "en", "127.0.0.1", 0), java.util.Set.of("en", "fr", "ru"), new PrintWriter(new StringWriter()));
        server.start();
        try (java.net.Socket slow = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
             java.net.Socket silent = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            slow.setSoTimeout(20_000);
            silent.setSoTimeout(20_000);
            long start = System.nanoTime();
            // A request whose headers never end, one byte at a time (slowloris).
            slow.getOutputStream().write("GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    slow.getOutputStream().write('X');
                    slow.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    closed = true;
                }
                if (!closed) Thread.sleep(500);
            }
            assertTrue(closed, "a request that never finishes its headers is dropped");
            assertEquals(-1, silent.getInputStream().read(), "a connection that sends nothing is closed");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
        }
        assertEquals(200, get("http://127.0.0.1:" + server.port() + "/en/").statusCode(), "and the server still answers");
    }

    @Test
    void aBuildThatCrashesIsReportedAndTheNextSaveRecovers(@TempDir Path tmp) throws Exception {
        Path site = Cli.copySite("translations", tmp);
        java.util.concurrent.atomic.AtomicBoolean crash = new java.util.concurrent.atomic.AtomicBoolean();
        server = new PreviewServer(new PreviewOptions(site, "en", "127.0.0.1", 0), java.util.Set.of("en", "fr", "ru"),
                new PrintWriter(new StringWriter()), bo -> {
                    if (crash.get()) throw new StackOverflowError();
                    return org.lastmile.pipeline.Build.render(bo, new org.lastmile.pipeline.PdfCache());
                });
        String url = server.start();
        String base = url.substring(0, url.length() - "en/".length());
        BlockingQueue<String> lines = events(base);
        assertNotNull(lines.poll(10, TimeUnit.SECONDS), "the event stream opens");
        Path en = site.resolve("content/papers/alpha/index.md");
        String text = Files.readString(en);

        crash.set(true);
        Files.writeString(en, text + "\nFirst edit.\n");
        assertNotNull(awaitReload(lines));
        HttpResponse<String> failed = get(base + "en/papers/alpha/");
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("the build stopped unexpectedly"), failed.body());

        crash.set(false);
        Files.writeString(en, text + "\nSecond edit.\n");
        assertNotNull(awaitReload(lines));
        HttpResponse<String> back = get(base + "en/papers/alpha/");
        assertEquals(200, back.statusCode());
        assertTrue(back.body().contains("Second edit."), "the next save brings the page back");
    }
}
