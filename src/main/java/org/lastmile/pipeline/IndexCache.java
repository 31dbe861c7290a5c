package org.lastmile.pipeline;

import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.markdown.ParsedDoc;
import org.lastmile.markdown.TocEntry;
import org.lastmile.site.ListFilter;
import org.lastmile.site.ListShortcodes;
import org.lastmile.site.SiteIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The site index's share of each document, kept in the build cache so that a rebuild parses only the documents that
 * changed: its headings and anchors (what links to it are checked against), its embedded lists (which decide list
 * pages) and what parsing and checking them reported. Parsing reads the document's own file, and checking its lists
 * reads the catalog and the taxonomy, made of the configuration and every document's front matter: the key is
 * {@link Sources#digest} (which covers those, lastmile's code and the options), the document's site path and
 * {@link Sources#documentHash}. A document whose parse reported an error is not stored.
 */
final class IndexCache {
    private static final String KIND = "index";
    private static final String FORMAT = "lastmile index 1";

    private final DiskCache disk;
    private final Sources sources;

    IndexCache(DiskCache disk, Sources sources) {
        this.disk = disk;
        this.sources = sources;
    }

    /** A document's share of the index. */
    record Entry(ParsedDoc.Facts facts, Map<Integer, ListShortcodes.Spec> lists, List<Diagnostic> notes) {
    }

    String key(SourceFile sf) {
        String k = FORMAT + "\n" + sources.digest() + "\n" + SiteIndex.path(sf) + "\n" + sources.documentHash(sf);
        return HexFormat.of().formatHex(DiskCache.sha256(k.getBytes(StandardCharsets.UTF_8)));
    }

    Optional<Entry> get(String key) {
        Optional<byte[]> stored = disk.get(KIND, key);
        if (stored.isEmpty()) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.get()))) {
            if (!in.readUTF().equals(FORMAT)) return Optional.empty();
            List<TocEntry> toc = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) toc.add(new TocEntry(in.readInt(), in.readUTF(), in.readUTF()));
            List<String> anchors = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) anchors.add(in.readUTF());
            Map<Integer, ListShortcodes.Spec> lists = new TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                int at = in.readInt();
                ListFilter f = new ListFilter(ListFilter.Kind.valueOf(in.readUTF()), CacheCodec.readOptional(in), CacheCodec.readOptional(in));
                lists.put(at, new ListShortcodes.Spec(f, in.readInt(), in.readBoolean()));
            }
            List<Diagnostic> notes = CacheCodec.readNotes(in);
            if (in.read() != -1) return Optional.empty();
            // As MarkdownStage makes them: an immutable list and set.
            return Optional.of(new Entry(new ParsedDoc.Facts(List.copyOf(toc), java.util.Set.copyOf(anchors)), lists, List.copyOf(notes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // foreign, or of another version: the document is parsed instead
        }
    }

    void put(String key, Entry e) {
        if (e.notes().stream().anyMatch(Diagnostic::isError)) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(e.facts().toc().size());
            for (TocEntry t : e.facts().toc()) {
                out.writeInt(t.level());
                out.writeUTF(t.id());
                out.writeUTF(t.text());
            }
            out.writeInt(e.facts().anchors().size());
            for (String a : e.facts().anchors()) out.writeUTF(a);
            out.writeInt(e.lists().size());
            for (Map.Entry<Integer, ListShortcodes.Spec> l : e.lists().entrySet()) {
                out.writeInt(l.getKey());
                ListFilter f = l.getValue().filter();
                out.writeUTF(f.kind().name());
                CacheCodec.writeOptional(out, f.tag());
                CacheCodec.writeOptional(out, f.type());
                out.writeInt(l.getValue().limit());
                out.writeBoolean(l.getValue().fallback());
            }
            CacheCodec.writeNotes(out, e.notes());
        } catch (IOException ex) {
            return; // a text too long to store: the document is simply parsed next time
        }
        disk.put(KIND, key, bytes.toByteArray());
    }
}
