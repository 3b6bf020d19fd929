package io.redux.domain.model;

import java.util.regex.Pattern;

/**
 * Turns the first user message into a one-line title: its first line, which is the prompt (input piped after it, a
 * pasted trace, follows on later lines), cut to {@link #MAX_LENGTH} characters.
 */
public final class Titles {

    public static final int MAX_LENGTH = 60;

    /** Compiled once: a first listing shortens the title of every conversation in the folder. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private Titles() {
    }

    public static String shorten(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        String oneLine = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
        if (hasWhitespaceToCollapse(oneLine)) {
            oneLine = WHITESPACE_RUN.matcher(oneLine).replaceAll(" ");
        }
        if (oneLine.length() <= MAX_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, MAX_LENGTH - 1).stripTrailing() + "…";
    }

    /** Whether {@link #WHITESPACE_RUN} would change {@code text}: it has a whitespace other than a lone space. */
    private static boolean hasWhitespaceToCollapse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                    || c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}
