package org.lastmile.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --source DIR}: the site folder, shared by every command that reads a site. */
public final class SourceOptions {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Site folder (holds content/ and site.yaml). Default: current folder.")
    Path source = Path.of(".");

    Path root() {
        return source.toAbsolutePath().normalize();
    }
}
