package org.lastmile.pdf;

import com.vladsch.flexmark.util.ast.Document;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A briefing paper to set as a PDF of any length, localized by the caller.
 *
 * @param source         the paper's file as shown in diagnostics
 * @param bodyLineOffset lines of the file before the Markdown body (see {@link GuideSpec#bodyLineOffset()})
 * @param language       BCP 47 tag
 * @param direction      writing direction
 * @param seriesLabel    "Briefing paper", "Note d’orientation", …
 * @param title          title
 * @param summary        summary (title page, metadata subject)
 * @param shortTitle     running footer title
 * @param authors        author names (title page); the organisation is the PDF author
 * @param body           parsed Markdown body, links already absolute
 * @param bundleDir      folder relative image paths are resolved against
 * @param dateText       localized date as printed
 * @param timestamp      creation/modification date written into the PDF
 * @param url            absolute URL of the paper's web page in this language, or ""
 * @param tags           tags (metadata keywords)
 * @param contentsLabel  "Contents"
 * @param notesLabel     "Notes"
 * @param pageLabelFormat footer page label, {@code %d} = page number, {@code %2$d} = page count
 */
public record PaperSpec(Path source, int bodyLineOffset, String language, Direction direction, String seriesLabel,
                        String title, String summary, String shortTitle, List<String> authors, Document body,
                        Path bundleDir, String dateText, Instant timestamp, String url, List<String> tags,
                        String contentsLabel, String notesLabel, String pageLabelFormat) {

    public PaperSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        language = language == null || language.isBlank() ? "en" : language;
        direction = direction == null ? Direction.LTR : direction;
        seriesLabel = seriesLabel == null ? "" : seriesLabel;
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        shortTitle = shortTitle == null || shortTitle.isBlank() ? title : shortTitle;
        authors = authors == null ? List.of() : List.copyOf(authors);
        dateText = dateText == null ? "" : dateText;
        timestamp = timestamp == null ? java.time.LocalDate.EPOCH.atStartOfDay(ZoneOffset.UTC).toInstant() : timestamp;
        url = url == null ? "" : url;
        tags = tags == null ? List.of() : List.copyOf(tags);
        contentsLabel = contentsLabel == null ? "Contents" : contentsLabel;
        notesLabel = notesLabel == null ? "Notes" : notesLabel;
        pageLabelFormat = pageLabelFormat == null || pageLabelFormat.isBlank() ? "%d" : pageLabelFormat;
    }

    /** The guide-shaped view of this paper, for code shared with the guide renderer. */
    public GuideSpec asGuide() {
        return new GuideSpec(source, bodyLineOffset, language, direction, seriesLabel, title, summary, shortTitle, body,
                bundleDir, null, dateText, null, timestamp, url, null, null, List.of(), tags, pageLabelFormat,
                notesLabel, null, 0, true, true, null, 0, GuideSpec.Imprint.NONE, List.of());
    }
}
