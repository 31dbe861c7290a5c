package org.lastmile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lastmile.testutil.Cli;

/** {@code lastmile preview} with a port or address it cannot use: a usage error (exit 2) that says what to do. */
class PreviewCommandTest {
    @TempDir
    Path tmp;

    private Cli.Run preview(String... opts) {
        Path site = tmp.resolve("translations");
        if (!java.nio.file.Files.exists(site)) site = Cli.copySite("translations", tmp);
        String[] args = new String[opts.length + 3];
        args[0] = "preview";
        args[1] = "--source";
        args[2] = site.toString();
        System.arraycopy(opts, 0, args, 3, opts.length);
        return Cli.run(args);
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Cli.Run r = preview("--port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("--port 70000: give a port from 1 to 65535, such as 1313\n"), r.err());
        Cli.Run neg = preview("--port=-5");
        assertEquals(2, neg.code());
        assertTrue(neg.err().startsWith("--port -5: give a port from 1 to 65535, such as 1313\n"), neg.err());
    }

    @Test
    void unknownBindAddressIsAUsageError() {
        Cli.Run r = preview("--bind", "no.such.host.invalid");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--bind no.such.host.invalid: no such address — use 127.0.0.1 (this computer only)"), r.err());
    }

    @Test
    void privilegedPortWithoutRightsIsAUsageError() {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may listen on port 80");
        Cli.Run r = preview("--port", "80");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--port 80: ports below 1024 need administrator rights — use a port such as 1313"), r.err());
    }

    @Test
    void bindingBeyondThisComputerWarnsThatTheNetworkCanSeeTheSite() {
        assertTrue(PreviewCommand.bindWarning("0.0.0.0").orElseThrow().startsWith(
                "warning: --bind 0.0.0.0 makes the preview visible to other computers on the network"));
        for (String local : java.util.List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
            assertTrue(PreviewCommand.bindWarning(local).isEmpty(), local);
        }
    }
}
