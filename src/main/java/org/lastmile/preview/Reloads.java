package org.lastmile.preview;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Server-Sent Events channel that tells open browser tabs to reload. Each tab holds one request open on its own
 * (virtual) thread, waiting on its queue; a rebuild puts a message in every queue.
 */
final class Reloads {
    static final String PATH = "/__lastmile/events";
    /** Injected before {@code </body>} of every served HTML page (never into built output). */
    static final String SCRIPT = "<script>(function(){if(!window.EventSource)return;var s=new EventSource('" + PATH
            + "');s.addEventListener('reload',function(){s.close();location.reload();});})();</script>";

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    void broadcast(long generation) {
        for (BlockingQueue<String> q : clients) q.offer("event: reload\ndata: " + generation + "\n\n");
    }


    void close() {
        open = false;
        for (BlockingQueue<String> q : clients) q.offer("");
    }

    /** Serves one tab until it goes away or the server stops. */
    void serve(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        clients.add(q);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (open) {
                String msg = q.poll(15, TimeUnit.SECONDS);
                if (!open) break;
                // A comment every 15 s finds tabs that were closed, so their threads end.
                out.write((msg == null ? ": ping\n\n" : msg).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the tab was closed
        } finally {
            clients.remove(q);
        }
    }
}
