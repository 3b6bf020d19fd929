package io.redux.cli;

import io.redux.cli.composition.Composition;
import picocli.CommandLine;

import java.util.List;

/** Builds the command line: the commands, their composition, and the one place errors become exit codes. */
public final class ReduxCli {

    private ReduxCli() {
    }

    /** Runs one command line and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int execute(CliEnvironment environment, String... args) {
        try (Composition composition = new Composition(environment)) {
            composition.prepareFor(ReduxCommand.runs(args));
            ErrorReporter errors = new ErrorReporter(environment.err());
            CommandLine commandLine = ReduxCommand.commandLineFor(composition.commandFactory(), args)
                    .setOut(environment.out())
                    .setErr(environment.err())
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setParameterExceptionHandler(errors)
                    .setExecutionExceptionHandler(errors);
            try {
                return commandLine.execute(args);
            } catch (OutOfMemoryError e) {
                return errors.handleOutOfMemory(e, List.of(args).contains("--debug"));
            }
        }
    }
}
