package org.lastmile.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shard says about itself, in {@code lastmile-shard.txt} at the top of its output: which shard of how many,
 * the lastmile version, the identity of the site and options it was built from, and every file it made with its
 * SHA-256. Plain text, one fact per line, files in {@code sha256sum} form (two spaces; a path holding a backslash or
 * a line break is escaped as sha256sum does), so a person or a shell script can read it too:
 *
 * <pre>
 * lastmile shard manifest 1
 * shard 2/3
 * lastmile 0.1.0
 * site 5f0c…
 * files 2
 * 9a3e…  en/papers/x/index.html
 * 17b0…  en/papers/x/x-guide-en.pdf
 * </pre>
 */
public record ShardManifest(Shard shard, String version, String site, Map<String, String> files) {
    /** The file's name in a shard's output; a merge leaves it out of the site. */
    public static final String FILE = "lastmile-shard.txt";
    private static final String MAGIC = "lastmile shard manifest 1";

    public ShardManifest {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The manifest as the bytes of its file: the same manifest always gives the same bytes. */
    public byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        sb.append(MAGIC).append('\n').append("shard ").append(shard).append('\n').append("lastmile ").append(version)
                .append('\n').append("site ").append(site).append('\n').append("files ").append(files.size()).append('\n');
        files.forEach((path, hash) -> {
            boolean escape = path.indexOf('\\') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0;
            String p = escape ? path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") : path;
            sb.append(escape ? "\\" : "").append(hash).append("  ").append(p).append('\n');
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Why a manifest could not be read: the line (1-based, 0 for the whole file) and what is wrong with it. */
    public static final class Unreadable extends Exception {
        private final int line;

        Unreadable(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Reads a manifest written by {@link #bytes()}. */
    public static ShardManifest parse(byte[] bytes) throws Unreadable {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new Unreadable(1, "not a lastmile shard manifest (it does not start with '" + MAGIC + "')");
        }
        if (lines.size() < 6) throw new Unreadable(lines.size(), "the manifest ends too early");
        Shard shard;
        try {
            shard = Shard.parse(value(lines, 1, "shard"));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(2, "'shard' is not I/N");
        }
        String version = value(lines, 2, "lastmile");
        String site = value(lines, 3, "site");
        if (!isHash(site)) throw new Unreadable(4, "'site' is not a SHA-256");
        String count = value(lines, 4, "files");
        if (!count.matches("[0-9]{1,9}")) throw new Unreadable(5, "'files' is not a number");
        int n = Integer.parseInt(count);
        if (lines.size() != 5 + n + 1 || !lines.get(5 + n).isEmpty()) {
            throw new Unreadable(Math.min(lines.size(), 6 + n), "the manifest names " + (lines.size() - 6) + " files, not " + n);
        }
        Map<String, String> files = new TreeMap<>();
        for (int i = 5; i < 5 + n; i++) {
            String l = lines.get(i);
            boolean escaped = l.startsWith("\\");
            if (escaped) l = l.substring(1);
            if (l.length() < 67 || !isHash(l.substring(0, 64)) || !l.startsWith("  ", 64)) {
                throw new Unreadable(i + 1, "not a line of the form '<sha256>  <path>'");
            }
            String path = escaped ? unescape(l.substring(66)) : l.substring(66);
            if (path.startsWith("/") || java.util.Arrays.stream(path.split("/", -1)).anyMatch(x -> x.isEmpty() || x.equals(".") || x.equals(".."))) {
                throw new Unreadable(i + 1, "'" + path + "' is not a path inside the shard's folder");
            }
            if (files.put(path, l.substring(0, 64)) != null) throw new Unreadable(i + 1, path + " is listed twice");
        }
        return new ShardManifest(shard, version, site, files);
    }

    private static String value(List<String> lines, int i, String key) throws Unreadable {
        String l = lines.get(i);
        if (!l.startsWith(key + " ")) throw new Unreadable(i + 1, "expected '" + key + " …'");
        return l.substring(key.length() + 1);
    }

    private static boolean isHash(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
