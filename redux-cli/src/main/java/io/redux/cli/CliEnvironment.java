package io.redux.cli;

import io.redux.domain.environment.UserHome;

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
                UserHome.current(),
                Path.of("").toAbsolutePath(),
                System.in,
                writer(System.out),
                writer(System.err),
                System.console() != null);
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
