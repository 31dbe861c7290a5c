package org.lastmile.build;

import org.lastmile.config.Language;
import org.lastmile.diag.Diagnostics;
import org.lastmile.site.RenderedDoc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The PDF stage: every guide as a four-page PDF and a booklet. Wired to the pdf package once it lands. */
final class GuidePdfs {
    private final Build.Site site;
    private final Diagnostics diagnostics;

    private final PdfCache cache;

    GuidePdfs(Build.Site site, Diagnostics diagnostics, PdfCache cache) {
        this.site = site;
        this.diagnostics = diagnostics;
        this.cache = cache;
    }

    Map<String, byte[]> render(Map<String, RenderedDoc> docs, List<Language> languages) {
        return new TreeMap<>();
    }
}
