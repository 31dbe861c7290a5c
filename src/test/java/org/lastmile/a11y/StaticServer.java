package org.lastmile.a11y;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a built site on 127.0.0.1 for the browser, as a static host would: GET only, {@code index.html} for a
 * folder, one request per connection. Deliberately not the JDK's HttpServer: its limits are system properties read
 * once per JVM, and the preview server sets its own before first use, so a test that started one earlier would
 * silently change the preview server's behaviour in the tests that run after it.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("xml", "application/xml"), Map.entry("json", "application/json"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("pdf", "application/pdf"));

    private final Path root;
    private final ServerSocket socket;
    private final Thread acceptor;

    StaticServer(Path root) throws IOException {
        this.root = root.toRealPath();
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    /** {@code http://127.0.0.1:PORT}, without a final slash. */
    String origin() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String request = in.readLine();
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                // headers are not needed
            }
            OutputStream out = s.getOutputStream();
            String[] parts = request == null ? new String[0] : request.split(" ");
            if (parts.length < 2 || !(parts[0].equals("GET") || parts[0].equals("HEAD"))) {
                respond(out, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String path = URLDecoder.decode(parts[1].replaceFirst("[?#].*", "").replace("+", "%2B"), StandardCharsets.UTF_8);
            Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                respond(out, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8), parts[0].equals("HEAD"));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
            respond(out, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file), parts[0].equals("HEAD"));
        } catch (IOException | RuntimeException e) {
            // the browser went away or sent nonsense: nothing to answer
        }
    }

    private static void respond(OutputStream out, int status, String type, byte[] body, boolean head) throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            default -> "Method Not Allowed";
        };
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (!head) out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
