package io.redux.domain.tool;

import java.nio.charset.StandardCharsets;

/**
 * How much of a tool's output the model is shown, one rule for every tool: the first {@link #DEFAULT_BYTES} bytes,
 * then a note saying how many more there were, so the model knows it saw a part.
 */
public final class OutputLimit {

    /** What a tool keeps of its output unless it is told otherwise. */
    public static final int DEFAULT_BYTES = 100_000;

    private OutputLimit() {
    }

    /** The note that ends an output of which {@code omittedBytes} bytes beyond {@code limitBytes} were cut. */
    public static String note(long omittedBytes, int limitBytes) {
        return "\n[" + omittedBytes + " more bytes not shown: output limit of " + limitBytes + " bytes]";
    }

    /** {@code text} as the model is shown it: whole when it fits {@code limitBytes} in UTF-8, else cut with the note. */
    public static String cut(String text, int limitBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limitBytes) {
            return text;
        }
        int end = limitBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // never split a character: back to the first byte of the one the limit falls in
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + note(bytes.length - end, limitBytes);
    }
}
