package io.redux.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table whose columns are as wide as their widest cell; the last column is not padded. Cells often hold
 * text from files (titles, model ids), so their control characters are shown, not sent ({@link TerminalText}).
 */
public final class Table {

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
        // The whole table in one write: the CLI's stdout flushes on every println, a system call each.
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            text.append(line, 0, end).append(System.lineSeparator());
        }
        out.print(text);
        out.flush();
    }
}
