package io.redux.cli.chat;

import io.redux.cli.output.TerminalText;

import java.io.PrintWriter;

/**
 * Writes a streamed Markdown answer as it arrives, with fenced code blocks set apart: on a colour terminal the code
 * is coloured and the fences dimmed; without colour the text passes through unchanged. Deltas may split a fence
 * anywhere, so the start of each line is held back only while it could still be a fence. Control characters of the
 * answer are shown, not sent ({@link TerminalText}), so only this stream's own styles reach the terminal.
 */
final class MarkdownStream {

    private static final String FENCE = "```";
    private static final String CODE = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;
    private final TerminalText.Stream shown = new TerminalText.Stream();
    private final StringBuilder lineStart = new StringBuilder();
    private boolean atLineStart = true;
    private boolean inFenceLine;
    private boolean inCode;
    private boolean endsWithNewline = true;

    MarkdownStream(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void write(String delta) {
        accept(shown.next(delta));
        out.flush();
    }

    /** Flushes what is held back and ends the answer on a fresh line. */
    void finish() {
        accept(shown.finish());
        if (lineStart.length() > 0) {
            emit(lineStart.toString());
            lineStart.setLength(0);
        }
        if (colour && (inCode || inFenceLine)) {
            out.print(RESET);
        }
        if (!endsWithNewline) {
            out.print('\n');
        }
        out.flush();
        atLineStart = true;
        inFenceLine = false;
        inCode = false;
        endsWithNewline = true;
    }

    private void accept(String text) {
        for (int i = 0; i < text.length(); i++) {
            accept(text.charAt(i));
        }
    }

    private void accept(char c) {
        if (inFenceLine) {
            out.print(c);
            if (c == '\n') {
                inFenceLine = false;
                atLineStart = true;
                endFenceLine();
            }
            endsWithNewline = c == '\n';
            return;
        }
        if (atLineStart) {
            lineStart.append(c);
            if (c == '`' && lineStart.length() < FENCE.length()) {
                return;
            }
            String held = lineStart.toString();
            lineStart.setLength(0);
            atLineStart = false;
            if (held.equals(FENCE)) {
                startFenceLine();
                return;
            }
            for (int i = 0; i < held.length(); i++) {
                plain(held.charAt(i));
            }
            return;
        }
        plain(c);
    }

    private void plain(char c) {
        out.print(c);
        endsWithNewline = c == '\n';
        if (c == '\n') {
            atLineStart = true;
        }
    }

    private void startFenceLine() {
        inFenceLine = true;
        if (colour) {
            out.print(RESET + DIM);
        }
        out.print(FENCE);
        endsWithNewline = false;
    }

    private void endFenceLine() {
        inCode = !inCode;
        if (colour) {
            out.print(RESET);
            if (inCode) {
                out.print(CODE);
            }
        }
    }

    private void emit(String text) {
        out.print(text);
        endsWithNewline = text.endsWith("\n");
    }
}
