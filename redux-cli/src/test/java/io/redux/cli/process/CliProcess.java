package io.redux.cli.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged launcher ({@code target/redux_cli/bin/redux_cli}) as a real process, with a clean environment
 * of the test's choosing, and captures what it prints and its exit code.
 */
public final class CliProcess {

    public static final Path LAUNCHER = Path.of("target", "redux_cli", "bin", "redux_cli").toAbsolutePath();

    private final Path launcher;
    private final Map<String, String> environment = new HashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private byte[] stdin = new byte[0];

    private CliProcess(Path launcher) {
        this.launcher = launcher;
        // Only what a launcher needs; no AWS variables of the machine leak into a test.
        for (String name : List.of("PATH", "JAVA_HOME", "LANG", "TMPDIR")) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
    }

    public static CliProcess launcher() {
        if (!Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException("No launcher at " + LAUNCHER + "; run the tests with ./mvnw verify");
        }
        return launcher(LAUNCHER);
    }

    /** Another copy of the launcher, e.g. one unpacked from the tar.gz or a symlink to it. */
    public static CliProcess launcher(Path launcher) {
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No launcher at " + launcher);
        }
        return new CliProcess(launcher);
    }

    public CliProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Leaves {@code name} out of the environment, e.g. JAVA_HOME for a machine with no Java. */
    public CliProcess unset(String name) {
        environment.remove(name);
        return this;
    }

    /**
     * A chat without an account: fake keys, model calls to {@code bedrock} (a stub), STS unreachable (the identity
     * lookup fails quietly) and no instance metadata.
     */
    public CliProcess chatAgainst(URI bedrock) {
        return env("REDUX_ENDPOINT_URL", bedrock.toString())
                .env("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234")
                .env("AWS_SECRET_ACCESS_KEY", "fake")
                .env("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9")
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    public CliProcess home(Path home) {
        return env("HOME", home.toString());
    }

    public CliProcess in(Path folder) {
        this.workingDirectory = folder;
        return this;
    }

    public CliProcess stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Result run(String... args) {
        try {
            Process process = processFor(args).start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream input = process.getOutputStream()) {
                input.write(stdin);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("redux_cli " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The launcher with {@code args}, in this folder, with exactly this environment. */
    private ProcessBuilder processFor(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    /** Starts the launcher and returns at once, for a test that acts on the running process. */
    public Running start(String... args) {
        try {
            Process process = processFor(args).start();
            process.getOutputStream().close();
            return new Running(process, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A launcher process still running: what it printed so far, a way to signal it, and its end. */
    public static final class Running {
        private final Process process;
        private final String command;
        private final StringBuilder stdout = new StringBuilder();
        private final CompletableFuture<Void> stdoutDone;
        private final CompletableFuture<String> stderr;

        private Running(Process process, String command) {
            this.process = process;
            this.command = command;
            this.stdoutDone = CompletableFuture.runAsync(this::readStdout);
            this.stderr = drain(process.getErrorStream());
        }

        private void readStdout() {
            try (var reader = new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buffer = new char[256];
                for (int read; (read = reader.read(buffer)) >= 0; ) {
                    synchronized (stdout) {
                        stdout.append(buffer, 0, read);
                        stdout.notifyAll();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                synchronized (stdout) {
                    stdout.notifyAll();
                }
            }
        }

        /** Waits until the process has printed {@code text} on stdout (30 s at most). */
        public void awaitStdout(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (stdout) {
                while (stdout.indexOf(text) < 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || stdoutDone.isDone()) {
                        throw new AssertionError("redux_cli " + command + " did not print \"" + text + "\"; it printed: "
                                + stdout);
                    }
                    TimeUnit.NANOSECONDS.timedWait(stdout, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                }
            }
        }

        /** Sends the process a signal, as {@code kill -NAME} does (INT is what Ctrl-C sends). */
        public void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        }

        /** Waits for the end (60 s at most). */
        public Result finish() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("redux_cli " + command + " did not finish within 60 s");
            }
            stdoutDone.join();
            synchronized (stdout) {
                return new Result(process.exitValue(), stdout.toString(), stderr.join());
            }
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
