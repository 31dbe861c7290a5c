package org.lastmile.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The body hash that translations record in {@code translation_of}, computed without copying the body. */
final class BodyDigest {
    private BodyDigest() {
    }

    /**
     * A short, stable hash of a body: line endings and trailing spaces do not count, so an editor's re-save does
     * not mark every translation outdated. It is the first 4 bytes, in hex, of the SHA-256 of the body with each
     * line's trailing white space removed, lines ended by \n, and white space stripped from both ends — a file format
     * (translations record it in {@code translation_of}), so it must never change. The normalized text is encoded
     * into the digest as it is walked, without splitting lines or copying the body.
     */
    static String of(String body) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        // White space at either end of the body goes (Character.isWhitespace, as String.strip: \r counts).
        int from = 0, to = body.length();
        while (from < to && Character.isWhitespace(body.charAt(from))) from++;
        while (to > from && Character.isWhitespace(body.charAt(to - 1))) to--;
        Utf8 out = new Utf8(md);
        for (int start = from; start < to; ) {
            int nl = body.indexOf('\n', start);
            int next = nl < 0 || nl >= to ? to : nl;
            int end = next;
            while (end > start && Character.isWhitespace(body.charAt(end - 1))) end--;
            out.append(body, start, end);
            if (next < to) out.append('\n');
            start = next + 1;
        }
        return HexFormat.of().formatHex(out.digest(), 0, 4);
    }

    /** Encodes chars as String.getBytes(UTF_8) does (a lone surrogate becomes '?') into a digest, a buffer at a time. */
    private static final class Utf8 {
        private final MessageDigest md;
        private final byte[] buf = new byte[8192];
        private int n;
        private char pendingHigh;

        Utf8(MessageDigest md) {
            this.md = md;
        }

        void append(String s, int from, int to) {
            for (int i = from; i < to; i++) append(s.charAt(i));
        }

        void append(char c) {
            if (n > buf.length - 4) flush();
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    buf[n++] = (byte) (0xF0 | cp >> 18);
                    buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[n++] = (byte) (0x80 | cp & 0x3F);
                    return;
                }
                buf[n++] = '?';
                if (n > buf.length - 4) flush();
            }
            if (c < 0x80) {
                buf[n++] = (byte) c;
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | c >> 6);
                buf[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                buf[n++] = '?';
            } else {
                buf[n++] = (byte) (0xE0 | c >> 12);
                buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[n++] = (byte) (0x80 | c & 0x3F);
            }
        }

        private void flush() {
            md.update(buf, 0, n);
            n = 0;
        }

        byte[] digest() {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                if (n > buf.length - 4) flush();
                buf[n++] = '?';
            }
            flush();
            return md.digest();
        }
    }
}
