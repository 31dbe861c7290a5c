package org.lastmile.pdf.layout;

import org.lastmile.pdf.model.ImageData;
import org.lastmile.pdf.model.Role;

import java.util.List;

/**
 * A unit of the body, independent of the size it is set at: lengths are in ems of the body size and type sizes
 * are {@link Kind}s that {@link Look} turns into points. Built once per guide by {@link BlockBuilder}; laid out at
 * every size the fit search tries.
 */
sealed interface Block permits Block.Text, Block.Table, Block.Picture, Block.Box, Block.Rule {

    /** What a text block is, which decides its size, leading and colour. */
    enum Kind { BODY, LEAD, H2, H3, H4, QUOTE, CODE, NOTE, CAPTION, NOTES_HEAD }

    /** Structure element number (reading order) and its parent's. */
    int element();

    /**
     * A paragraph-like block: paragraph, heading, list item, note, caption.
     *
     * @param indent       start indent in ems
     * @param wide         at the top level: spans the rail (headings, standfirst)
     * @param marker       list bullet or number set beside the first line, or null
     * @param markerRole   LBL for list markers
     * @param keepWithNext headings: never the last thing in a column
     * @param outlineLevel bookmark level, 0 for none
     * @param anchor       named destination at the first line, or null
     */
    record Text(Paragraph para, Kind kind, Role role, int element, int parent, float indent, boolean wide,
                Paragraph marker, boolean keepWithNext, int outlineLevel, String outlineTitle, String anchor,
                float spaceBefore, float spaceAfter) implements Block {
    }

    /** One cell: its paragraph, alignment (-1 start, 0 centre, 1 end) and whether it is a header cell. */
    record Cell(Paragraph para, int align, boolean header, int element) {
    }

    /** A table: rows of cells, the first {@code headerRows} repeated after a column break. */
    record Table(List<List<Cell>> rows, int headerRows, int columns, boolean wide, int element, int parent,
                 List<Integer> rowElements) implements Block {
    }

    /** An image with optional caption; never split. */
    record Picture(String key, ImageData image, String alt, Text caption, boolean wide, int element, int parent)
            implements Block {
    }

    /** A tinted box around other blocks (block quotes, code) with a bar on the start side. */
    record Box(List<Block> children, boolean code, boolean wide, float indent, int element, int parent)
            implements Block {
    }

    /** A horizontal rule. */
    record Rule(int element) implements Block {
    }
}
