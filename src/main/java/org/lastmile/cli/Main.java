package org.lastmile.cli;

import org.lastmile.config.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code lastmile} command: subcommands only, each a thin class that calls one library method. */
@Command(name = "lastmile", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Builds a multilingual static site and print-ready PDF guides from Markdown.",
        subcommands = {BuildCommand.class, MergeCommand.class, PdfCommand.class, CheckCommand.class, PreviewCommand.class, StatusCommand.class, NewCommand.class, MarkTranslatedCommand.class,
                CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    /** True in a real process (not a test running the CLI in-process): long builds show their progress on stderr. */
    boolean showProgress;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, true, args));
    }

    /** Runs lastmile with {@code args}, printing to {@code out} and {@code err}; returns the exit code (0, 1 or 2). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    private static int run(PrintWriter out, PrintWriter err, boolean showProgress, String... args) {
        Main main = new Main();
        main.showProgress = showProgress;
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug, not bad input: say so in one line, with the way to get the details.
            err.println("lastmile: internal error: " + ex + " — please report it; run with LASTMILE_DEBUG=1 for details");
            if (System.getenv("LASTMILE_DEBUG") != null) ex.printStackTrace(err);
            return 70;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'lastmile build' or 'lastmile --help'");
    }

    /** Reports the version compiled into the jar. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"lastmile " + Version.VERSION};
        }
    }
}
