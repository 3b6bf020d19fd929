package io.redux.cli;

import java.util.Collection;
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
        // A success ends with main where nothing else would keep the JVM running: System.exit asks for a logger
        // first, and the JDK looks for a logger finder along the class path for it, opening every jar (most of a
        // listing's remaining start-up beyond the JVM's own).
        if (exitCode != 0 || keepTheJvmRunning(Thread.getAllStackTraces().keySet(), Thread.currentThread())) {
            System.exit(exitCode);
        }
    }

    static boolean asksOnlyForTheVersion(String... args) {
        return VERSION_REQUESTS.contains(List.of(args));
    }

    /** Whether a thread among {@code threads} but {@code main} would keep the JVM running after main returns. */
    static boolean keepTheJvmRunning(Collection<Thread> threads, Thread main) {
        return threads.stream().anyMatch(thread -> thread != main && !thread.isDaemon() && thread.isAlive());
    }
}
