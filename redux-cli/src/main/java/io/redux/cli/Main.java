package io.redux.cli;

import java.util.List;

/** The {@code redux_cli} entry point. */
public final class Main {

    /** The only command lines answered before the command line is built (see {@link #main}). */
    private static final List<List<String>> VERSION_REQUESTS = List.of(List.of("--version"), List.of("-V"));

    private Main() {
    }

    public static void main(String[] args) {
        if (asksOnlyForTheVersion(args)) {
            // Scripts and package managers run this often; it needs no command model, which costs most of a short run.
            System.out.println(VersionProvider.line());
            return;
        }
        LibraryLogging.configure(List.of(args).contains("--debug"));
        int exitCode;
        try (CliEnvironment environment = CliEnvironment.system()) {
            exitCode = ReduxCli.execute(environment, args);
        }
        System.exit(exitCode);
    }

    static boolean asksOnlyForTheVersion(String... args) {
        return VERSION_REQUESTS.contains(List.of(args));
    }
}
