package org.lastmile.pdf;

import org.openpdf.text.Image;

import java.io.IOException;

/**
 * Reads the PNG and JPEG files placed in PDFs, refusing before decoding what would cost too much: decoding makes
 * every pixel a few bytes of memory, so a small file that declares 20,000 × 20,000 pixels would take gigabytes. The
 * size is read from the file's header; a file that is not a PNG or JPEG, or whose header is damaged, is refused too.
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
        long[] size = isPng(bytes) ? pngSize(bytes) : isJpeg(bytes) ? jpegSize(bytes) : null;
        if (size == null && !isPng(bytes) && !isJpeg(bytes)) {
            throw damaged();
        }
        if (size == null || size[0] <= 0 || size[1] <= 0) throw damaged();
        if (size[0] * size[1] > MAX_PIXELS) {
            throw new Refused(String.format("is %d×%d pixels, more than %d megapixels", size[0], size[1], MAX_PIXELS / 1_000_000),
                    "scale it down (300 dpi at the printed size is plenty)");
        }
    }

    private static Refused damaged() {
        return new Refused("is not a readable PNG or JPEG file", "save it again as PNG or JPEG");
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
