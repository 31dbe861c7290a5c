package org.lastmile.preview;

import org.lastmile.pipeline.Build;
import org.lastmile.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the preview serves at one moment: the files of the languages built so far, or, when the last build failed,
 * its errors. Immutable: a rebuild makes a new state and swaps it in, so a request never sees half a build.
 *
 * @param generation increases with every rebuild; a language built for an older generation is stale
 */
record SiteState(long generation, String previewed, Map<String, Build.Output> byLanguage, List<Diagnostic> errors) {

    boolean failed() {
        return !errors.isEmpty();
    }

    /**
     * The bytes or the source file of an output path: from the previewed language's build first (it made the
     * site-wide files such as index.html), then from any other language built since.
     */
    Optional<Object> find(String path) {
        java.util.List<Build.Output> order = new java.util.ArrayList<>();
        if (byLanguage.containsKey(previewed)) order.add(byLanguage.get(previewed));
        byLanguage.entrySet().stream().filter(e -> !e.getKey().equals(previewed)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> order.add(e.getValue()));
        for (Build.Output o : order) {
            byte[] b = o.files().get(path);
            if (b != null) return Optional.of(b);
            Path p = o.copies().get(path);
            if (p != null) return Optional.of(p);
        }
        return Optional.empty();
    }
}
