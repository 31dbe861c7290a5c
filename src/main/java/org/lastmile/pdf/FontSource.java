package org.lastmile.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where font bytes come from: a function from a font file name (as written in the theme's font mapping, e.g.
 * {@code NotoSans-Regular.ttf}) to the file's bytes. The build decides the lookup order (a site's own {@code fonts/}
 * folder, then the theme shipped in the jar); this package never opens font files by itself.
 */
@FunctionalInterface
public interface FontSource {

    /**
     * The bytes of the named font file.
     *
     * @throws NoSuchFileException if there is no such font
     * @throws IOException         if it cannot be read
     */
    byte[] read(String fileName) throws IOException;

    /** Fonts from a folder on disk (tests, {@code lastmile pdf}). */
    static FontSource directory(Path dir) {
        return name -> Files.readAllBytes(dir.resolve(name));
    }

    /** The default theme's fonts, shipped in the jar at {@code lastmile/theme/fonts/<file>}. */
    static FontSource classpath() {
        return name -> {
            try (InputStream in = FontSource.class.getClassLoader()
                    .getResourceAsStream("lastmile/theme/fonts/" + name)) {
                if (in == null) throw new NoSuchFileException("lastmile/theme/fonts/" + name);
                return in.readAllBytes();
            }
        };
    }

    /** This source, and {@code fallback} for names this one does not have. */
    default FontSource orElse(FontSource fallback) {
        return name -> {
            try {
                return read(name);
            } catch (NoSuchFileException e) {
                return fallback.read(name);
            }
        };
    }
}
