package org.lastmile.pdf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The pixel budget is read from PNG and JPEG headers, so a huge image is refused before it is decoded. */
class ImageFilesTest {

    private static byte[] encode(String format, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** A JPEG that starts like a camera's (APP0 segment first) and declares {@code w × h} in its frame header. */
    private static byte[] jpegHeader(int w, int h) {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3,
                1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, (byte) 0xFF, (byte) 0xD9};
    }

    @Test
    void realImagesPass() throws Exception {
        assertDoesNotThrow(() -> ImageFiles.read(encode("png", 120, 80)));
        assertDoesNotThrow(() -> ImageFiles.read(encode("jpg", 120, 80)));
    }

    @Test
    void aJpegDeclaringTooManyPixelsIsRefusedFromItsHeader() {
        ImageFiles.Refused e = assertThrows(ImageFiles.Refused.class, () -> ImageFiles.check(jpegHeader(60000, 60000)));
        assertEquals("is 60000×60000 pixels, more than 50 megapixels", e.getMessage());
        assertDoesNotThrow(() -> ImageFiles.check(jpegHeader(4000, 3000)));
    }

    /** Layout sizes pictures from the same header reader that refuses them, so both agree on every file. */
    @Test
    void layoutReadsTheSameHeaders() throws Exception {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[]{4000, 3000},
                org.lastmile.pdf.layout.Images.dimensions(jpegHeader(4000, 3000)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[]{120, 80},
                org.lastmile.pdf.layout.Images.dimensions(encode("png", 120, 80)));
        org.junit.jupiter.api.Assertions.assertNull(org.lastmile.pdf.layout.Images.dimensions(encode("gif", 10, 10)));
        byte[] png = encode("png", 10, 10);
        org.junit.jupiter.api.Assertions.assertNull(org.lastmile.pdf.layout.Images.dimensions(java.util.Arrays.copyOf(png, 12)));
    }

    @Test
    void otherFormatsAndTruncatedHeadersAreRefused() throws Exception {
        assertEquals("is not a readable PNG or JPEG file",
                assertThrows(ImageFiles.Refused.class, () -> ImageFiles.check(encode("gif", 10, 10))).getMessage());
        byte[] png = encode("png", 10, 10);
        assertThrows(ImageFiles.Refused.class, () -> ImageFiles.check(java.util.Arrays.copyOf(png, 12)));
        assertThrows(ImageFiles.Refused.class, () -> ImageFiles.read(java.util.Arrays.copyOf(png, png.length / 2)));
    }
}
