package io.redux.cli.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an interactive chat (started under script(1), which gives it a pseudo-terminal) and leaves it at once with
 * {@code /quit}: what a user sees when the chat builds its terminal and shows its prompt.
 */
final class QuitAtATerminal {

    /** What the chat printed, and how it ended. */
    record Screen(int exitCode, String text) {
    }

    private QuitAtATerminal() {
    }

    static Screen run(ProcessBuilder chatUnderScript) throws IOException, InterruptedException {
        Process process = chatUnderScript.redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (OutputStream keyboard = process.getOutputStream()) {
            keyboard.write("/quit\n".getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the interactive chat did not end within 60 s");
        }
        return new Screen(process.exitValue(), output.join());
    }
}
