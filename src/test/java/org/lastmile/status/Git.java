package org.lastmile.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A throwaway git repository for tests of history-based status. */
final class Git {
    private Git() {
    }

    static boolean init(Path dir) throws InterruptedException {
        return run(dir, "git", "init", "-q") && run(dir, "git", "config", "user.email", "t@example.test")
                && run(dir, "git", "config", "user.name", "test") && commitAll(dir, "initial");
    }

    static boolean commitAll(Path dir, String msg) throws InterruptedException {
        return run(dir, "git", "add", "-A") && run(dir, "git", "commit", "-q", "-m", msg);
    }

    private static boolean run(Path dir, String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
