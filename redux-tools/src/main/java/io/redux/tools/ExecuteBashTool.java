package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.OutputLimit;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code execute_bash}: runs {@code bash -c COMMAND} in the working directory with no input, a time limit and a
 * limit on the output kept from each stream. It answers with the exit code, stdout and stderr; a command that runs
 * and fails is still a successful tool run (the exit code tells), while one that cannot start or runs out of time
 * is an error.
 */
public final class ExecuteBashTool implements Tool {

    public static final String NAME = "execute_bash";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = OutputLimit.DEFAULT_BYTES;

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Runs a command with bash -c in the working directory, without input, and returns its exit code, stdout "
                    + "and stderr. Long output is cut; commands that run too long are stopped.",
            Schemas.object(Map.of("command", Schemas.property("string", "The bash command to run.")), "command"));

    private final Path workingDirectory;
    private final Duration timeout;
    private final int maxOutputBytes;

    public ExecuteBashTool(Path workingDirectory) {
        this(workingDirectory, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES);
    }

    public ExecuteBashTool(Path workingDirectory, Duration timeout, int maxOutputBytes) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        if (timeout.isNegative() || timeout.isZero() || maxOutputBytes < 1) {
            throw new IllegalArgumentException("execute_bash needs a positive timeout and output limit");
        }
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        String command;
        try {
            command = args.requiredString("command");
            if (command.isBlank()) {
                throw args.bad("command", "must not be empty");
            }
        } catch (ToolArgumentException e) {
            return ToolOutput.error(e.getMessage());
        }
        Process process;
        try {
            process = new ProcessBuilder("bash", "-c", command).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            return ToolOutput.error(NAME + ": cannot start bash: " + e.getMessage());
        }
        return await(process);
    }

    private ToolOutput await(Process process) {
        ChildProcess.Outcome outcome;
        try {
            outcome = ChildProcess.await(process, NAME, timeout, maxOutputBytes);
        } catch (IOException e) {
            return ToolOutput.error(NAME + ": " + e.getMessage());
        }
        if (outcome instanceof ChildProcess.Exited exited) {
            return ToolOutput.success("exit code: " + exited.exitCode() + "\n" + report(exited.stdout(), exited.stderr()));
        }
        if (outcome instanceof ChildProcess.TimedOut timedOut) {
            return ToolOutput.error(NAME + ": the command did not finish within " + ChildProcess.describe(timeout)
                    + " and was stopped.\n" + report(timedOut.stdout(), timedOut.stderr()));
        }
        return ToolOutput.error(NAME + ": the command was interrupted by the user and stopped.");
    }

    private static String report(String stdout, String stderr) {
        return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
