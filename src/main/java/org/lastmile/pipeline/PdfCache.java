package org.lastmile.pipeline;

import org.lastmile.config.Theme;
import org.lastmile.pdf.Booklet;
import org.lastmile.pdf.Direction;
import org.lastmile.pdf.Fonts;
import org.lastmile.pdf.PdfStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PDFs kept between builds of one process (the preview server), keyed by a hash of everything that went into them,
 * so an edit re-typesets only the guides it touched. A one-off build starts with an empty cache.
 */
public final class PdfCache {
    private final Map<String, byte[]> byKey = new ConcurrentHashMap<>();
    private final Map<String, byte[]> booklets = new ConcurrentHashMap<>();
    private final Map<String, Fonts> fonts = new ConcurrentHashMap<>();

    /**
     * The fonts of {@code style}, loaded once: parsing a 10 MB CJK font per document (or per rebuild in the
     * preview) would cost more than typesetting. Keyed by the font files' names, sizes and dates.
     */
    Fonts fonts(PdfStyle style, Theme theme) {
        StringBuilder key = new StringBuilder();
        for (String f : style.fontFiles()) {
            key.append(f).append('@');
            theme.font(f).ifPresent(p -> {
                try {
                    key.append(p).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    key.append("?");
                }
            });
            key.append('\n');
        }
        return fonts.computeIfAbsent(key.toString(), k -> Fonts.load(style, PdfTheme.fonts(theme)));
    }

    byte[] booklet(String key, byte[] guide, Direction direction) {
        return booklets.computeIfAbsent(key, k -> Booklet.impose(guide, direction));
    }

    Optional<byte[]> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    void put(String key, byte[] pdf) {
        byKey.put(key, pdf);
    }
}
