package org.lastmile.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Bounds on how deeply Markdown may nest, so that no input can exhaust the stack or make parsing and layout take
 * minutes. The parser and both renderers recurse over the tree, and CommonMark sets no limit of its own: thousands of
 * nested block quotes or emphasis marks, or a line of thousands of '*', end in a StackOverflowError. Real documents
 * stay far inside these bounds.
 *
 * <p>{@link #scan} looks at the text before it is parsed (cheap, line by line) and refuses what the parser itself
 * could not survive; {@link #check} measures the parsed tree exactly.
 */
final class NestingLimits {
    /** Block quotes and list items inside each other. */
    static final int MAX_BLOCK_DEPTH = 16;
    /** Any nesting of the tree: blocks, emphasis, links, images. */
    static final int MAX_DEPTH = 64;
    /** Emphasis, strikethrough and link marks in one paragraph. */
    static final int MAX_MARKS = 2000;
    /** Marks in a row, as in a rule or a heading underline. */
    static final int MAX_MARK_LINE = 1000;
    /** Columns of a table. */
    static final int MAX_COLUMNS = 64;
    /** Cell separators on one line, checked before parsing; far above {@link #MAX_COLUMNS}, far below trouble. */
    static final int MAX_PIPES = 256;

    private NestingLimits() {
    }

    /** A limit exceeded: the 0-based line of the body, what is wrong and what to do. */
    record Problem(int line, String message, String hint) {
    }

    /** Refuses, before parsing, text that the parser itself could not handle. */
    static Optional<Problem> scan(String body) {
        int line = 0;
        int marks = 0;
        int paragraphStart = 0;
        int pos = 0;
        int n = body.length();
        while (pos <= n) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            if (isBlank(body, pos, end)) {
                marks = 0;
                paragraphStart = line + 1;
            } else {
                int depth = containerDepth(body, pos, end);
                if (depth > MAX_BLOCK_DEPTH) {
                    return Optional.of(new Problem(line, "lists and block quotes nested more than " + MAX_BLOCK_DEPTH + " levels deep",
                            "flatten the structure: nobody can follow that many levels"));
                }
                // One pass over the line counts marks and pipes and finds the longest run of marks.
                int pipes = 0;
                int run = 0;
                int longestRun = 0;
                for (int i = pos; i < end; i++) {
                    switch (body.charAt(i)) {
                        case '*', '_', '~' -> {
                            marks++;
                            run++;
                        }
                        case '-', '=', '+' -> run++;
                        case '[' -> {
                            marks++;
                            run = 0;
                        }
                        case '|' -> {
                            pipes++;
                            run = 0;
                        }
                        case ' ', '\t' -> {
                        }
                        default -> run = 0;
                    }
                    if (run > longestRun) longestRun = run;
                }
                if (longestRun > MAX_MARK_LINE) {
                    return Optional.of(new Problem(line, "more than " + MAX_MARK_LINE + " marks (* - _ = ~ +) in a row",
                            "a horizontal rule needs only three, such as ---"));
                }
                if (pipes > MAX_PIPES) {
                    // The table parser recurses per cell: thousands of cells in a row overflow the stack.
                    return Optional.of(new Problem(line, "a table of more than " + MAX_PIPES + " columns (at most " + MAX_COLUMNS + ")",
                            "split the table, or link a spreadsheet instead"));
                }
                if (marks > MAX_MARKS) {
                    return Optional.of(new Problem(paragraphStart, "more than " + MAX_MARKS
                            + " emphasis and link marks (* _ ~ [) in one paragraph", "split the paragraph or remove the marks"));
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        return Optional.empty();
    }

    /**
     * The nesting a line opens by itself: its block quote and list markers, plus its indentation when a marker
     * follows it (nested lists are written indented, at least two columns a level).
     */
    private static int containerDepth(String s, int from, int end) {
        int i = from;
        int indent = 0;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            indent += s.charAt(i) == '\t' ? 4 : 1;
            i++;
        }
        int markers = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '>') {
                markers++;
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == end || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                markers++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 10 && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                if (j < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && (j + 1 == end || s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                    markers++;
                    i = j + 1;
                } else {
                    break;
                }
            } else if (c == ' ' || c == '\t') {
                i++;
            } else {
                break;
            }
        }
        return markers == 0 ? 0 : markers + indent / 4;
    }

    private static boolean isBlank(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!Character.isWhitespace(s.charAt(i))) return false;
        }
        return true;
    }

    /** The first place where the parsed tree goes beyond a limit; walks without recursion. */
    static Optional<Problem> check(Node doc) {
        record Frame(Node node, int depth, int blocks) {
        }
        Deque<Frame> todo = new ArrayDeque<>();
        todo.push(new Frame(doc, 0, 0));
        while (!todo.isEmpty()) {
            Frame f = todo.pop();
            Node n = f.node();
            int blocks = f.blocks() + (n instanceof BlockQuote || n instanceof ListItem ? 1 : 0);
            if (blocks > MAX_BLOCK_DEPTH) {
                return Optional.of(new Problem(n.getLineNumber(), "lists and block quotes nested more than " + MAX_BLOCK_DEPTH
                        + " levels deep", "flatten the structure: nobody can follow that many levels"));
            }
            if (f.depth() > MAX_DEPTH) {
                return Optional.of(new Problem(n.getLineNumber(), "Markdown nested more than " + MAX_DEPTH + " levels deep",
                        "remove some of the nested emphasis, links or lists"));
            }
            if (n instanceof TableRow row) {
                int cols = 0;
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) cols++;
                if (cols > MAX_COLUMNS) {
                    return Optional.of(new Problem(n.getLineNumber(), "a table of " + cols + " columns (at most " + MAX_COLUMNS + ")",
                            "split the table, or link a spreadsheet instead"));
                }
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) todo.push(new Frame(c, f.depth() + 1, blocks));
        }
        return Optional.empty();
    }
}
