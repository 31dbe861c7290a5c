package org.lastmile.cli;

import org.lastmile.pipeline.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lastmile merge}: the shards of a split build joined into one site, as one machine would have built it. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Join the outputs of 'lastmile build --shard I/N' (all N of them) into one site. "
                + "Exit 0 on success, 1 when the shards do not make one whole build, 2 on usage errors.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shard folders, in any order.")
    List<Path> shards;
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder. Default: public/ in the current folder.")
    Path out;
    @Option(names = "--force", description = "Replace --out even when it is a folder or link that lastmile did not make.")
    boolean force;

    @Override
    public Integer call() {
        Path outDir = (out == null ? Path.of("public") : out).toAbsolutePath().normalize();
        ShardMerge.refusal(shards, outDir, force).ifPresent(d -> {
            throw new ParameterException(spec.commandLine(), "--out " + (out == null ? "public" : out) + ": " + d.text());
        });
        ShardMerge.Result r = ShardMerge.run(shards, outDir, force);
        var err = spec.commandLine().getErr();
        Reporter.print(err, r.diagnostics());
        if (!r.ok()) {
            err.println("merge failed: " + Reporter.plural(r.diagnostics().size(), "error") + "; " + outDir + " was left as it was");
            return 1;
        }
        spec.commandLine().getOut().println("merged " + Reporter.plural(r.shards(), "shard") + " (" + Reporter.plural(r.files(), "file")
                + ") into " + outDir + " in " + r.millis() + " ms");
        return 0;
    }
}
