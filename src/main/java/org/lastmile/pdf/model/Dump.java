package org.lastmile.pdf.model;

import java.awt.Color;
import java.util.Locale;

/**
 * A text dump of a laid-out document, one line per box, for golden layout files: a change of layout shows as a
 * readable diff. Numbers are rounded to 0.01 pt so that the dump is stable across platforms.
 */
public final class Dump {
    private Dump() {
    }

    public static String of(LaidOut doc) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Page p : doc.pages()) {
            b.append("page ").append(++n).append(' ').append(num(p.width())).append('x').append(num(p.height()))
                    .append('\n');
            for (Box box : p.boxes()) b.append("  ").append(line(box)).append('\n');
        }
        for (Outline o : doc.outlines()) {
            b.append("outline ").append(o.level()).append(" p").append(o.page()).append(' ').append(num(o.y()))
                    .append(' ').append(quote(o.title())).append('\n');
        }
        return b.toString();
    }

    static String line(Box box) {
        return switch (box) {
            case Box.Glyphs g -> "text " + num(g.x()) + "," + num(g.y()) + " w" + num(g.width()) + " " + g.font()
                    + " " + num(g.size()) + (g.expansion() != 1f ? " x" + scale(g.expansion()) : "")
                    + (g.tracking() != 0f ? " t" + scale(g.tracking()) : "") + " "
                    + color(g.color()) + " " + tag(g.tag()) + " " + quote(g.text());
            case Box.Rule r -> "rule " + num(r.x1()) + "," + num(r.y1()) + " " + num(r.x2()) + "," + num(r.y2())
                    + " t" + num(r.thickness()) + " " + color(r.color()) + " " + tag(r.tag());
            case Box.Fill f -> "fill " + num(f.x()) + "," + num(f.y()) + " " + num(f.width()) + "x" + num(f.height())
                    + " " + color(f.color()) + " " + tag(f.tag());
            case Box.Picture p -> "image " + num(p.x()) + "," + num(p.y()) + " " + num(p.width()) + "x"
                    + num(p.height()) + " " + p.image() + " " + tag(p.tag()) + " " + quote(p.alt());
            case Box.Link l -> "link " + num(l.x()) + "," + num(l.y()) + " " + num(l.width()) + "x" + num(l.height())
                    + " " + (l.uri() != null ? l.uri() : "#" + l.destination()) + " " + tag(l.tag());
            case Box.Anchor a -> "anchor " + a.name() + " " + num(a.x()) + "," + num(a.y());
        };
    }

    private static String tag(Tag t) {
        if (t.isArtifact()) return "artifact";
        return t.role().name() + "#" + t.element() + "<" + t.parent() + (t.lang() != null ? " lang=" + t.lang() : "");
    }

    private static String color(Color c) {
        return c == null ? "-" : String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** A horizontal scale as the painter prints it: per cent with two decimals, here as a factor. */
    private static String scale(float f) {
        return String.format(Locale.ROOT, "%.4f", f);
    }

    static String num(float f) {
        String s = String.format(Locale.ROOT, "%.2f", f);
        return s.equals("-0.00") ? "0.00" : s;
    }

    private static String quote(String s) {
        return s == null ? "\"\"" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
