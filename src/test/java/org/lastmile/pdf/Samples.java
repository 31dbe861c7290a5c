package org.lastmile.pdf;

import com.vladsch.flexmark.util.ast.Document;
import org.lastmile.markdown.Markdown;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: guide specs from Markdown files with front matter (split on the --- lines), labels per language. */
final class Samples {
    static final Markdown MARKDOWN = new Markdown();
    static final Path FONTS = Path.of("fonts");

    private Samples() {
    }

    record Source(Map<String, Object> front, String body, int bodyLineOffset) {
    }

    static Source split(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length > 0 && lines[0].trim().equals("---")) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].trim().equals("---")) {
                    String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build())
                            .loadFromString(yaml);
                    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                    return new Source(m == null ? Map.of() : m, body, i + 1);
                }
            }
        }
        return new Source(Map.of(), text, 0);
    }

    static String lang(Path file) {
        String n = file.getFileName().toString();
        String[] parts = n.split("\\.");
        return parts.length == 3 ? parts[1] : "en";
    }

    static String series(String lang) {
        return switch (lang) {
            case "fr" -> "Guide communautaire";
            case "es" -> "Guía comunitaria";
            case "ru" -> "Руководство для сообществ";
            case "zh" -> "社区指南";
            case "ar" -> "دليل مجتمعي";
            default -> "Community Guide";
        };
    }

    static String readFull(String lang) {
        return switch (lang) {
            case "fr" -> "Lire la note d’orientation complète";
            case "es" -> "Lea el documento informativo completo";
            case "ru" -> "Читать полный аналитический обзор";
            case "zh" -> "阅读完整简报";
            case "ar" -> "اقرأوا الورقة الإحاطية كاملة";
            default -> "Read the full briefing paper";
        };
    }

    static String available(String lang) {
        return switch (lang) {
            case "fr" -> "Disponible en";
            case "es" -> "Disponible en";
            case "ru" -> "Доступно на языках";
            case "zh" -> "语言版本";
            case "ar" -> "متاح باللغات";
            default -> "Available in";
        };
    }

    static String dateText(String lang) {
        return switch (lang) {
            case "fr" -> "12 mars 2026";
            case "es" -> "12 de marzo de 2026";
            case "ru" -> "12 марта 2026 г.";
            case "zh" -> "2026年3月12日";
            case "ar" -> "12 مارس 2026";
            default -> "12 March 2026";
        };
    }

    static String languageName(String lang) {
        return switch (lang) {
            case "fr" -> "Français";
            case "es" -> "Español";
            case "ru" -> "Русский";
            case "zh" -> "中文";
            default -> "English";
        };
    }

    static String notes(String lang) {
        return switch (lang) {
            case "fr" -> "Notes";
            case "es" -> "Notas";
            case "ru" -> "Примечания";
            case "zh" -> "注释";
            case "ar" -> "ملاحظات";
            default -> "Notes";
        };
    }

    static GuideSpec spec(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return spec(file, text);
    }

    static GuideSpec spec(Path file, String text) {
        String lang = lang(file);
        Source s = split(text);
        Document doc = MARKDOWN.parse(s.body());
        String slug = file.getParent() == null ? "x" : file.getParent().getFileName().toString();
        List<String> langs = new ArrayList<>();
        if (file.getParent() != null) {
            for (String l : List.of("en", "fr", "es", "ru", "zh")) {
                Path p = file.getParent().resolve(l.equals("en") ? "guide.md" : "guide." + l + ".md");
                if (Files.exists(p)) langs.add(languageName(l));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> tags = s.front().get("tags") instanceof List<?> l ? (List<String>) l : List.of();
        return GuideSpec.builder()
                .source(file)
                .bodyLineOffset(s.bodyLineOffset())
                .language(lang)
                .direction(lang.equals("ar") ? Direction.RTL : Direction.LTR)
                .seriesLabel(series(lang))
                .title(String.valueOf(s.front().getOrDefault("title", "")))
                .summary(String.valueOf(s.front().getOrDefault("summary", "")))
                .shortTitle((String) s.front().get("short_title"))
                .body(doc)
                .bundleDir(file.getParent())
                .dateText(dateText(lang))
                .date(LocalDate.of(2026, 3, 12))
                .paperUrl("https://lastmile.example.org/" + lang + "/papers/" + slug + "/")
                .readFullLabel(readFull(lang))
                .availableLabel(available(lang))
                .availableLanguages(langs)
                .tags(tags)
                .pageLabelFormat("%d / 4")
                .notesLabel(notes(lang))
                .build();
    }

    static PaperSpec paper(Path file) throws IOException {
        return paper(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    static PaperSpec paper(Path file, String text) {
        String lang = lang(file);
        Source s = split(text);
        Document doc = MARKDOWN.parse(s.body());
        String slug = file.getParent() == null ? "x" : file.getParent().getFileName().toString();
        @SuppressWarnings("unchecked")
        List<String> tags = s.front().get("tags") instanceof List<?> l ? (List<String>) l : List.of();
        @SuppressWarnings("unchecked")
        List<String> authors = s.front().get("authors") instanceof List<?> l ? (List<String>) l
                : List.of("Last Mile Collective");
        String series = switch (lang) {
            case "fr" -> "Note d’orientation";
            case "es" -> "Documento informativo";
            case "ru" -> "Аналитический обзор";
            case "zh" -> "政策简报";
            default -> "Briefing paper";
        };
        String contents = switch (lang) {
            case "fr" -> "Sommaire";
            case "es" -> "Índice";
            case "ru" -> "Содержание";
            case "zh" -> "目录";
            default -> "Contents";
        };
        return new PaperSpec(file, s.bodyLineOffset(), lang, Direction.LTR, series,
                String.valueOf(s.front().getOrDefault("title", "")),
                String.valueOf(s.front().getOrDefault("summary", "")), null, authors, doc, file.getParent(),
                dateText(lang), LocalDate.of(2026, 3, 12).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                "https://lastmile.example.org/" + lang + "/papers/" + slug + "/", tags, contents, notes(lang),
                "%d");
    }

    static PdfStyle style() {
        return PdfStyle.defaults().withOrganisation("Last Mile Collective", null,
                "© 2026 Last Mile Collective · CC BY 4.0 · Share and adapt with attribution");
    }

    private static Fonts fonts;

    static synchronized Fonts fonts() {
        if (fonts == null) fonts = Fonts.load(PdfStyle.defaults(), FontSource.directory(FONTS));
        return fonts;
    }
}
