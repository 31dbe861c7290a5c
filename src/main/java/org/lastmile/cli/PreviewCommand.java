package org.lastmile.cli;

import org.lastmile.config.Language;
import org.lastmile.preview.PreviewOptions;
import org.lastmile.preview.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code lastmile preview --lang L}: serve one language live on loopback until Ctrl-C. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Build one language, serve it on 127.0.0.1 and rebuild + reload the browser when a file changes.",
                "Stop with Ctrl-C."})
final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Option(names = "--lang", paramLabel = "L", description = "The language to preview. Default: the site's default language.")
    String lang;
    @Option(names = "--port", paramLabel = "PORT", description = "Port to serve on. Default: ${DEFAULT-VALUE}.")
    int port = 1313;
    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on. Default: ${DEFAULT-VALUE} (this computer only).")
    String bind = "127.0.0.1";

    /** The warning for an address other computers can reach (anything but loopback), if it is one. */
    static java.util.Optional<String> bindWarning(String bind) {
        if (loopback(bind)) return java.util.Optional.empty();
        return java.util.Optional.of("warning: --bind " + bind + " makes the preview visible to other computers on the network, drafts "
                + "included — use it only on a network you trust, and stop it when you are done");
    }

    private static boolean loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws IOException {
        String l = lang;
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": give a port from 1 to 65535, such as 1313");
        }
        if (l != null && Language.canonicalCode(l).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--lang " + l + ": not a language code — use a BCP 47 code such as fr or zh");
        }
        var err = spec.commandLine().getErr();
        var site = SiteLoad.load(source.root(), err);
        if (site.isEmpty()) return 1;
        var cfg = site.get().config();
        if (l == null) l = cfg.defaultLanguage();
        if (cfg.language(l).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--lang " + l + ": the site has no such language (it has "
                    + String.join(", ", cfg.languages().stream().map(Language::code).toList()) + ")");
        }
        var out = spec.commandLine().getOut();
        PreviewServer server = new PreviewServer(new PreviewOptions(source.root(), cfg.language(l).get().code(), bind, port),
                cfg.languages().stream().map(Language::code).collect(java.util.stream.Collectors.toSet()), out);
        String url;
        try {
            url = server.start();
        } catch (PreviewServer.PortInUse e) {
            server.close();
            err.println("preview: " + e.getMessage());
            return 1;
        } catch (PreviewServer.BadAddress e) {
            server.close();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        bindWarning(bind).ifPresent(w -> {
            err.println(w);
            err.flush();
        });
        out.println("previewing " + l + " at " + url + " — watching content/, templates/, fonts/, static/ and site.yaml; Ctrl-C to stop");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("preview stopped");
            out.flush();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
