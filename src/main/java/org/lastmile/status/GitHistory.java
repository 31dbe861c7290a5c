package org.lastmile.status;

import org.lastmile.content.ContentLoader;
import org.lastmile.content.FrontMatterParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds earlier versions of a source file in git, to show what changed since a translation was made. Git is
 * optional: when it is not installed or the site is not in a repository, {@link #available} says so and every
 * lookup is empty.
 */
public final class GitHistory {
    private final Path root;
    private final boolean available;

    public GitHistory(Path root) {
        this.root = root;
        this.available = run(List.of("git", "rev-parse", "--is-inside-work-tree")).map(s -> s.strip().equals("true")).orElse(false);
    }

    public boolean available() {
        return available;
    }

    /**
     * The body of {@code file} (relative to the site root) as it was when its body hash was {@code hash}: the
     * translation's {@code translation_of}. Searches the file's commits, newest first.
     */
    public Optional<String> bodyWithHash(Path file, String hash) {
        if (!available) return Optional.empty();
        String rel = file.toString().replace('\\', '/');
        Optional<String> log = run(List.of("git", "log", "--format=%H", "--", rel));
        if (log.isEmpty()) return Optional.empty();
        for (String commit : log.get().split("\n")) {
            if (commit.isBlank()) continue;
            Optional<String> text = run(List.of("git", "show", commit.strip() + ":./" + rel));
            if (text.isEmpty()) continue;
            Optional<FrontMatterParser.Split> split = FrontMatterParser.split(file, text.get(), new ArrayList<>());
            if (split.isPresent() && ContentLoader.hash(split.get().body()).equalsIgnoreCase(hash)) {
                return Optional.of(split.get().body());
            }
        }
        return Optional.empty();
    }

    private Optional<String> run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return Optional.empty();
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // git is not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
