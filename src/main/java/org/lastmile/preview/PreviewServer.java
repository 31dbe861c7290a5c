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
import java.util.concurrent.ExecutorService;
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
    private final java.util.function.Function<BuildOptions, Build.Output> render;
    /** The Host header values this server answers to (name:port): anything else may be a DNS-rebinding page. */
    private java.util.Set<String> hosts = java.util.Set.of();
    /** Open reload streams: each holds a thread, so there are at most this many; more tabs get 503. */
    private final java.util.concurrent.Semaphore streams = new java.util.concurrent.Semaphore(MAX_STREAMS);
    private ExecutorService workers;

    static final int MAX_STREAMS = 16;
    private static final int THREADS = MAX_STREAMS + 16;

    /** @param siteLanguages the site's language codes: only their paths start a build of another language */
    public PreviewServer(PreviewOptions opts, java.util.Set<String> siteLanguages, PrintWriter log) {
        this(opts, siteLanguages, log, null);
    }

    /** With {@code render} in place of the real build: lets tests make a build crash. */
    PreviewServer(PreviewOptions opts, java.util.Set<String> siteLanguages, PrintWriter log,
                  java.util.function.Function<BuildOptions, Build.Output> render) {
        this.opts = opts;
        this.siteLanguages = java.util.Set.copyOf(siteLanguages);
        this.log = log;
        this.render = render != null ? render : bo -> Build.render(bo, pdfs);
    }

    /**
     * The JDK server's limits are system properties read once, when it is first used; they are set here unless the
     * user set them. Slow or silent clients (slowloris) are dropped after a few seconds of sending a request or of
     * idling, and connections are capped, so half-open connections cannot pile up.
     */
    private static void limits() {
        Map<String, String> limits = Map.of(
                "sun.net.httpserver.maxReqTime", "5",        // seconds to send the request line and headers
                "sun.net.httpserver.idleInterval", "5",      // seconds a kept-alive connection may idle
                "sun.net.httpserver.timerMillis", "500",
                "jdk.httpserver.maxConnections", "64",
                "sun.net.httpserver.maxReqHeaders", "100",
                "sun.net.httpserver.maxReqHeaderSize", "65536");
        limits.forEach((k, v) -> {
            if (System.getProperty(k) == null) System.setProperty(k, v);
        });
    }

    /** The address to listen on is not one this computer has, or cannot be used: a usage error. */
    public static final class BadAddress extends Exception {
        public BadAddress(String message) {
            super(message);
        }
    }

    /** The port is busy: says which one, and the next free one to try. */
    public static final class PortInUse extends Exception {
        public PortInUse(int port, int free) {
            super("port " + port + " is already in use — try --port " + free);
        }
    }

    /** Builds the previewed language, starts serving and watching. Returns the URL to open. */
    public String start() throws IOException, PortInUse, BadAddress {
        if (opts.port() < 0 || opts.port() > 65535) throw new BadAddress("--port " + opts.port() + ": give a port from 1 to 65535, such as 1313");
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(opts.bind());
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw new BadAddress("--bind " + opts.bind() + ": no such address — use 127.0.0.1 (this computer only) or an address of one of its network interfaces");
        }
        limits();
        // Bind first: a busy port is said at once, and the build knows the port its links use.
        try {
            http = HttpServer.create(new InetSocketAddress(address, opts.port()), 64);
        } catch (BindException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("ermission denied") || m.contains("ccess denied")) {
                throw new BadAddress("--port " + opts.port() + ": ports below 1024 need administrator rights — use a port such as 1313");
            }
            if (m.contains("assign requested address")) {
                throw new BadAddress("--bind " + opts.bind() + ": not an address of this computer — use 127.0.0.1 or an address of one of its network interfaces");
            }
            throw new PortInUse(opts.port(), nextFreePort(opts.port()));
        } catch (java.net.SocketException e) {
            throw new BadAddress("--bind " + opts.bind() + ": cannot listen there (" + e.getMessage() + ") — use 127.0.0.1");
        }
        hosts = hosts(address, port());
        rebuild("first build");
        workers = Executors.newFixedThreadPool(THREADS, Thread.ofVirtual().name("lastmile-preview-", 0).factory());
        http.setExecutor(workers);
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

    /**
     * The Host values a browser sends to this server: loopback names, the --bind name and, when listening on every
     * interface, this computer's addresses and name. With and without the port (a browser leaves out :80).
     */
    private java.util.Set<String> hosts(java.net.InetAddress address, int port) {
        java.util.Set<String> names = new java.util.HashSet<>(List.of("127.0.0.1", "localhost", "[::1]", opts.bind().toLowerCase(Locale.ROOT)));
        if (opts.bind().contains(":")) names.add("[" + opts.bind().toLowerCase(Locale.ROOT) + "]");
        if (address.isAnyLocalAddress()) {
            try {
                for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                    for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                        String h = a.getHostAddress();
                        int zone = h.indexOf('%');
                        if (zone >= 0) h = h.substring(0, zone);
                        names.add(a instanceof java.net.Inet6Address ? "[" + h + "]" : h);
                    }
                }
                names.add(java.net.InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                // only the loopback names then
            }
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add(n + ":" + port);
            if (port == 80) out.add(n);
        }
        return java.util.Set.copyOf(out);
    }

    /** Whether the request comes to this server by one of its own names, and (if it says) from one of its pages. */
    private boolean trusted(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.trim().toLowerCase(Locale.ROOT))) return false;
        String origin = ex.getRequestHeaders().getFirst("Origin");
        return origin == null || hosts.contains(origin.trim().toLowerCase(Locale.ROOT).replaceFirst("^http://", ""));
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
                    try {
                        if (e.path() != null && !org.lastmile.config.SiteFiles.isIgnored(e.path().getFileName().toString())) changed(e.path());
                    } catch (RuntimeException ignored) {
                        // a path outside the site (a link's target): nothing of the site changed
                    }
                })
                .build();
        watcher.watchAsync();
        // site.yaml sits in the site root, which is not watched as a tree (public/ and target/ live there too).
        siteYamlStamp = stamp(opts.source().resolve(ConfigLoader.FILE));
        builder.scheduleWithFixedDelay(() -> {
            try {
                long s = stamp(opts.source().resolve(ConfigLoader.FILE));
                if (s != siteYamlStamp) {
                    siteYamlStamp = s;
                    changed(opts.source().resolve(ConfigLoader.FILE));
                }
            } catch (RuntimeException ignored) {
                // an exception would end this periodic check for good; the next round tries again
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
        return render.apply(bo);
    }

    private void rebuild(String why) {
        long t0 = System.nanoTime();
        long gen = state.generation() + 1;
        Build.Output o;
        try {
            o = build(opts.lang());
        } catch (LastmileException e) {
            o = new Build.Output(Map.of(), Map.of(), e.diagnostics(), 0, 0, Map.of());
        } catch (RuntimeException | Error e) {
            // Whatever went wrong (even a stack overflow or lack of memory), the server stays up and the next save
            // rebuilds from scratch.
            o = new Build.Output(Map.of(), Map.of(), List.of(Diagnostic.error(null, "the build stopped unexpectedly: " + e,
                    "save again after fixing the last change; please report this")), 0, 0, Map.of());
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
        Build.Output o;
        try {
            o = build(lang);
        } catch (RuntimeException | Error e) {
            return s; // that language is not served; the previewed one still is
        }
        if (!o.ok()) return s;
        Map<String, Build.Output> langs = new HashMap<>(s.byLanguage());
        langs.put(lang, o);
        SiteState next = new SiteState(s.generation(), opts.lang(), Map.copyOf(langs), s.errors());
        if (state == s) state = next;
        return next;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!trusted(ex)) {
                // Another name for this address (DNS rebinding) or another site's page: not ours to answer.
                send(ex, 403, "text/plain", "lastmile preview answers only to its own address\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path;
            try {
                path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain", "bad path\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(Reloads.PATH)) {
                if (!streams.tryAcquire()) {
                    send(ex, 503, "text/plain", "too many open tabs\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                try {
                    reloads.serve(ex);
                } finally {
                    streams.release();
                }
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
        if (workers != null) workers.shutdownNow();
    }
}
