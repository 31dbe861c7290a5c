package org.lastmile.pdf;

import org.openpdf.text.Image;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A unit of the body that {@link Flow} places in columns: text, table, image, callout box or rule. */
sealed interface Block permits Block.Text, Block.Table, Block.Picture, Block.Box, Block.Rule {

    float spaceBefore();

    float spaceAfter();

    /**
     * A paragraph-like block set by ColumnText with a fixed leading: paragraph, heading, list item, note.
     *
     * @param marker       list bullet or number drawn beside the first line, or null
     * @param markerGap    distance between the marker's end and the text
     * @param keepWithNext heading: must share its column with the start of the next block
     * @param keepTogether never split across columns
     * @param outlineLevel bookmark level (1, 2, …), 0 for none
     * @param outlineTitle bookmark text
     * @param ruleAbove    colour of a short accent rule drawn above the first line, or null
     * @param spaceRatio   ColumnText space/character ratio for justified lines
     */
    record Text(Phrase phrase, float size, float leading, int alignment, float indentStart, float indentEnd,
                float spaceBefore, float spaceAfter, Phrase marker, float markerGap, boolean keepWithNext,
                boolean keepTogether, int outlineLevel, String outlineTitle, Color ruleAbove, float spaceRatio,
                Map<Float, Integer> lineCache) implements Block {

        public Text {
            if (lineCache == null) lineCache = new HashMap<>();
        }

        /** Number of lines the text takes in a column of {@code width} (before its own indents). */
        int lines(float width, int runDirection) {
            return lineCache.computeIfAbsent(width, w -> {
                ColumnText ct = column(null, runDirection);
                ct.setSimpleColumn(0, -1_000_000f, w, 0);
                try {
                    ct.go(true);
                } catch (org.openpdf.text.DocumentException e) {
                    throw new IllegalStateException(e);
                }
                return Math.max(1, ct.getLinesWritten());
            });
        }

        ColumnText column(org.openpdf.text.pdf.PdfContentByte canvas, int runDirection) {
            ColumnText ct = new ColumnText(canvas);
            ct.setRunDirection(runDirection);
            ct.setLeading(leading, 0);
            ct.setAlignment(alignment);
            ct.setSpaceCharRatio(spaceRatio);
            ct.setUseAscender(false);
            // ColumnText's indents are logical: "indent" is on the start side, "right indent" on the end side
            // (for right-to-left runs it offsets lines from the left edge).
            ct.setIndent(indentStart);
            ct.setFollowingIndent(indentStart);
            ct.setRightIndent(indentEnd);
            ct.addText(phrase);
            return ct;
        }
    }

    /** A table, built for a given width (the column's, less {@code indent} on the start side) (rows are never split; header rows repeat after a column break). */
    record Table(Function<Float, PdfPTable> build, float indent, float spaceBefore, float spaceAfter) implements Block {
    }

    /** An image scaled into the column, with an optional caption below. */
    record Picture(Image image, float maxHeight, Text caption, float spaceBefore, float spaceAfter) implements Block {
    }

    /** A tinted box with a bar on the start side around other blocks (block quotes, code), {@code indent} in. */
    record Box(List<Block> children, Color fill, Color bar, float barWidth, float padding, float indent,
               float spaceBefore, float spaceAfter) implements Block {
    }

    /** A horizontal rule across the column. */
    record Rule(Color color, float thickness, float spaceBefore, float spaceAfter) implements Block {
    }
}
