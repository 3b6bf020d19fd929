package io.redux.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a started child process with a time limit, keeping a bounded part of its output. When the time is up or
 * the waiting thread is interrupted (the user's Ctrl-C), the process and whatever it started are killed, so none of
 * them keeps holding the output pipes. Shared by the tools that run programs.
 */
final class ChildProcess {

    /** How long to wait for the output of a killed process's streams to end. */
    private static final long DRAIN_MILLIS = 2_000;

    /** How a run ended. */
    sealed interface Outcome permits Exited, TimedOut, Interrupted {
    }

    /** The process ended by itself with {@code exitCode}. */
    record Exited(int exitCode, String stdout, String stderr) implements Outcome {
    }

    /** The process ran out of time and was killed; its output so far. */
    record TimedOut(String stdout, String stderr) implements Outcome {
    }

    /** The waiting thread was interrupted (its flag is set again) and the process was killed. */
    record Interrupted() implements Outcome {
    }

    private ChildProcess() {
    }

    /**
     * Closes the process's input, then waits for it.
     *
     * @param name names the capturing threads ({@code name-stdout})
     * @throws IOException when its input cannot be closed (the process is killed)
     */
    static Outcome await(Process process, String name, Duration timeout, int maxOutputBytes) throws IOException {
        OutputCapture stdout = OutputCapture.start(process.getInputStream(), maxOutputBytes, name + "-stdout");
        OutputCapture stderr = OutputCapture.start(process.getErrorStream(), maxOutputBytes, name + "-stderr");
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return new TimedOut(stdout.await(DRAIN_MILLIS), stderr.await(DRAIN_MILLIS));
            }
            return new Exited(process.exitValue(), stdout.await(DRAIN_MILLIS), stderr.await(DRAIN_MILLIS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Interrupted();
        } catch (IOException e) {
            kill(process);
            throw e;
        }
    }

    /** A time limit as a person reads it: {@code 120 s}, {@code 200 ms}. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
