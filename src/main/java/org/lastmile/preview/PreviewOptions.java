package org.lastmile.preview;

import java.nio.file.Path;

/** What to preview: the site at {@code source}, language {@code lang} first, served on {@code bind}:{@code port}. */
public record PreviewOptions(Path source, String lang, String bind, int port) {
}
