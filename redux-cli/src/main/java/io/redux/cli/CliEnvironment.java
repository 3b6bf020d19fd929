package io.redux.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may see of the world: variables, folders, the standard streams, and whether a person is at a
 * terminal. Commands read nothing else, so tests can run them with any world they like.
 */
public record CliEnvironment(
        Map<String, String> variables,
        Path userHome,
        Path workingDirectory,
        InputStream in,
        PrintWriter out,
        PrintWriter err,
        boolean interactive) implements AutoCloseable {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(),
                home(System.getenv("HOME")),
                Path.of("").toAbsolutePath(),
                System.in,
                writer(System.out),
                writer(System.err),
                System.console() != null);
    }

    /**
     * HOME as the shell has it, as every Unix tool does; the JVM's {@code user.home} comes from the password
     * database and ignores {@code HOME=/elsewhere redux_cli ...}.
     */
    private static Path home(String variable) {
        if (variable != null && !variable.isBlank() && Path.of(variable).isAbsolute()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"));
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
