package org.lastmile.diag;

import java.nio.file.Path;

/**
 * A place in a source file that a diagnostic points at. {@code path} is shown as given (relative to the site root
 * when the loader knows it); {@code line} and {@code col} are 1-based, 0 meaning "unknown".
 */
public record SourcePos(Path path, int line, int col) implements Comparable<SourcePos> {

    public static SourcePos of(Path path) {
        return new SourcePos(path, 0, 0);
    }

    public static SourcePos of(Path path, int line) {
        return new SourcePos(path, line, 0);
    }

    @Override
    public String toString() {
        String p = path == null ? "<unknown>" : path.toString().replace('\\', '/');
        return line > 0 ? p + ":" + line : p;
    }

    @Override
    public int compareTo(SourcePos o) {
        int c = String.valueOf(path).compareTo(String.valueOf(o.path));
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(col, o.col);
    }
}
