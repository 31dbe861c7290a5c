package org.lastmile.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.lastmile.config.Theme;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The theme's FreeMarker templates: the site's {@code templates/} over the default theme in the jar. Configured once
 * per build; a template error becomes a diagnostic naming the template file and line.
 */
public final class Templates {
    /** How long one page's template may run: pages take milliseconds, so more is an endless loop. */
    static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(3);

    private final Configuration cfg;
    private final Theme theme;
    private final java.util.Set<Template> prepared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Set once a template ran out of time: the other pages fail at once instead of each taking the full budget. */
    private volatile Diagnostic timedOut;
    /**
     * The templates the current thread's {@link #recording} work loaded, with their sources' hashes: like a
     * compiler's depfile, what a page cached by the build cache must find unchanged to be served again.
     */
    private final ThreadLocal<Map<String, String>> loaded = new ThreadLocal<>();
    private final Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
    private final TemplateLoader loader;

    public Templates(Theme theme) {
        this.theme = theme;
        // Every template a page runs, its includes and imports too, is looked up through this one method.
        Configuration c = new Configuration(Configuration.VERSION_2_3_34) {
            @Override
            public Template getTemplate(String name, Locale locale, Object custom, String encoding, boolean parseAsFTL,
                                        boolean ignoreMissing) throws IOException {
                Map<String, String> deps = loaded.get();
                Template t;
                try {
                    t = super.getTemplate(name, locale, custom, encoding, parseAsFTL, ignoreMissing);
                } catch (IOException | RuntimeException e) {
                    if (deps != null) deps.put(name, sourceHash(name));
                    throw e;
                }
                if (deps != null) {
                    String used = t == null ? name : t.getSourceName();
                    deps.put(used, sourceHash(used));
                }
                return t;
            }
        };
        List<TemplateLoader> loaders = new ArrayList<>();
        Path siteTemplates = theme.templateDirs().get(0);
        try {
            if (Files.isDirectory(siteTemplates)) loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(siteTemplates), "cannot read templates: " + e.getMessage(), "check the folder"));
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/lastmile/theme/templates"));
        this.loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        // A site's templates are someone else's code: no ?new (it instantiates any class, e.g. one that runs
        // commands), no ?api. Templates are read once per build and kept, so each gets its loop checks once.
        c.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        c.setCacheStorage(new freemarker.cache.StrongCacheStorage());
        c.setLocalizedLookup(false);
        c.setNumberFormat("computer");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        this.cfg = c;
        for (String name : templateNames()) {
            try {
                prepare(c.getTemplate(name));
            } catch (IOException e) {
                // A template that does not parse is reported with its line when a page uses it.
            }
        }
    }

    /**
     * Every template of the theme and the site. All are loaded up front so that each has its loop checks before any
     * page runs it: {@code <#include>} and {@code <#import>} take templates from the same cache.
     */
    private List<String> templateNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Path dir : theme.templateDirs()) {
            if (!Files.isDirectory(dir)) continue;
            try (java.util.stream.Stream<Path> s = Files.walk(dir, 4)) {
                s.filter(p -> p.getFileName() != null && p.getFileName().toString().matches(".*\\.ftl[hx]?"))
                        .forEach(p -> names.add(dir.relativize(p).toString().replace('\\', '/')));
            } catch (IOException | java.io.UncheckedIOException e) {
                // Unreadable template folders are reported when a page needs a template from them.
            }
        }
        return List.copyOf(names);
    }

    /**
     * Runs {@code work} on this thread, putting into {@code deps} every template it loads (by name, as FreeMarker
     * found it) with {@link #sourceHash}.
     */
    public <T> T recording(java.util.function.Supplier<T> work, Map<String, String> deps) {
        Map<String, String> before = loaded.get();
        loaded.set(deps);
        try {
            return work.get();
        } finally {
            if (before == null) loaded.remove();
            else loaded.set(before);
        }
    }

    /**
     * The SHA-256 of the source FreeMarker reads for template {@code name} (the site's file, else the theme's),
     * "missing" when there is none, "unreadable" when it cannot be read (which then never matches a stored one).
     * Once per build and name: templates are read once per build too.
     */
    public String sourceHash(String name) {
        return hashes.computeIfAbsent(name, n -> {
            try {
                Object src = loader.findTemplateSource(n);
                if (src == null) return "missing";
                try (java.io.Reader r = loader.getReader(src, "UTF-8")) {
                    java.io.StringWriter w = new java.io.StringWriter();
                    r.transferTo(w);
                    byte[] b = w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
                } finally {
                    loader.closeTemplateSource(src);
                }
            } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
                return "unreadable " + java.util.UUID.randomUUID();
            }
        });
    }

    /** Adds FreeMarker's thread-interruption checks to every loop of {@code t}, once: what the time budget stops. */
    private void prepare(Template t) {
        synchronized (prepared) {
            if (prepared.add(t)) freemarker.core._CoreAPI.addThreadInterruptedChecks(t);
        }
    }

    /** Renders {@code name} with {@code model}; template mistakes are thrown as diagnostics with file:line. */
    public String render(String name, Map<String, Object> model) {
        if (timedOut != null) throw new LastmileException(timedOut);
        Deadline deadline = null;
        try {
            Template t = cfg.getTemplate(name);
            prepare(t);
            PageWriter out = new PageWriter();
            freemarker.core.Environment env = t.createProcessingEnvironment(model, out);
            deadline = new Deadline(Thread.currentThread(), env);
            java.util.concurrent.CompletableFuture.delayedExecutor(BUDGET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
                    Runnable::run).execute(deadline);
            try {
                env.process();
            } catch (StackOverflowError e) {
                throw new LastmileException(Diagnostic.error(pos(name, 0), "template error: a macro or function calls itself without end",
                        "make sure every recursive macro or function has a case where it stops"));
            }
            if (deadline.finish()) throw timeout(deadline, name);
            return out.toString();
        } catch (RuntimeException | TemplateException | IOException e) {
            if (deadline != null && deadline.finish()) throw timeout(deadline, name);
            throw translate(e, name);
        }
    }

    private LastmileException timeout(Deadline d, String name) {
        Thread.interrupted(); // our own interrupt, if it came after the template ended
        SourcePos where = d.where == null ? pos(name, 0) : d.where;
        Diagnostic diag = Diagnostic.error(where, "template error: still running after " + BUDGET.toSeconds() + " s",
                "look for a loop without end, such as <#list 1..> or a list that grows as it is read");
        timedOut = diag;
        return new LastmileException(diag);
    }

    /**
     * A page's text as FreeMarker writes it: a StringWriter without its StringBuffer's lock, and sized for a page
     * from the start rather than grown by copying.
     */
    private static final class PageWriter extends java.io.Writer {
        // Most pages of the bench site are 20–40 kB: grown once at most.
        private final StringBuilder sb = new StringBuilder(40 * 1024);

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void write(String str) {
            sb.append(str);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /**
     * Interrupts a template that runs past the budget, noting where it was. The timer keeps it for the whole budget
     * even after the page is done, so {@link #finish} lets go of the thread and the environment (which holds the
     * page's model and text): else every page of the last three seconds would stay in memory.
     */
    private final class Deadline implements Runnable {
        private Thread thread;
        private freemarker.core.Environment env;
        private boolean done;
        private boolean fired;
        private SourcePos where;

        Deadline(Thread thread, freemarker.core.Environment env) {
            this.thread = thread;
            this.env = env;
        }

        @Override
        public synchronized void run() {
            if (done) return;
            fired = true;
            try {
                // Read from this thread while the template runs on: good enough to name the line of the loop.
                freemarker.core.TemplateElement[] stack = freemarker.core._CoreAPI.getInstructionStackSnapshot(env);
                if (stack.length > 0 && stack[0].getTemplate() != null) where = pos(stack[0].getTemplate().getSourceName(), stack[0].getBeginLine());
            } catch (RuntimeException e) {
                where = null;
            }
            thread.interrupt();
        }

        /** Marks the render as over; whether the budget ran out first. */
        synchronized boolean finish() {
            done = true;
            thread = null;
            env = null;
            return fired;
        }
    }

    private LastmileException translate(Exception ex, String name) {
        // A template that failed to parse when all were loaded is cached as that failure, wrapped.
        if (ex instanceof IOException && !(ex instanceof ParseException) && ex.getCause() instanceof ParseException pe) ex = pe;
        try {
            throw ex;
        } catch (LastmileException e) {
            return e;
        } catch (ParseException e) {
            return new LastmileException(Diagnostic.error(pos(e.getTemplateName(), e.getLineNumber()),
                    "template syntax: " + firstLine(e.getEditorMessage()), "fix the template"));
        } catch (freemarker.core.InvalidReferenceException e) {
            return new LastmileException(Diagnostic.error(pos(e.getTemplateSourceName(), e.getLineNumber() == null ? 0 : e.getLineNumber()),
                    "template error: '" + blamed(e) + "' is null or missing", "fix the template, or give the value a default with !\"\""));
        } catch (TemplateException e) {
            return new LastmileException(Diagnostic.error(pos(e.getTemplateSourceName(), e.getLineNumber() == null ? 0 : e.getLineNumber()),
                    "template error: " + firstLine(e.getMessageWithoutStackTop()), "fix the template"));
        } catch (freemarker.template.TemplateNotFoundException e) {
            return new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)), "template '" + name + "' not found",
                    "add templates/" + name + " or remove your override of the theme"));
        } catch (IOException e) {
            return new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)), "cannot read template: " + e.getMessage(), "check the file"));
        } catch (Exception e) {
            return new LastmileException(Diagnostic.error(pos(name, 0), "template error: " + firstLine(e.getMessage()), "fix the template"));
        }
    }

    private SourcePos pos(String templateName, Integer line) {
        String name = templateName == null ? "?" : templateName;
        Path site = theme.templateDirs().get(0).resolve(name);
        Path shown = Files.isRegularFile(site) ? Path.of("templates", name) : Path.of("(default theme) templates", name);
        return SourcePos.of(shown, line == null ? 0 : line);
    }

    /** The expression FreeMarker found missing: the "==> page.subtitle" line of its message. */
    private static String blamed(freemarker.core.InvalidReferenceException e) {
        String m = e.getMessageWithoutStackTop();
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("==>\\s*(.+?)\\s*(\\[in template|\\n|$)").matcher(m == null ? "" : m);
        return x.find() ? x.group(1).strip() : "a value";
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
