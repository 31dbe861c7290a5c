package org.lastmile.pdf;

import java.util.Objects;

/**
 * The font files that serve one script: a regular and a bold face are required; italic faces are optional. A missing
 * italic falls back to the upright face of the same weight, which is correct practice for Chinese, Japanese and
 * Korean (no fake slant is ever applied). Names are font file names such as {@code NotoSans-Regular.ttf}, resolved
 * through a {@link FontSource}.
 *
 * @param regular    regular (upright, normal weight) face; required
 * @param bold       bold face; required (bold is never faked by stroking)
 * @param italic     italic face, or {@code null} to use {@code regular}
 * @param boldItalic bold italic face, or {@code null} to use {@code bold}
 */
public record FontFamily(String regular, String bold, String italic, String boldItalic) {

    public FontFamily {
        Objects.requireNonNull(regular, "regular");
        Objects.requireNonNull(bold, "bold");
        if (italic != null && italic.isBlank()) italic = null;
        if (boldItalic != null && boldItalic.isBlank()) boldItalic = null;
    }

    /** A family without italic faces (italic text is set upright). */
    public static FontFamily of(String regular, String bold) {
        return new FontFamily(regular, bold, null, null);
    }

    /** The file that sets text of this weight and slant. */
    public String face(boolean isBold, boolean isItalic) {
        if (isBold) return isItalic && boldItalic != null ? boldItalic : bold;
        return isItalic && italic != null ? italic : regular;
    }

    /** Every file this family names, regular first. */
    public java.util.List<String> files() {
        java.util.List<String> l = new java.util.ArrayList<>();
        l.add(regular);
        l.add(bold);
        if (italic != null) l.add(italic);
        if (boldItalic != null) l.add(boldItalic);
        return l;
    }
}
