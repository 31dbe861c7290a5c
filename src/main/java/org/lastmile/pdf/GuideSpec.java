package org.lastmile.pdf;

import com.vladsch.flexmark.util.ast.Document;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything one community guide needs, already localized by the caller. Build with {@link #builder()}.
 *
 * @param source             the guide's file as shown in diagnostics ({@code content/papers/x/guide.ru.md})
 * @param bodyLineOffset     number of lines of the file before the Markdown body (front matter and its delimiters),
 *                           so body line {@code n} (0-based, as Flexmark counts) is file line
 *                           {@code bodyLineOffset + n + 1}
 * @param language           BCP 47 tag of the guide's language ({@code en}, {@code zh}, {@code pt-BR})
 * @param direction          writing direction of that language
 * @param seriesLabel        "Community Guide", "社区指南", … (cover)
 * @param title              guide title (cover, metadata)
 * @param summary            one or two sentences (cover, metadata subject)
 * @param shortTitle         running footer title (≈ 40 characters)
 * @param body               parsed Markdown body ({@link org.lastmile.markdown.Markdown}); links already absolute
 * @param bundleDir          folder relative image paths are resolved against (the paper's folder)
 * @param coverImage         optional cover image file, or null
 * @param dateText           localized publication date as printed ("12 March 2026", "2026年3月12日")
 * @param date               publication date
 * @param timestamp          creation/modification date written into the PDF (from SOURCE_DATE_EPOCH or the date)
 * @param paperUrl           absolute URL of the full briefing paper in this language (back cover link and QR code)
 * @param readFullLabel      "Read the full briefing paper"
 * @param availableLabel     "Available in"
 * @param availableLanguages names of the languages the guide exists in, each in its own language
 * @param tags               tags in this language (metadata keywords)
 * @param pageLabelFormat    footer page label; {@code %d} (or {@code %1$d}) is the page number, {@code %2$d} the
 *                           page count, e.g. {@code "%d / 4"}; default {@code "%d"}
 * @param notesLabel         heading of the endnotes ("Notes")
 * @param layout             the layout pinned by site.yaml or front matter, or null for the ladder's choice
 * @param minSize            smallest body size this guide may be set at (0: the style's floor)
 * @param hyphenate          whether running text of this language is hyphenated
 * @param qrCode             whether the back cover carries a QR code of the paper's URL
 * @param staticFiles        the site's static files by site path (without the leading slash), for {@code /images/…}
 * @param coverImageLine     front-matter line of {@code cover_image}, for diagnostics (0 if unknown)
 * @param imprint            contact e-mail, funder line and disclaimer for the back cover, in this language
 * @param availableCodes     the codes of {@code availableLanguages}, in the same order (empty if not known)
 */
public record GuideSpec(Path source, int bodyLineOffset, String language, Direction direction, String seriesLabel,
                        String title, String summary, String shortTitle, Document body, Path bundleDir,
                        Path coverImage, String dateText, LocalDate date, Instant timestamp, String paperUrl,
                        String readFullLabel, String availableLabel, List<String> availableLanguages,
                        List<String> tags, String pageLabelFormat, String notesLabel,
                        org.lastmile.pdf.layout.GuideLayout.Kind layout, float minSize, boolean hyphenate,
                        boolean qrCode, java.util.Map<String, Path> staticFiles, int coverImageLine,
                        Imprint imprint, List<String> availableCodes) {

    /**
     * What the back cover says about who to contact and who paid: the organisation's e-mail (a mailto link), a funder
     * line and a disclaimer, each "" for none.
     */
    public record Imprint(String email, String funder, String disclaimer) {
        public static final Imprint NONE = new Imprint("", "", "");

        public Imprint {
            email = email == null ? "" : email.strip();
            funder = funder == null ? "" : funder.strip();
            disclaimer = disclaimer == null ? "" : disclaimer.strip();
        }
    }

    public GuideSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        language = language == null || language.isBlank() ? "en" : language;
        direction = direction == null ? Direction.LTR : direction;
        seriesLabel = nz(seriesLabel);
        title = nz(title);
        summary = nz(summary);
        shortTitle = shortTitle == null || shortTitle.isBlank() ? title : shortTitle;
        dateText = nz(dateText);
        if (timestamp == null) {
            timestamp = date != null ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.EPOCH;
        }
        paperUrl = nz(paperUrl);
        readFullLabel = readFullLabel == null ? "Read the full briefing paper" : readFullLabel;
        availableLabel = availableLabel == null ? "Available in" : availableLabel;
        availableLanguages = availableLanguages == null ? List.of() : List.copyOf(availableLanguages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        pageLabelFormat = pageLabelFormat == null || pageLabelFormat.isBlank() ? "%d" : pageLabelFormat;
        notesLabel = notesLabel == null ? "Notes" : notesLabel;
        staticFiles = staticFiles == null ? java.util.Map.of() : java.util.Map.copyOf(staticFiles);
        imprint = imprint == null ? Imprint.NONE : imprint;
        availableCodes = availableCodes == null ? List.of() : List.copyOf(availableCodes);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The page label for the footer: {@code pageLabelFormat} with the page number and page count. */
    String pageLabel(int page, int pages) {
        try {
            return String.format(java.util.Locale.ROOT, pageLabelFormat, page, pages);
        } catch (java.util.IllegalFormatException e) {
            return Integer.toString(page);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to change a few. */
    public Builder toBuilder() {
        return new Builder().source(source).bodyLineOffset(bodyLineOffset).language(language).direction(direction)
                .seriesLabel(seriesLabel).title(title).summary(summary).shortTitle(shortTitle).body(body)
                .bundleDir(bundleDir).coverImage(coverImage).dateText(dateText).date(date).timestamp(timestamp)
                .paperUrl(paperUrl).readFullLabel(readFullLabel).availableLabel(availableLabel)
                .availableLanguages(availableLanguages).tags(tags).pageLabelFormat(pageLabelFormat)
                .notesLabel(notesLabel).layout(layout).minSize(minSize).hyphenate(hyphenate).qrCode(qrCode)
                .staticFiles(staticFiles).coverImageLine(coverImageLine).imprint(imprint)
                .availableCodes(availableCodes);
    }

    /** Step-by-step construction; {@code source} and {@code body} are required, the rest has defaults. */
    public static final class Builder {
        private Path source;
        private int bodyLineOffset;
        private String language = "en";
        private Direction direction = Direction.LTR;
        private String seriesLabel = "Community Guide";
        private String title = "";
        private String summary = "";
        private String shortTitle;
        private Document body;
        private Path bundleDir;
        private Path coverImage;
        private String dateText = "";
        private LocalDate date;
        private Instant timestamp;
        private String paperUrl = "";
        private String readFullLabel;
        private String availableLabel;
        private List<String> availableLanguages = List.of();
        private List<String> tags = List.of();
        private String pageLabelFormat = "%d";
        private String notesLabel;
        private org.lastmile.pdf.layout.GuideLayout.Kind layout;
        private float minSize;
        private boolean hyphenate = true;
        private boolean qrCode = true;
        private java.util.Map<String, Path> staticFiles = java.util.Map.of();
        private int coverImageLine;
        private Imprint imprint = Imprint.NONE;
        private List<String> availableCodes = List.of();

        public Builder source(Path p) { this.source = p; return this; }
        public Builder bodyLineOffset(int n) { this.bodyLineOffset = n; return this; }
        public Builder language(String l) { this.language = l; return this; }
        public Builder direction(Direction d) { this.direction = d; return this; }
        public Builder seriesLabel(String s) { this.seriesLabel = s; return this; }
        public Builder title(String s) { this.title = s; return this; }
        public Builder summary(String s) { this.summary = s; return this; }
        public Builder shortTitle(String s) { this.shortTitle = s; return this; }
        public Builder body(Document d) { this.body = d; return this; }
        public Builder bundleDir(Path p) { this.bundleDir = p; return this; }
        public Builder coverImage(Path p) { this.coverImage = p; return this; }
        public Builder dateText(String s) { this.dateText = s; return this; }
        public Builder date(LocalDate d) { this.date = d; return this; }
        public Builder timestamp(Instant i) { this.timestamp = i; return this; }
        public Builder paperUrl(String s) { this.paperUrl = s; return this; }
        public Builder readFullLabel(String s) { this.readFullLabel = s; return this; }
        public Builder availableLabel(String s) { this.availableLabel = s; return this; }
        public Builder availableLanguages(List<String> l) { this.availableLanguages = l; return this; }
        public Builder tags(List<String> l) { this.tags = l; return this; }
        public Builder pageLabelFormat(String s) { this.pageLabelFormat = s; return this; }
        public Builder notesLabel(String s) { this.notesLabel = s; return this; }
        public Builder layout(org.lastmile.pdf.layout.GuideLayout.Kind k) { this.layout = k; return this; }
        public Builder minSize(float s) { this.minSize = s; return this; }
        public Builder hyphenate(boolean h) { this.hyphenate = h; return this; }
        public Builder qrCode(boolean q) { this.qrCode = q; return this; }
        public Builder staticFiles(java.util.Map<String, Path> m) { this.staticFiles = m; return this; }
        public Builder coverImageLine(int l) { this.coverImageLine = l; return this; }
        public Builder imprint(Imprint i) { this.imprint = i; return this; }
        public Builder availableCodes(List<String> l) { this.availableCodes = l; return this; }

        public GuideSpec build() {
            return new GuideSpec(source, bodyLineOffset, language, direction, seriesLabel, title, summary, shortTitle,
                    body, bundleDir, coverImage, dateText, date, timestamp, paperUrl, readFullLabel, availableLabel,
                    availableLanguages, tags, pageLabelFormat, notesLabel, layout, minSize, hyphenate, qrCode,
                    staticFiles, coverImageLine, imprint, availableCodes);
        }
    }
}
