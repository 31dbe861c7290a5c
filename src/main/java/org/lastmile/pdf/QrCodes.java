package org.lastmile.pdf;

import io.nayuki.qrcodegen.QrCode;
import org.openpdf.text.pdf.PdfContentByte;

import java.awt.Color;

/** QR codes drawn as vector rectangles (sharp at any print resolution, tiny in the file). */
final class QrCodes {
    private QrCodes() {
    }

    /**
     * Draws the QR code of {@code text} with its lower-left corner at (x, y), {@code size} points wide including a
     * quiet zone of two modules, dark modules in {@code color} on a white ground.
     */
    static void draw(PdfContentByte cb, String text, float x, float y, float size, Color color) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int quiet = 2;
        int n = qr.size + 2 * quiet;
        float m = size / n;
        cb.saveState();
        cb.setColorFill(Color.WHITE);
        cb.rectangle(x, y, size, size);
        cb.fill();
        cb.setColorFill(color);
        for (int row = 0; row < qr.size; row++) {
            int col = 0;
            while (col < qr.size) {
                if (!qr.getModule(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < qr.size && qr.getModule(col, row)) col++;
                float rx = x + (start + quiet) * m;
                float ry = y + size - (row + quiet + 1) * m;
                // a hair of overlap avoids white seams between modules in some renderers
                cb.rectangle(rx, ry - 0.01f, (col - start) * m, m + 0.02f);
            }
        }
        cb.fill();
        cb.restoreState();
    }
}
