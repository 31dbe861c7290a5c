package org.lastmile.cli;

import org.lastmile.pipeline.Build;
import org.lastmile.pipeline.BuildOptions;
import org.lastmile.pipeline.BuildResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lastmile build}: the whole site and its PDFs into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Build the site and its PDF guides. Exit 0 on success, 1 on content errors, 2 on usage errors.")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.ParentCommand
    Main main;
    @Mixin
    SourceOptions source;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder. Default: public/ in the site folder.")
    Path out;
    @Mixin
    LanguageOptions languages;
    @Option(names = "--base-url", paramLabel = "URL", description = "Override base_url of site.yaml, e.g. https://example.org")
    String baseUrl;
    @Option(names = "--drafts", description = "Include files with draft: true.")
    boolean drafts;
    @Option(names = "--force", description = "Replace --out even when it is a folder or link that lastmile did not make.")
    boolean force;
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: one per core.")
    int threads;
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Build cache: PDFs whose inputs did not change are taken from here. Default: .lastmile/cache in the site folder.")
    Path cacheDir;
    @Option(names = "--no-cache", description = "Neither read nor fill the build cache.")
    boolean noCache;
    @Option(names = "--shard", paramLabel = "I/N", description = "Build only shard I of N (e.g. 2/3) on this machine; join the shards with 'lastmile merge'.")
    String shard;
    @Option(names = {"-v", "--verbose"}, description = "Also print each guide's layout, body size and how full its pages are.")
    boolean verbose;

    @Override
    public Integer call() {
        Path root = source.root();
        Path outDir = out == null ? root.resolve("public") : out.toAbsolutePath().normalize();
        org.lastmile.pipeline.OutputWriter.refusal(root, outDir, force).ifPresent(d -> {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": " + d.text());
        });
        if (threads < 0 || threads > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + ": give a number from 1 to 256 (0 means one per core)");
        }
        if (baseUrl != null && !org.lastmile.config.ConfigLoader.isBaseUrl(baseUrl)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--base-url " + baseUrl + ": not an absolute http(s) URL — write it like https://example.org");
        }
        if (noCache && cacheDir != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cache-dir and --no-cache: give one of them");
        }
        BuildOptions bo = new BuildOptions(root, outDir, languages.codes(), Optional.ofNullable(baseUrl), drafts, threads);
        if (shard != null) {
            try {
                bo = bo.withShard(org.lastmile.pipeline.Shard.parse(shard));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (!noCache) bo = bo.withCache(cacheDir == null ? root.resolve(BuildOptions.DEFAULT_CACHE) : cacheDir.toAbsolutePath().normalize());
        var err = spec.commandLine().getErr();
        BuildResult r;
        if (main != null && main.showProgress) {
            // A terminal gets a bar redrawn in place; a CI log a plain line now and then.
            try (ConsoleProgress progress = new ConsoleProgress(err, ConsoleProgress.onTerminal())) {
                r = Build.run(bo, force, progress);
            }
        } else {
            r = Build.run(bo, force, org.lastmile.pipeline.Progress.NONE);
        }
        Reporter.print(err, r.diagnostics());
        if (!r.ok()) {
            err.println("build failed: " + Reporter.counts(r.errors(), r.warnings()) + "; " + outDir + " was left as it was");
            return 1;
        }
        if (verbose) Reporter.guides(spec.commandLine().getOut(), r.guides());
        spec.commandLine().getOut().println("built " + Reporter.plural(r.pages(), "page")
                + (r.cachedPages() > 0 ? " (" + (r.cachedPages() == r.pages() ? "all" : String.valueOf(r.cachedPages())) + " from the cache)" : "") + " and "
                + Reporter.plural(r.pdfs(), "PDF") + (r.cachedPdfs() > 0 ? " (" + r.cachedPdfs() + " from the cache)" : "")
                + " into " + outDir + (shard == null ? "" : " as shard " + bo.shard().orElseThrow()) + " in " + r.millis() + " ms ("
                + Reporter.counts(0, r.warnings()) + ")");
        return 0;
    }
}
