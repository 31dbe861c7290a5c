package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build that publishes: the pipeline's files written into a new version of the output as they are made, and
 * swapped in when the build found no error; with a build cache, a site whose every input is unchanged is published
 * from the cache without being rendered ({@link SiteCache}).
 */
final class Publish {
    private Publish() {
    }

    static BuildResult run(BuildOptions opts, boolean force, Progress progress) {
        long start = System.nanoTime();
        Optional<Diagnostic> refused = OutputWriter.refusal(opts.source(), opts.out(), force);
        if (refused.isPresent()) return new BuildResult(List.of(refused.get()), 0, 0, 0);
        Optional<DiskCache> disk = opts.cacheDir().map(DiskCache::new);
        Optional<SiteCache> siteCache = disk.map(SiteCache::new);
        Optional<SiteCache.Fingerprint> taken = siteCache.flatMap(c -> c.take(opts));
        Optional<String> fingerprint = taken.map(SiteCache.Fingerprint::digest);
        List<Diagnostic> ds = new ArrayList<>();
        if (fingerprint.isPresent()) {
            Optional<SiteCache.Manifest> m = siteCache.get().manifest(fingerprint.get(), opts.source());
            if (m.isPresent() && LiveStamp.upToDate(opts.out(), fingerprint.get())) {
                // The live output is this very build's, file for file: nothing to write (see LiveStamp).
                OutputWriter.tidy(opts.out());
                SiteCache.Manifest same = m.get();
                return new BuildResult(same.diagnostics(), same.pages(), same.pdfs(), (System.nanoTime() - start) / 1_000_000,
                        same.guides(), same.pdfs(), same.pages(), java.util.Set.of());
            }
            if (m.isPresent()) {
                Optional<BuildResult> r = fromCache(opts, force, progress, siteCache.get(), m.get(), fingerprint.get(), start);
                if (r.isPresent()) return r.get();
            }
        }
        try (OutputWriter.Staging staging = OutputWriter.stage(opts.out(), force)) {
            Optional<SiteCache.Recorder> rec = fingerprint.map(f -> siteCache.get().recorder());
            Build.Streamed o = Build.render(opts, new PdfCache(disk, false), progress, (path, bytes) -> {
                staging.write(path, bytes);
                rec.ifPresent(r -> r.file(path, bytes));
            }, taken);
            ds.addAll(o.diagnostics());
            // A file saved while the build ran went into this output and into cache entries keyed by the site as it
            // was before: kept, they would be served once the file was put back. Such a build caches nothing.
            boolean siteUnchanged = fingerprint.isPresent() && siteCache.get().fingerprint(opts).equals(fingerprint);
            if (fingerprint.isPresent() && !siteUnchanged) disk.get().forgetWritten();
            if (ds.stream().noneMatch(Diagnostic::isError)) {
                progress.stage("writing", 0);
                staging.commit(o.copies());
                if (rec.isPresent() && siteUnchanged) {
                    rec.get().store(fingerprint.get(), opts.source(), o.copies(), o.diagnostics(), o.pages(), o.pdfs(), o.guides());
                    LiveStamp.record(opts.out(), fingerprint.get());
                }
            }
            return new BuildResult(List.copyOf(ds), o.pages(), o.pdfs(), (System.nanoTime() - start) / 1_000_000, o.guides(),
                    o.cachedPdfs(), o.cachedPages(), o.renderedPages());
        } catch (IOException | java.io.UncheckedIOException e) {
            ds.add(cannotWrite(opts, e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e));
            return new BuildResult(List.copyOf(ds), 0, 0, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static Diagnostic cannotWrite(BuildOptions opts, IOException e) {
        boolean busy = String.valueOf(e.getMessage()).startsWith("another lastmile build is publishing");
        return Diagnostic.error(SourcePos.of(opts.out()), "cannot write the output: " + e.getMessage(),
                busy ? "wait for that build to finish, then build again" : "check that the folder is writable and the disk is not full");
    }

    /**
     * Publishes what the cache's manifest lists; empty when a stored file turned out damaged, so that the caller
     * renders the site instead (the half-written version is thrown away).
     */
    private static Optional<BuildResult> fromCache(BuildOptions opts, boolean force, Progress progress, SiteCache cache,
                                                   SiteCache.Manifest m, String fingerprint, long start) {
        try (OutputWriter.Staging staging = OutputWriter.stage(opts.out(), force)) {
            progress.stage("from the cache", m.files().size());
            List<Map.Entry<String, String>> files = List.copyOf(m.files().entrySet());
            boolean intact = files.parallelStream().allMatch(f -> {
                Optional<byte[]> b = cache.file(f.getValue());
                if (b.isEmpty()) return false;
                try {
                    staging.write(f.getKey(), b.get());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                progress.done(1);
                return true;
            });
            if (!intact || !m.copies().values().stream().allMatch(java.nio.file.Files::isRegularFile)) return Optional.empty();
            progress.stage("writing", 0);
            staging.commit(m.copies());
            LiveStamp.record(opts.out(), fingerprint);
            return Optional.of(new BuildResult(m.diagnostics(), m.pages(), m.pdfs(), (System.nanoTime() - start) / 1_000_000,
                    m.guides(), m.pdfs(), m.pages(), java.util.Set.of()));
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            return Optional.of(new BuildResult(List.of(cannotWrite(opts, io)), 0, 0, (System.nanoTime() - start) / 1_000_000));
        }
    }
}
