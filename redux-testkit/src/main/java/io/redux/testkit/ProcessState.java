package io.redux.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Whether a process still runs, for tests that check a command was killed (Linux and macOS: {@code ps}). */
public final class ProcessState {

    private ProcessState() {
    }

    /**
     * True while {@code pid} runs. A killed process that nobody has reaped yet (a zombie) does not run, though
     * {@link ProcessHandle#isAlive()} still says it is alive until its new parent reaps it.
     */
    public static boolean running(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).redirectErrorStream(true).start();
            String state = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            ps.waitFor();
            return !state.isEmpty() && !state.startsWith("Z");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
