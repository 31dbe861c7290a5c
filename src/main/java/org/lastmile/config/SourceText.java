package org.lastmile.config;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text file the user wrote (content, site.yaml, UI strings) the one way lastmile reads text: UTF-8 with an
 * optional byte order mark, CR LF and lone CR read as line ends, and invisible control characters removed with a
 * warning naming their line — they would otherwise end up in HTML and PDFs, where they break parsers and text search.
 */
public final class SourceText {
    /** A file of more than this is not text anyone wrote by hand; reading it whole could exhaust memory. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Lines with control characters reported per file, so one binary file does not bury the other findings. */
    private static final int MAX_REPORTS = 5;

    private SourceText() {
    }

    /**
     * The text of {@code file}, shown to users as {@code shown}; empty (with an error reported) when it cannot be read
     * or is not UTF-8.
     */
    public static Optional<String> read(Path file, Path shown, List<Diagnostic> problems) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                problems.add(Diagnostic.error(SourcePos.of(shown), "this is a folder, but lastmile expects a file here",
                        "rename or remove the folder"));
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(Diagnostic.error(SourcePos.of(shown), "file is too large (" + size / (1024 * 1024)
                        + " MB; the limit is " + MAX_BYTES / (1024 * 1024) + " MB)", "split it into smaller files"));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            problems.add(Diagnostic.error(SourcePos.of(shown), "cannot read the file: permission denied", "check its permissions"));
            return Optional.empty();
        } catch (NoSuchFileException e) {
            problems.add(Diagnostic.error(SourcePos.of(shown), "cannot read the file: it disappeared while reading",
                    "run the command again"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.of(shown), "cannot read the file (" + reason(e) + ")", "check the file and its permissions"));
            return Optional.empty();
        }
        return decode(bytes, shown, problems);
    }

    /** Decodes {@code bytes} as UTF-8 and normalises it as {@link #read} does. */
    public static Optional<String> decode(byte[] bytes, Path shown, List<Diagnostic> problems) {
        // The JDK's own String decoding is several times faster than a CharsetDecoder; it replaces bad bytes with
        // U+FFFD, so only text that has one (a bad byte, or a U+FFFD written in the file) is decoded again, strictly,
        // to find the bad byte.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) return Optional.of(clean(fast, shown, problems));
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(Diagnostic.error(SourcePos.of(shown, line), String.format(
                    "file is not valid UTF-8: byte 0x%02X at column %d (byte %d of the file)",
                    bytes[at] & 0xff, at - lineStart + 1, at + 1), "save it as UTF-8 in your editor"));
            return Optional.empty();
        }
        dec.flush(out);
        out.flip();
        return Optional.of(clean(out.toString(), shown, problems));
    }

    /** Drops a byte order mark, turns CR LF and lone CR into LF and removes control characters, reporting their lines. */
    public static String clean(String raw, Path shown, List<Diagnostic> problems) {
        String t = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (t.indexOf('\r') >= 0) t = t.replace("\r\n", "\n").replace('\r', '\n');
        // Nearly every file has nothing to remove: find that out without counting lines.
        int first = 0;
        while (first < t.length() && !removed(t.charAt(first))) first++;
        if (first == t.length()) return t;
        StringBuilder sb = null;
        int line = 1;
        int reported = 0;
        int lastReported = 0;
        int more = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') line++;
            if (!removed(c)) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(t.length()).append(t, 0, i);
            if (line != lastReported) {
                lastReported = line;
                if (reported < MAX_REPORTS) {
                    reported++;
                    problems.add(Diagnostic.warning(SourcePos.of(shown, line), String.format(
                            "invisible control character U+%04X removed", (int) c),
                            "delete it in your editor (it often comes from copying out of a PDF or a word processor)"));
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            problems.add(Diagnostic.warning(SourcePos.of(shown, lastReported), "control characters removed on " + more
                    + " more line" + (more == 1 ? "" : "s"), "the file may not be text; check it in your editor"));
        }
        return sb == null ? t : sb.toString();
    }

    /** C0 controls other than tab and line feed, DEL, and the noncharacters U+FFFE and U+FFFF. */
    private static boolean removed(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF';
    }

    private static String reason(IOException e) {
        // A FileSystemException's message repeats the absolute path; its reason is what the user needs.
        String m = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
