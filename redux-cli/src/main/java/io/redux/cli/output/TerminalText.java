package io.redux.cli.output;

/**
 * Text from a conversation file, a model or a tool, made safe to print for a person. A terminal obeys the control
 * characters in what it is given: an escape sequence can set the window title, write the clipboard (OSC 52), clear
 * the screen or hide text, and a bidirectional override reorders what is seen. So every control character is shown
 * instead of sent: C0 controls and DEL in caret notation ({@code ^[} for ESC, {@code ^G} for BEL, {@code ^M} for a
 * lone carriage return, {@code ^?} for DEL), C1 controls (U+0080 to U+009F) and the bidirectional embeddings,
 * overrides and isolates (U+202A to U+202E, U+2066 to U+2069) as {@code <U+202E>}. Newline and tab pass through, and a
 * carriage return before a newline is the line end it means. The CLI adds its own styles after escaping, so they
 * still work; JSON output is not escaped here (it keeps the exact text, escaped as JSON).
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} as it may be printed; the same string when nothing in it needs showing ({@code ""} for null). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (isSafe(text)) {
            return text;
        }
        Stream stream = new Stream();
        return stream.next(text) + stream.finish();
    }

    /**
     * Escapes text that arrives in pieces, such as a streamed answer, exactly as the whole would be: a carriage return
     * at the end of one piece is held until the next shows whether a newline follows it.
     */
    public static final class Stream {

        private boolean carriageReturnHeld;

        public String next(String piece) {
            if (!carriageReturnHeld && isSafe(piece)) {
                return piece;
            }
            StringBuilder out = new StringBuilder(piece.length() + 8);
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (carriageReturnHeld) {
                    carriageReturnHeld = false;
                    if (c != '\n') {
                        show(out, '\r');
                    }
                }
                if (c == '\r') {
                    carriageReturnHeld = true;
                } else if (isControl(c)) {
                    show(out, c);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** What is still held (a carriage return that nothing followed); the stream may then be used again. */
        public String finish() {
            if (!carriageReturnHeld) {
                return "";
            }
            carriageReturnHeld = false;
            return "^M";
        }
    }

    private static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a terminal would obey {@code c} rather than print it; newline and tab aside. */
    static boolean isControl(char c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t';
        }
        return c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static void show(StringBuilder out, char c) {
        if (c < 0x20) {
            out.append('^').append((char) (c + '@'));
        } else if (c == 0x7f) {
            out.append("^?");
        } else {
            out.append(String.format("<U+%04X>", (int) c));
        }
    }
}
