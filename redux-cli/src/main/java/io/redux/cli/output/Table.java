package io.redux.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table whose columns are as wide as their widest cell; the last column is not padded. Cells often hold
 * text from files (titles, model ids), so their control characters are shown, not sent ({@link TerminalText}).
 */
public final class Table {

    private static final char[] SPACES = "                                                                ".toCharArray();

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... header) {
        this.columns = header.length;
        rows.add(shown(header));
    }

    public Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(shown(cells));
        return this;
    }

    private static String[] shown(String[] cells) {
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = TerminalText.escape(cells[i]);
        }
        return shown;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        // The whole table in one write: the CLI's stdout flushes on every println, a system call each. Each line is
        // built in place and its trailing blanks cut off there: a listing prints thousands of lines.
        String lineEnd = System.lineSeparator();
        int lineLength = lineEnd.length();
        for (int width : widths) {
            lineLength += width + 2;
        }
        StringBuilder text = new StringBuilder(rows.size() * lineLength);
        for (String[] row : rows) {
            int start = text.length();
            for (int i = 0; i < columns; i++) {
                text.append(row[i]);
                if (i < columns - 1) {
                    for (int pad = widths[i] - row[i].length() + 2; pad > 0; pad -= SPACES.length) {
                        text.append(SPACES, 0, Math.min(pad, SPACES.length));
                    }
                }
            }
            int end = text.length();
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            text.append(lineEnd);
        }
        out.print(text);
        out.flush();
    }
}
