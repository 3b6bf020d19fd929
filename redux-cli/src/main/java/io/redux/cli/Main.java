package io.redux.cli;

/** The {@code redux_cli} entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode;
        try (CliEnvironment environment = CliEnvironment.system()) {
            exitCode = ReduxCli.execute(environment, args);
        }
        System.exit(exitCode);
    }
}
