package io.redux.cli.chat;

import java.io.PrintWriter;

/**
 * A "thinking" spinner on the current line until the first token arrives. It draws from its own daemon thread and
 * erases itself when stopped, so what follows starts on a clean line.
 */
final class Spinner {

    private static final String[] UNICODE_FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String[] ASCII_FRAMES = {"|", "/", "-", "\\"};
    private static final long FRAME_MILLIS = 80;

    private final PrintWriter out;
    private final String[] frames;
    private final Object lock = new Object();
    private Thread thread;

    /** @param unicode whether the terminal's encoding can show Braille dots; else an ASCII spinner */
    Spinner(PrintWriter out, boolean unicode) {
        this.out = out;
        this.frames = unicode ? UNICODE_FRAMES : ASCII_FRAMES;
    }

    void start(String label) {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            thread = new Thread(() -> spin(label), "redux-spinner");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop() {
        Thread running;
        synchronized (lock) {
            running = thread;
            thread = null;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void spin(String label) {
        try {
            for (int frame = 0; !Thread.currentThread().isInterrupted(); frame++) {
                synchronized (out) {
                    out.print("\r" + frames[frame % frames.length] + " " + label);
                    out.flush();
                }
                Thread.sleep(FRAME_MILLIS);
            }
        } catch (InterruptedException e) {
            // Stopped: erase below.
        }
        synchronized (out) {
            out.print("\r\u001b[2K");
            out.flush();
        }
    }
}
