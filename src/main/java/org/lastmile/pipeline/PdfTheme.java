package org.lastmile.pipeline;

import org.lastmile.config.PdfSettings;
import org.lastmile.config.SiteConfig;
import org.lastmile.config.Theme;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;
import org.lastmile.pdf.FontFamily;
import org.lastmile.pdf.FontSource;
import org.lastmile.pdf.ImageFiles;
import org.lastmile.pdf.PaperSize;
import org.lastmile.pdf.PdfStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PDF look of a site: the theme's defaults with site.yaml's {@code pdf:} block and organisation applied, and
 * where font files come from (the site's fonts/ first, then the theme's).
 */
final class PdfTheme {
    private PdfTheme() {
    }

    /**
     * The site's PDF style, with the language font entries its languages use, after checking that every font file
     * it names exists (a missing one is reported on the site.yaml line that names it, with where to get it).
     */
    static PdfStyle style(SiteConfig cfg, Theme theme) {
        PdfStyle s = style(cfg);
        java.util.List<Diagnostic> missing = new java.util.ArrayList<>();
        for (String f : s.fontFiles()) {
            if (theme.font(f).isPresent()) continue;
            SourcePos pos = cfg.pdf().fontLines().getOrDefault(f, SourcePos.of(Path.of("fonts", f)));
            missing.add(Diagnostic.error(pos, "font file " + f + " not found in the site's fonts/ folder nor in the theme",
                    "put " + f + " in the site's fonts/ folder or name another font" + org.lastmile.pdf.Fonts.provider(f)));
        }
        if (!missing.isEmpty()) throw new LastmileException(missing);
        return s;
    }

    static PdfStyle style(SiteConfig cfg) {
        PdfSettings p = cfg.pdf();
        PdfStyle s = PdfStyle.defaults().withPaperSize(p.pageSize().equals("LETTER") ? PaperSize.LETTER : PaperSize.A4);
        if (!p.marginsMm().isEmpty()) {
            float mm = 72f / 25.4f;
            s = s.withMargins(side(p, "top", s.marginTop() / mm) * mm, side(p, "bottom", s.marginBottom() / mm) * mm,
                    side(p, "inner", s.marginInner() / mm) * mm, side(p, "outer", s.marginOuter() / mm) * mm);
        }
        if (p.baseSize() != null) s = s.withSizes(p.baseSize().floatValue(), Math.min(s.floorSize(), p.baseSize().floatValue()));
        if (p.guide().minSize() != null) s = s.withSizes(s.baseSize(), p.guide().minSize().floatValue());
        if (p.primaryColor() != null || p.accentColor() != null) {
            try {
                s = s.withColors(p.primaryColor() != null ? p.primaryColor() : s.primaryColor(),
                        p.accentColor() != null ? p.accentColor() : s.accentColor());
            } catch (IllegalArgumentException e) {
                throw new LastmileException(Diagnostic.error(p.pos("primary_color"), "pdf: a colour is not of the form #RRGGBB",
                        "write primary_color: \"#0b4f6c\""));
            }
        }
        byte[] logo = null;
        if (p.logo() != null) {
            Path file;
            try {
                file = cfg.root().resolve(p.logo()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                file = cfg.root().resolve("(not a file name)");
            }
            if (!org.lastmile.config.SiteFiles.staysInside(cfg.root(), file)
                    || (Files.exists(file) && org.lastmile.config.SiteFiles.inside(cfg.root(), file).isEmpty())) {
                throw new LastmileException(Diagnostic.error(SourcePos.of(Path.of("site.yaml")), "pdf: logo '" + p.logo()
                        + "' is outside the site folder", "put the logo in the site, e.g. static/logo.png, and write logo: static/logo.png"));
            }
            try {
                logo = Files.readAllBytes(file);
                ImageFiles.read(logo); // fails on what is not a PNG or JPEG, or too large to decode
            } catch (ImageFiles.Refused e) {
                throw new LastmileException(Diagnostic.error(p.pos("logo"), "pdf: logo " + p.logo() + " " + e.getMessage(), e.hint()));
            } catch (IOException | RuntimeException e) {
                throw new LastmileException(Diagnostic.error(p.pos("logo"), "pdf: logo '" + p.logo()
                        + "' is not a readable PNG or JPEG image", "give a PNG or JPEG path relative to the site folder"));
            }
        }
        s = s.withOrganisation(cfg.organisation().name(), logo, cfg.organisation().licence());
        if (!p.print().equals(PdfSettings.Print.NONE)) {
            s = s.withPrint(new PdfStyle.Print((float) (p.print().bleedMm() * 72 / 25.4), p.print().cropMarks()));
        }
        if (!p.fonts().isEmpty()) {
            s = s.withFonts(families(p.fonts()));
        }
        Map<String, Map<String, FontFamily>> byLanguage = new LinkedHashMap<>();
        p.fontsByLanguage().forEach((lang, mapping) -> byLanguage.put(lang, families(mapping)));
        s = s.withLanguageFonts(byLanguage);
        // Only the language entries the site's languages use: the other fonts are never read.
        return s.forLanguages(cfg.languages().stream().map(org.lastmile.config.Language::code).toList());
    }

    /** A site.yaml font mapping (script → style → file) as font families; a missing bold is the regular face. */
    private static Map<String, FontFamily> families(Map<String, Map<String, String>> mapping) {
        Map<String, FontFamily> fonts = new LinkedHashMap<>();
        mapping.forEach((script, files) -> {
            String regular = files.get("regular"); // present: ConfigLoader checked it
            fonts.put(script, new FontFamily(regular, files.getOrDefault("bold", regular), files.get("italic"), files.get("bold_italic")));
        });
        return fonts;
    }

    private static float side(PdfSettings p, String side, float fallback) {
        Double v = p.marginsMm().get(side);
        return v == null ? fallback : v.floatValue();
    }

    /** Font files: the site's fonts/ folder first, then the theme's (the jar's). */
    static FontSource fonts(Theme theme) {
        return name -> {
            Path p = theme.font(name).orElseThrow(() -> new NoSuchFileException("fonts/" + name));
            return Files.readAllBytes(p);
        };
    }
}
