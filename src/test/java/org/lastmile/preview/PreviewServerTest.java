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
}
