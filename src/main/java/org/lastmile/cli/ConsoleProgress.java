package org.lastmile.cli;

import org.lastmile.pipeline.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of a build on stderr, shown only once the build has taken more than a second: on a terminal, one
 * line redrawn in place (stage, done/total, rate, time left) and erased at the end; elsewhere (CI logs), a plain line
 * every few seconds.
 */
final class ConsoleProgress implements Progress, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private volatile String stage = "reading";
    private volatile int total;
    private volatile long stageStart = start;
    private boolean drawn;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lastmile-progress");
            t.setDaemon(true);
            return t;
        });
        long every = terminal ? 200 : 5000;
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this process talks to a terminal. Java 22+ gives a console even when output is redirected and says
     * so with Console.isTerminal(); lastmile runs on 21 too, where a console means a terminal.
     */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void stage(String name, int total) {
        this.total = total;
        this.done.set(0);
        this.stageStart = System.nanoTime();
        this.stage = name;
    }

    @Override
    public void done(int n) {
        done.addAndGet(n);
    }

    /** The line shown now: "PDFs 120/900 · 35/s · about 22 s left". */
    String line(long now) {
        int d = done.get();
        int t = total;
        StringBuilder sb = new StringBuilder(stage);
        if (t > 0) {
            sb.append(' ').append(Math.min(d, t)).append('/').append(t);
            double secs = (now - stageStart) / 1e9;
            if (d > 0 && secs > 0.2) {
                double rate = d / secs;
                sb.append(String.format(Locale.ROOT, " · %.0f/s", rate));
                if (d < t) sb.append(String.format(Locale.ROOT, " · about %.0f s left", Math.ceil((t - d) / rate)));
            }
        } else {
            sb.append('…');
        }
        return sb.toString();
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS) return;
        if (terminal) {
            err.print("\r\033[K" + line(now));
            drawn = true;
        } else {
            err.println("lastmile: " + line(now));
        }
        err.flush();
    }

    /** Stops the updates and erases the bar, so the build's own report starts on a clean line. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
