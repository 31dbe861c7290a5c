package org.lastmile.pdf.layout;

import java.awt.Color;

/**
 * How a run of inline text is set. {@code scale} multiplies the size of the paragraph it sits in; {@code color} null
 * means the paragraph's colour. Links: {@code link} is an external URL, {@code localGoto}/{@code localDestination}
 * are named destinations inside the document (footnote references and notes). {@code noBreak}: text kept on one
 * line (a language name in a list). {@code lang}: the BCP 47 language of text in another language than the
 * document's (tagged PDF gives it its own {@code /Lang}), or null.
 */
public record TextStyle(boolean bold, boolean italic, boolean strike, boolean code, boolean superscript, String link,
                        String localGoto, String localDestination, Color color, float scale, boolean noBreak,
                        String lang) {

    public static final TextStyle PLAIN = new TextStyle(false, false, false, false, false, null, null, null, null, 1f,
            false, null);

    public TextStyle(boolean bold, boolean italic, boolean strike, boolean code, boolean superscript, String link,
                     String localGoto, String localDestination, Color color, float scale, boolean noBreak) {
        this(bold, italic, strike, code, superscript, link, localGoto, localDestination, color, scale, noBreak, null);
    }

    public TextStyle withLang(String l) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, localDestination, color, scale,
                noBreak, l);
    }

    public TextStyle withNoBreak(boolean n) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, localDestination, color, scale, n, lang);
    }

    public TextStyle withBold(boolean b) {
        return new TextStyle(b, italic, strike, code, superscript, link, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withItalic(boolean i) {
        return new TextStyle(bold, i, strike, code, superscript, link, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withStrike(boolean s) {
        return new TextStyle(bold, italic, s, code, superscript, link, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withCode(boolean c) {
        return new TextStyle(bold, italic, strike, c, superscript, link, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withSuperscript(boolean s) {
        return new TextStyle(bold, italic, strike, code, s, link, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withLink(String url) {
        return new TextStyle(bold, italic, strike, code, superscript, url, localGoto, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withLocalGoto(String name) {
        return new TextStyle(bold, italic, strike, code, superscript, link, name, localDestination, color, scale, noBreak, lang);
    }

    public TextStyle withLocalDestination(String name) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, name, color, scale, noBreak, lang);
    }

    public TextStyle withColor(Color c) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, localDestination, c, scale, noBreak, lang);
    }

    /** Size factor of the glyphs: superscripts are set smaller. */
    float glyphScale() {
        return scale * (superscript ? 0.68f : 1f);
    }
}
