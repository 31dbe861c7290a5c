package org.lastmile.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel size of an image file beside a paper, for the width and height of its {@code <img>} (so the page does
 * not jump while images load). PNG, JPEG and GIF are read from their headers without decoding; SVG from its
 * width/height or viewBox. Each file is read once per build.
 */
final class ImageSizes {
    record Size(int width, int height) {
    }

    private static final Pattern SVG_ROOT = Pattern.compile("(?s)<svg\\b([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("\\b(width|height|viewBox)\\s*=\\s*\"([^\"]*)\"");
    private final Map<Path, Optional<Size>> cache = new ConcurrentHashMap<>();

    Optional<Size> of(Path file) {
        return cache.computeIfAbsent(file.toAbsolutePath().normalize(), ImageSizes::read);
    }

    private static Optional<Size> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".svg")) return svg(Files.readString(file, StandardCharsets.UTF_8));
            try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
                if (in == null) return Optional.empty();
                Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
                if (!readers.hasNext()) return Optional.empty();
                javax.imageio.ImageReader r = readers.next();
                try {
                    r.setInput(in, true, true);
                    return Optional.of(new Size(r.getWidth(0), r.getHeight(0)));
                } finally {
                    r.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable image still shows; it only lacks its size
        }
    }

    static Optional<Size> svg(String text) {
        Matcher root = SVG_ROOT.matcher(text);
        if (!root.find()) return Optional.empty();
        Map<String, String> a = new java.util.HashMap<>();
        Matcher m = ATTR.matcher(root.group(1));
        while (m.find()) a.put(m.group(1), m.group(2).strip());
        Optional<Integer> w = px(a.get("width"));
        Optional<Integer> h = px(a.get("height"));
        if (w.isPresent() && h.isPresent()) return Optional.of(new Size(w.get(), h.get()));
        String vb = a.get("viewBox");
        if (vb == null) return Optional.empty();
        String[] p = vb.split("[\\s,]+");
        try {
            if (p.length == 4) return Optional.of(new Size((int) Math.round(Double.parseDouble(p[2])), (int) Math.round(Double.parseDouble(p[3]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Integer> px(String v) {
        if (v == null || !v.matches("\\d+(\\.\\d+)?(px)?")) return Optional.empty();
        return Optional.of((int) Math.round(Double.parseDouble(v.replace("px", ""))));
    }
}
