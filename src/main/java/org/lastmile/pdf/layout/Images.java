package org.lastmile.pdf.layout;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.model.ImageData;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
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

    /** Width and height from a PNG or JPEG header, or null when it is neither or its header is damaged. */
    public static int[] dimensions(byte[] bytes) {
        long[] size = headerSize(bytes);
        if (size == null || size[0] <= 0 || size[1] <= 0 || size[0] > Integer.MAX_VALUE || size[1] > Integer.MAX_VALUE) {
            return null;
        }
        return new int[]{(int) size[0], (int) size[1]};
    }

    /**
     * Width and height as a PNG or JPEG file declares them, read from its header without decoding anything (the one
     * reader of image headers: layout and the pipeline's checks both ask here), or null when the bytes are neither
     * or the header is damaged.
     */
    public static long[] headerSize(byte[] b) {
        if (isPng(b)) return pngSize(b);
        if (isJpeg(b)) return jpegSize(b);
        return null;
    }

    private static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    /** Width and height from the IHDR chunk, which the PNG standard puts first. */
    private static long[] pngSize(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return null;
        return new long[]{u32(b, 16), u32(b, 20)};
    }

    /** Width and height from the first start-of-frame segment, walking the segments from the start of the file. */
    private static long[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xFF) return null;
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) return null; // end of image or scan data before any frame header
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (len < 2) return null;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 9 > b.length) return null;
                long h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                long w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return new long[]{w, h};
            }
            i += 2 + len;
        }
        return null;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
