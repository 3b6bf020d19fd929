package io.redux.cli;

import io.redux.domain.environment.UserHome;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a command may see of the world: variables, folders, the standard streams, whether a person is at a terminal,
 * and whether stdin brings input (a pipe or a file rather than a keyboard). Commands read nothing else, so tests can
 * run them with any world they like.
 */
public record CliEnvironment(
        Map<String, String> variables,
        Path userHome,
        Path workingDirectory,
        InputStream in,
        PrintWriter out,
        PrintWriter err,
        boolean interactive,
        boolean inputPiped) implements AutoCloseable {

    /** The environment variable that chooses the folder of conversation files. */
    public static final String CONVERSATIONS_FOLDER_VARIABLE = "REDUX_CONVERSATIONS_DIR";

    /** S_IFMT and the file types of stat(2) that mean stdin brings input: a FIFO, a regular file, a socket. */
    private static final int FILE_TYPE = 0170000;
    private static final Set<Integer> PIPED_TYPES = Set.of(0010000, 0100000, 0140000);

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** A world whose stdin is piped exactly when no person is at a terminal. */
    public CliEnvironment(Map<String, String> variables, Path userHome, Path workingDirectory, InputStream in,
                          PrintWriter out, PrintWriter err, boolean interactive) {
        this(variables, userHome, workingDirectory, in, out, err, interactive, !interactive);
    }

    public static CliEnvironment system() {
        boolean console = System.console() != null;
        return new CliEnvironment(
                System.getenv(),
                UserHome.current(),
                Path.of("").toAbsolutePath(),
                System.in,
                writer(System.out),
                writer(System.err),
                console,
                !console && stdinIsPipedOrAFile());
    }

    /**
     * Whether stdin is a pipe, a file or a socket. A terminal, {@code /dev/null}, or a system without
     * {@code /dev/stdin} count as no input, so a command never waits for a keyboard nobody meant to type on.
     */
    private static boolean stdinIsPipedOrAFile() {
        try {
            Object mode = Files.getAttribute(Path.of("/dev/stdin"), "unix:mode");
            return mode instanceof Integer bits && PIPED_TYPES.contains(bits & FILE_TYPE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The folder of conversation files: {@code $REDUX_CONVERSATIONS_DIR} when set and not blank, else
     * {@code ~/.amazon-q/conversations}, the original CLI's.
     */
    public Path conversationsFolder() {
        String configured = variable(CONVERSATIONS_FOLDER_VARIABLE);
        return configured != null ? Path.of(configured.strip()) : userHome.resolve(".amazon-q").resolve("conversations");
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
    public boolean colour() {
        return interactive && !variables.containsKey("NO_COLOR");
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
