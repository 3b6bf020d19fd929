package io.redux.cli.chat;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A JLine dumb terminal fed through a pipe: the test types, the session reads, and what it prints is kept. */
final class TestTerminal {

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final Screen screen = new Screen();
    private final Terminal terminal;

    TestTerminal() {
        try {
            PipedInputStream input = new PipedInputStream(keyboard, 64 * 1024);
            terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, input, screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Terminal terminal() {
        return terminal;
    }

    void type(String text) {
        try {
            keyboard.write(text.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ctrl-D: the input ends. */
    void endInput() {
        try {
            keyboard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void pressCtrlC() {
        terminal.raise(Terminal.Signal.INT);
    }

    String screen() {
        return screen.text();
    }

    /**
     * Waits until the screen shows {@code text}: what a person sees before typing. Fails after {@code seconds}, as
     * the tests' other waits do, so a session that never shows it ends the test instead of hanging it.
     */
    void awaitScreen(String text, long seconds) throws InterruptedException {
        screen.await(text, TimeUnit.SECONDS.toNanos(seconds));
    }

    /** What the terminal printed, with a wait for some text to appear on it. */
    private static final class Screen extends ByteArrayOutputStream {

        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String text, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (!text().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The screen never showed '" + text + "'; it shows:\n" + text());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
