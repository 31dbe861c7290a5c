package org.lastmile.pdf;

import org.openpdf.text.Image;

import java.io.IOException;

/**
 * Reads the PNG and JPEG files placed in PDFs, refusing before decoding what would cost too much: decoding makes
 * every pixel a few bytes of memory, so a small file that declares 20,000 × 20,000 pixels would take gigabytes. The
 * size is read from the file's header by the layout's one header reader ({@code layout.Images.headerSize}); a file
 * that is not a PNG or JPEG, or whose header is damaged, is refused too.
 */
public final class ImageFiles {
    /** Pixels an image may have: a 300 dpi A4 page is about 9 megapixels, so this leaves ample room. */
    public static final long MAX_PIXELS = org.lastmile.pdf.layout.Images.MAX_PIXELS; // one budget for every image

    private ImageFiles() {
    }

    /**
     * Why a PDF cannot use an image, in words for its author, worded as the layout engine's {@code layout.Images}
     * words them: the message follows the image's name ("image map.png is not a readable PNG or JPEG file").
     */
    public static final class Refused extends IOException {
        private final String hint;

        Refused(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        /** What the author can do about it. */
        public String hint() {
            return hint;
        }
    }

    /** The image in {@code bytes}, checked and decoded. */
    public static Image read(byte[] bytes) throws Refused {
        check(bytes);
        try {
            return Image.getInstance(bytes);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw damaged();
        }
    }

    /** Checks the format and pixel count of {@code bytes} without decoding the pixels. */
    public static void check(byte[] bytes) throws Refused {
        long[] size = org.lastmile.pdf.layout.Images.headerSize(bytes);
        if (size == null || size[0] <= 0 || size[1] <= 0) throw damaged();
        if (size[0] * size[1] > MAX_PIXELS) {
            throw new Refused(String.format("is %d×%d pixels, more than %d megapixels", size[0], size[1], MAX_PIXELS / 1_000_000),
                    "scale it down (300 dpi at the printed size is plenty)");
        }
    }

    private static Refused damaged() {
        return new Refused("is not a readable PNG or JPEG file", "save it again as PNG or JPEG");
    }
}
