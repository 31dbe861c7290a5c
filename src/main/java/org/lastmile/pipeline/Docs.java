package org.lastmile.pipeline;

import org.lastmile.content.SourceFile;
import org.lastmile.diag.Diagnostic;
import org.lastmile.markdown.MarkdownStage;
import org.lastmile.markdown.ParsedDoc;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published documents of a build, without holding all their trees. The first parse of every file (which finds
 * its headings, anchors and embedded lists for the site index) keeps the tree only through a soft reference: when
 * memory is plentiful, the page that renders the document takes that tree; when it ran short, the garbage collector
 * dropped it and the document is simply parsed again. Parsing is deterministic, so the output is the same either
 * way, and a build's memory no longer grows with every tree of the site.
 *
 * <p>A tree is handed out once: rendering rewrites its links in place, so every later use gets a fresh parse.
 */
final class Docs {
    private final MarkdownStage markdown;
    private final Map<String, SourceFile> sources = new ConcurrentHashMap<>();
    private final Map<String, ParsedDoc.Facts> facts = new ConcurrentHashMap<>();
    private final Map<String, SoftReference<ParsedDoc>> fresh = new ConcurrentHashMap<>();

    private final boolean keep;

    /** @param keep whether first parses are kept (softly) at all: false only to test that parsing again is the same */
    Docs(MarkdownStage markdown, boolean keep) {
        this.markdown = markdown;
        this.keep = keep;
    }

    /** Records the first parse of the file at site path {@code path}. */
    void add(String path, ParsedDoc doc) {
        sources.put(path, doc.source());
        facts.put(path, doc.facts());
        if (keep) fresh.put(path, new SoftReference<>(doc));
        // The tree holds the text while it lives; once it is dropped, a new parse reads the file again.
        doc.source().releaseBody();
    }

    /**
     * Records a document that was not parsed: its facts came from the build cache. Its page, if it is rendered,
     * parses it then.
     */
    void addUnparsed(String path, SourceFile source, ParsedDoc.Facts facts) {
        sources.put(path, source);
        this.facts.put(path, facts);
    }

    /** The headings and anchors of the document at {@code path}; null when there is none. */
    ParsedDoc.Facts facts(String path) {
        return facts.get(path);
    }

    /** Every document's site path and source file. */
    Map<String, SourceFile> sources() {
        return sources;
    }

    /**
     * A tree of the document at {@code path} that nobody else holds: its first parse if still in memory, else a new
     * one (whose findings were reported by the first).
     */
    Optional<ParsedDoc> take(String path) {
        SoftReference<ParsedDoc> ref = fresh.remove(path);
        ParsedDoc d = ref == null ? null : ref.get();
        if (d != null) return Optional.of(d);
        SourceFile sf = sources.get(path);
        if (sf == null) return Optional.empty();
        List<Diagnostic> again = new ArrayList<>();
        return Optional.of(markdown.parse(sf, again));
    }
}
