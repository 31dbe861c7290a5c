package org.lastmile.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.methvin.watcher.DirectoryWatcher;
import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.PdfCache;
import org.lastmile.config.ConfigLoader;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code lastmile preview}: builds one language in memory, serves it on loopback, rebuilds when a source changes and
 * tells open tabs to reload. Other languages are built when first requested, so the switcher is never a dead end.
 * A failed build is shown as an error page in the browser and printed in the terminal; the server keeps running.
 */
public final class PreviewServer implements AutoCloseable {
    private static final List<String> WATCHED = List.of("content", "templates", "fonts", "static");

    private final PreviewOptions opts;
    private final PrintWriter log;
    private final PdfCache pdfs = new PdfCache();
    private final Reloads reloads = new Reloads();
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lastmile-preview-build");
        t.setDaemon(true);
        return t;
    });
    private volatile SiteState state = new SiteState(0, "", Map.of(), List.of());
    private HttpServer http;
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;
    private final List<String> changed = new ArrayList<>();
    private long siteYamlStamp;

    private final java.util.Set<String> siteLanguages;

    /** @param siteLanguages the site's language codes: only their paths start a build of another language */
    public PreviewServer(PreviewOptions opts, java.util.Set<String> siteLanguages, PrintWriter log) {
        this.opts = opts;
        this.siteLanguages = java.util.Set.copyOf(siteLanguages);
        this.log = log;
    }

    /** The port is busy: says which one, and the next free one to try. */
    public static final class PortInUse extends Exception {
        public PortInUse(int port, int free) {
            super("port " + port + " is already in use — try --port " + free);
        }
    }

    /** Builds the previewed language, starts serving and watching. Returns the URL to open. */
    public String start() throws IOException, PortInUse {
        // Bind first: a busy port is said at once, and the build knows the port its links use.
        try {
            http = HttpServer.create(new InetSocketAddress(opts.bind(), opts.port()), 64);
        } catch (BindException e) {
            throw new PortInUse(opts.port(), nextFreePort(opts.port()));
        }
        rebuild("first build");
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", this::handle);
        http.start();
        startWatching();
        return "http://" + hostForUrl() + ":" + port() + "/" + opts.lang() + "/";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The generation of the current build: tests wait for it to change after an edit. */
    public long generation() {
        return state.generation();
    }

    private String hostForUrl() {
        String b = opts.bind();
        return b.contains(":") ? "[" + b + "]" : b;
    }

    private static int nextFreePort(int busy) {
        for (int p = busy + 1; p < busy + 100 && p < 65536; p++) {
            try (ServerSocket s = new ServerSocket(p)) {
                return p;
            } catch (IOException ignored) {
                // taken too; try the next
            }
        }
        return 0;
    }

    private void startWatching() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String d : WATCHED) {
            Path p = opts.source().resolve(d);
            if (Files.isDirectory(p)) dirs.add(p);
        }
        watcher = DirectoryWatcher.builder().paths(dirs).fileHashing(false)
                .listener(e -> {
                    if (e.path() != null && !e.path().getFileName().toString().startsWith(".")) changed(e.path());
                })
                .build();
        watcher.watchAsync();
        // site.yaml sits in the site root, which is not watched as a tree (public/ and target/ live there too).
        siteYamlStamp = stamp(opts.source().resolve(ConfigLoader.FILE));
        builder.scheduleWithFixedDelay(() -> {
            long s = stamp(opts.source().resolve(ConfigLoader.FILE));
            if (s != siteYamlStamp) {
                siteYamlStamp = s;
                changed(opts.source().resolve(ConfigLoader.FILE));
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static long stamp(Path p) {
        try {
            return Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() ^ Files.size(p) : -1;
        } catch (IOException e) {
            return -2;
        }
    }

    /** Coalesces a burst of file events (an editor's save is often several) into one rebuild. */
    private synchronized void changed(Path p) {
        String rel = opts.source().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
        if (!changed.contains(rel)) changed.add(rel);
        if (pending != null) pending.cancel(false);
        pending = builder.schedule(() -> {
            String what;
            synchronized (this) {
                // Editors save through temporary files; name only the files that are there now (or were real sources).
                what = String.join(", ", changed.stream().filter(c -> Files.exists(opts.source().resolve(c))
                        || c.matches(".*\\.(md|yaml|ftlh|css|js|ttf|otf|png|jpe?g|svg)$")).toList());
                changed.clear();
            }
            rebuild(what + " changed");
        }, 60, TimeUnit.MILLISECONDS);
    }

    private Build.Output build(String lang) {
        BuildOptions bo = new BuildOptions(opts.source(), opts.source().resolve("public"), List.of(lang),
                Optional.of("http://" + hostForUrl() + ":" + (http == null ? opts.port() : port())), false, 0).withOthersOnDemand();
        return Build.render(bo, pdfs);
    }

    private void rebuild(String why) {
        long t0 = System.nanoTime();
        long gen = state.generation() + 1;
        Build.Output o;
        try {
            o = build(opts.lang());
        } catch (LastmileException e) {
            o = new Build.Output(Map.of(), Map.of(), e.diagnostics(), 0, 0, Map.of());
        } catch (RuntimeException e) {
            o = new Build.Output(Map.of(), Map.of(), List.of(Diagnostic.error(null, "internal error: " + e, "please report it")), 0, 0, Map.of());
        }
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (errors.isEmpty()) {
            Map<String, Build.Output> langs = new HashMap<>();
            langs.put(opts.lang(), o);
            state = new SiteState(gen, opts.lang(), Map.copyOf(langs), List.of());
            synchronized (log) {
                o.diagnostics().forEach(d -> log.println(d.format()));
                log.println((gen == 1 ? "built " : "rebuilt ") + opts.lang() + " in " + ms + " ms (" + why + ")");
                log.flush();
            }
        } else {
            state = new SiteState(gen, opts.lang(), state.byLanguage(), errors);
            synchronized (log) {
                errors.forEach(d -> log.println(d.format()));
                log.println("build failed (" + why + "): " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                        + " — shown in the browser; fix and save to rebuild");
                log.flush();
            }
        }
        reloads.broadcast(gen);
    }

    /** Builds another language the first time one of its pages is asked for after a rebuild. */
    private synchronized SiteState withLanguage(String lang) {
        SiteState s = state;
        if (s.failed() || s.byLanguage().containsKey(lang)) return s;
        Build.Output o = build(lang);
        if (!o.ok()) return s;
        Map<String, Build.Output> langs = new HashMap<>(s.byLanguage());
        langs.put(lang, o);
        SiteState next = new SiteState(s.generation(), opts.lang(), Map.copyOf(langs), s.errors());
        if (state == s) state = next;
        return next;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (path.equals(Reloads.PATH)) {
                reloads.serve(ex);
                return;
            }
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            SiteState s = state;
            if (s.failed() && (path.endsWith("/") || path.endsWith(".html"))) {
                send(ex, 500, "text/html", inject(ErrorPage.html(s.errors(), opts.lang()).getBytes(StandardCharsets.UTF_8)));
                return;
            }
            String file = path.endsWith("/") ? path.substring(1) + "index.html" : path.substring(1);
            String lang = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
            if (!lang.isEmpty() && !lang.equals(opts.lang()) && siteLanguages.contains(lang) && s.find(file).isEmpty()) {
                s = withLanguage(lang);
            }
            Optional<Object> found = s.find(file);
            if (found.isEmpty() && !path.endsWith("/") && s.find(file + "/index.html").isPresent()) {
                ex.getResponseHeaders().set("Location", path + "/");
                send(ex, 301, "text/plain", new byte[0]);
                return;
            }
            if (found.isEmpty()) {
                SiteState now = s;
                Optional<Object> nf = now.find((lang.isEmpty() ? "" : lang + "/") + "404.html").or(() -> now.find("404.html"));
                byte[] body = nf.map(o -> o instanceof byte[] b ? b : new byte[0]).orElse("not found".getBytes(StandardCharsets.UTF_8));
                send(ex, 404, "text/html", inject(body));
                return;
            }
            byte[] body = found.get() instanceof byte[] b ? b : Files.readAllBytes((Path) found.get());
            String type = type(file);
            send(ex, 200, type, type.equals("text/html") ? inject(body) : body);
        }
    }

    private static byte[] inject(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int i = s.lastIndexOf("</body>");
        String out = i < 0 ? s + Reloads.SCRIPT : s.substring(0, i) + Reloads.SCRIPT + s.substring(i);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        boolean text = type.startsWith("text/") || type.endsWith("xml") || type.endsWith("javascript") || type.endsWith("json");
        ex.getResponseHeaders().set("Content-Type", text ? type + "; charset=utf-8" : type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) ex.getResponseBody().write(body);
    }

    static String type(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        String ext = f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "html" -> "text/html";
            case "css" -> "text/css";
            case "js" -> "text/javascript";
            case "xml" -> "application/xml";
            case "json" -> "application/json";
            case "txt" -> "text/plain";
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }

    @Override
    public void close() {
        reloads.close();
        if (http != null) http.stop(0);
        try {
            if (watcher != null) watcher.close();
        } catch (IOException ignored) {
            // closing a watcher that is already gone
        }
        builder.shutdownNow();
    }
}
