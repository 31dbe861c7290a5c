package org.lastmile.preview;

import org.lastmile.diag.Diagnostic;

import java.util.List;

/** The page the preview shows instead of the site while the last build has errors. */
final class ErrorPage {
    private ErrorPage() {
    }

    static String html(List<Diagnostic> errors, String lang) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Build failed — lastmile preview</title>"
                + "<style>body{font:16px/1.5 system-ui,\"Noto Sans\",\"Noto Sans CJK SC\",sans-serif;margin:0;background:#fff6f5;color:#1d1d1d}"
                + "main{max-width:60rem;margin:2rem auto;padding:0 1rem}h1{color:#a4161a;font-size:1.5rem}"
                + "li{margin:.75rem 0;padding:.75rem 1rem;background:#fff;border-left:4px solid #a4161a;list-style:none;"
                + "font-family:ui-monospace,\"Noto Sans Mono\",monospace;white-space:pre-wrap;word-break:break-word}"
                + "ul{padding:0}p{color:#555}</style></head><body><main>\n<h1>Build failed</h1>\n<p>")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                .append(" in the last build. Fix and save: this page reloads by itself.</p>\n<ul>\n");
        for (Diagnostic d : errors) sb.append("<li>").append(esc(d.format())).append("</li>\n");
        return sb.append("</ul>\n</main></body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
