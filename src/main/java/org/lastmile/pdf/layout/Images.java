package org.lastmile.pdf.layout;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.model.ImageData;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads the images of one document: relative paths inside the document's folder (never outside it, even
 * through a symbolic link), site-root paths ({@code /images/logo.png}) among the site's static files. Only PNG and
 * JPEG; the size is read from the header without decoding, and images above {@value #MAX_PIXELS} pixels are refused
 * before they can exhaust memory.
 */
public final class Images {
    /** Fifty megapixels: far beyond print quality for a four-page guide, far below what exhausts the heap. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** A loaded image and the key the layout refers to it by. */
    public record Loaded(String key, ImageData data) {
    }

    private final Path folder;
    private final Map<String, Path> staticFiles;
    private final Map<Path, Optional<Loaded>> cache = new HashMap<>();

    /**
     * @param folder      the document's folder, or null
     * @param staticFiles the site's static files by site path without the leading slash
     */
    public Images(Path folder, Map<String, Path> staticFiles) {
        this.folder = folder;
        this.staticFiles = staticFiles == null ? Map.of() : staticFiles;
    }

    /** The image at {@code url} as written in the Markdown, or empty with the reason in {@code diags}. */
    public Optional<Loaded> load(String url, SourcePos pos, List<Diagnostic> diags) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || lower.startsWith("//")) {
            diags.add(Diagnostic.error(pos, "image " + url + " is not a file of this site",
                    "put the image in the paper's folder and link it with a relative path"));
            return Optional.empty();
        }
        if (lower.endsWith(".svg")) {
            diags.add(Diagnostic.error(pos, "image " + url + ": SVG cannot be placed in the PDF", "use a PNG or JPEG version"));
            return Optional.empty();
        }
        String clean = url;
        int q = clean.indexOf('?');
        if (q >= 0) clean = clean.substring(0, q);
        int h = clean.indexOf('#');
        if (h >= 0) clean = clean.substring(0, h);
        clean = URLDecoder.decode(clean.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file;
        if (clean.startsWith("/")) {
            file = staticFiles.get(clean.substring(1));
            if (file == null) {
                diags.add(Diagnostic.error(pos, "image " + url + " not found among the site's static files",
                        "put it in static/" + clean.substring(1)));
                return Optional.empty();
            }
        } else {
            if (folder == null) {
                diags.add(Diagnostic.error(pos, "image " + url + " cannot be found (no folder to look in)",
                        "write images relative to the Markdown file"));
                return Optional.empty();
            }
            file = folder.resolve(clean).normalize();
            if (!inside(file, folder)) {
                diags.add(Diagnostic.error(pos, "image " + url + " is outside the paper's folder",
                        "copy the image into the paper's folder and link it from there"));
                return Optional.empty();
            }
        }
        Optional<Loaded> hit = cache.get(file);
        if (hit != null) return hit;
        Optional<Loaded> r = read(url, file, pos, diags);
        cache.put(file, r);
        return r;
    }

    /** Whether {@code file} is inside {@code folder} once symbolic links are followed. */
    static boolean inside(Path file, Path folder) {
        try {
            Path f = folder.toRealPath();
            if (!file.startsWith(folder.normalize()) && !file.normalize().startsWith(f)) return false;
            return !Files.exists(file) || file.toRealPath().startsWith(f);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Loaded> read(String url, Path file, SourcePos pos, List<Diagnostic> diags) {
        try {
            if (Files.isDirectory(file)) {
                diags.add(Diagnostic.error(pos, "image " + url + " is a folder", "link an image file"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            int[] size = dimensions(bytes);
            if (size == null) {
                diags.add(Diagnostic.error(pos, "image " + url + " is not a readable PNG or JPEG file",
                        "save it again as PNG or JPEG"));
                return Optional.empty();
            }
            if ((long) size[0] * size[1] > MAX_PIXELS) {
                diags.add(Diagnostic.error(pos, "image " + url + " is " + size[0] + "×" + size[1]
                        + " pixels, more than " + MAX_PIXELS / 1_000_000 + " megapixels",
                        "scale it down (300 dpi at the printed size is plenty)"));
                return Optional.empty();
            }
            String key = "img" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length;
            return Optional.of(new Loaded(key, new ImageData(bytes, size[0], size[1])));
        } catch (NoSuchFileException e) {
            diags.add(Diagnostic.error(pos, "image " + url + " not found", "expected at " + file));
        } catch (IOException e) {
            diags.add(Diagnostic.error(pos, "image " + url + " cannot be read", "check that the file is readable"));
        }
        return Optional.empty();
    }

    /** Width and height from a PNG or JPEG header, or null when it is neither. */
    static int[] dimensions(byte[] bytes) {
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
        if (!png && !jpeg) return null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                return w > 0 && h > 0 ? new int[]{w, h} : null;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
