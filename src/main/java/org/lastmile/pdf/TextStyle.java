package org.lastmile.pdf;

import java.awt.Color;

/**
 * How a run of inline text is set. {@code scale} multiplies the size of the paragraph it sits in; {@code color} null
 * means the paragraph's colour. Links: {@code link} is an external URL, {@code localGoto}/{@code localDestination}
 * are named destinations inside the document (footnote references and notes).
 */
record TextStyle(boolean bold, boolean italic, boolean strike, boolean code, boolean superscript, String link,
                 String localGoto, String localDestination, Color color, float scale) {

    static final TextStyle PLAIN = new TextStyle(false, false, false, false, false, null, null, null, null, 1f);

    TextStyle withBold(boolean b) {
        return new TextStyle(b, italic, strike, code, superscript, link, localGoto, localDestination, color, scale);
    }

    TextStyle withItalic(boolean i) {
        return new TextStyle(bold, i, strike, code, superscript, link, localGoto, localDestination, color, scale);
    }

    TextStyle withStrike(boolean s) {
        return new TextStyle(bold, italic, s, code, superscript, link, localGoto, localDestination, color, scale);
    }

    TextStyle withCode(boolean c) {
        return new TextStyle(bold, italic, strike, c, superscript, link, localGoto, localDestination, color, scale);
    }

    TextStyle withSuperscript(boolean s) {
        return new TextStyle(bold, italic, strike, code, s, link, localGoto, localDestination, color, scale);
    }

    TextStyle withLink(String url) {
        return new TextStyle(bold, italic, strike, code, superscript, url, localGoto, localDestination, color, scale);
    }

    TextStyle withLocalGoto(String name) {
        return new TextStyle(bold, italic, strike, code, superscript, link, name, localDestination, color, scale);
    }

    TextStyle withLocalDestination(String name) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, name, color, scale);
    }

    TextStyle withColor(Color c) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, localDestination, c, scale);
    }

    TextStyle withScale(float s) {
        return new TextStyle(bold, italic, strike, code, superscript, link, localGoto, localDestination, color, s);
    }
}
