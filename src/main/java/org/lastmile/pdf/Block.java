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
     * @param breaker      the language's line breaker
     * @param cjk          whether justification may space characters (Chinese, Japanese)
     */
    record Text(Phrase phrase, float size, float leading, int alignment, float indentStart, float indentEnd,
                float spaceBefore, float spaceAfter, Phrase marker, float markerGap, boolean keepWithNext,
                boolean keepTogether, int outlineLevel, String outlineTitle, Color ruleAbove, float spaceRatio,
                LineBreaker breaker, boolean cjk, Map<Float, List<LineComposer.Line>> lineCache) implements Block {

        public Text {
            if (lineCache == null) lineCache = new HashMap<>();
        }

        /** Number of lines the text takes in a column of {@code width} (before its own indents). */
        int lines(float width, int runDirection) {
            return composed(width).size();
        }

        /** The text broken into lines for a column of {@code width} (before its own indents), cached. */
        List<LineComposer.Line> composed(float width) {
            return lineCache.computeIfAbsent(width, w -> LineComposer.compose(phrase, w - indentStart - indentEnd
                    - COMPOSE_SLACK, breaker, alignment == org.openpdf.text.Element.ALIGN_JUSTIFIED, cjk));
        }

        /** Lines are composed this much narrower than they are set, so float rounding never wraps a line. */
        static final float COMPOSE_SLACK = 0.25f;

        /**
         * Sets one composed line between x1 and x2 (before this block's indents) with its baseline one leading below
         * {@code top}. A word wider than the measure sticks out at the end side rather than being broken.
         */
        void drawLine(org.openpdf.text.pdf.PdfContentByte canvas, int runDirection, LineComposer.Line line, float x1,
                      float x2, float top) {
            ColumnText ct = new ColumnText(canvas);
            ct.setRunDirection(runDirection);
            ct.setLeading(leading, 0);
            ct.setAlignment(line.alignment());
            ct.setSpaceCharRatio(spaceRatio);
            ct.setUseAscender(false);
            // ColumnText's indents are logical: "indent" is on the start side, "right indent" on the end side
            // (for right-to-left runs it offsets lines from the left edge).
            ct.setIndent(indentStart);
            ct.setFollowingIndent(indentStart);
            ct.setRightIndent(indentEnd);
            ct.addText(line.phrase());
            boolean rtl = runDirection == org.openpdf.text.pdf.PdfWriter.RUN_DIRECTION_RTL;
            float avail = x2 - x1 - indentStart - indentEnd;
            float extra = Math.max(0, line.naturalWidth() + 1f - avail);
            if (rtl) x1 -= extra;
            else x2 += extra;
            if (line.alignment() == org.openpdf.text.Element.ALIGN_JUSTIFIED_ALL) {
                // justified to less than the measure when full justification would open too wide word gaps
                if (line.setWidth() < avail - COMPOSE_SLACK - 0.01f) {
                    float shorter = avail - line.setWidth();
                    if (rtl) x1 += shorter;
                    else x2 -= shorter;
                }
            }
            ct.setSimpleColumn(x1, top - leading - 0.01f, x2, top);
            int status = ct.go();
            if (ColumnText.hasMoreText(status)) {
                throw new IllegalStateException("composed line did not fit: " + line.phrase().getContent());
            }
        }
    }

    /**
     * A table, built for a given width (the column's, less {@code indent} on the start side). Rows are never split;
     * header rows repeat after a column break.
     */
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
