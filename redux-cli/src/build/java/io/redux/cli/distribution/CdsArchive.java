package io.redux.cli.distribution;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time step: makes the class-data-sharing archive {@code lib/redux_cli.jsa} of a distribution folder, so the
 * launcher maps the classes of every command (picocli, Guice, Jackson, the AWS SDK, Netty and our own code) already
 * parsed and verified instead of loading them from the jars on every run. {@link io.redux.cli.StartupTraining} runs
 * the commands. This is the build without a JDK 25; with one, {@link BundledRuntime} ships a runtime and its AOT cache
 * instead.
 *
 * <p>A static archive (a class list from the training run, then {@code -Xshare:dump}) rather than a dynamic one: the
 * dynamic archive of JDK 17 refuses picocli's Java 5 class files, the static one takes them. The archive only works
 * with the JDK that made it and at the path it was made for, so the step also writes {@code lib/redux_cli.jsa.home}:
 * the folder it was made for, the JDK that made it ({@code java.home}) and that JDK's {@code JAVA_RUNTIME_VERSION}
 * line of its {@code release} file. The launcher compares all three before using the archive, because a JVM that
 * rejects the archive it is given also drops the JDK's own, and starts slower than with no archive at all. An
 * archive is an optimisation: if any step fails the build goes on without one and says why.
 *
 * <pre>java -cp CLASSPATH io.redux.cli.distribution.CdsArchive DISTRIBUTION_FOLDER</pre>
 */
public final class CdsArchive {

    public static final String ARCHIVE = "lib/redux_cli.jsa";
    public static final String HOME_STAMP = "lib/redux_cli.jsa.home";

    /**
     * The launcher's own JVM flags, so training and dump see the run as the launcher starts it; all but its serial
     * collector: a dump with G1 also archives heap objects (interned strings, the module graph), which a user who
     * switches to G1 through {@code REDUX_JAVA_OPTS} then maps, and the serial collector ignores.
     */
    private static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1",
            "-Dguice_bytecode_gen_option=DISABLED", "-Dio.netty.noUnsafe=true", "-Dpicocli.disable.closures=true",
            "-Djdk.reflect.useNativeAccessorOnly=true");

    private CdsArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: CdsArchive DISTRIBUTION_FOLDER");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toRealPath();
        String problem = make(home);
        if (problem != null) {
            System.err.println("[WARNING] redux_cli: no class-data-sharing archive (" + problem
                    + "); the CLI works, it only starts slower");
        }
    }

    /** @return null when the archive was made and checked, else why not */
    public static String make(Path home) throws IOException, InterruptedException {
        Path archive = home.resolve(ARCHIVE);
        Path stamp = home.resolve(HOME_STAMP);
        Files.deleteIfExists(archive);
        Files.deleteIfExists(stamp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The same wildcard the launcher gives, so the JVM expands it to the same class path the archive records.
        String classPath = home.resolve("lib") + File.separator + "*";
        Path work = Files.createTempDirectory("redux-cds");
        try {
            Path classList = work.resolve("classes.lst");
            Path log = work.resolve("cds.log");
            try (Training training = new Training()) {
                List<String> options = new ArrayList<>(LAUNCHER_FLAGS);
                options.addAll(List.of("-XX:DumpLoadedClassList=" + classList, "-cp", classPath));
                if (Training.run(training.command(java, options, "all"), log) != 0) {
                    return "the training run failed: " + Files.readString(log, StandardCharsets.UTF_8).strip();
                }
            }
            List<String> dump = command(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + archive, "-cp", classPath);
            if (Training.run(dump, log) != 0 || !Files.isRegularFile(archive)) {
                return "-Xshare:dump failed: " + Training.lastLine(log);
            }
            // -Xshare:on fails instead of falling back, so this proves the launcher's JVM can map the archive.
            List<String> check = command(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", classPath,
                    "io.redux.cli.Main", "--version");
            if (Training.run(check, log) != 0) {
                Files.deleteIfExists(archive);
                return "the JVM does not map the archive it made: " + Training.lastLine(log);
            }
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            Files.writeString(stamp, home + "\n" + javaHome + "\n" + runtimeVersionLine(javaHome) + "\n",
                    StandardCharsets.UTF_8);
            return null;
        } finally {
            Training.deleteTree(work);
        }
    }

    /** The {@code JAVA_RUNTIME_VERSION=...} line of the JDK's release file, as the launcher reads it; empty if none. */
    static String runtimeVersionLine(Path javaHome) throws IOException {
        return releaseLine(javaHome, "JAVA_RUNTIME_VERSION");
    }

    /** The {@code KEY=...} line of the JDK's release file, as the launcher reads it; empty if none. */
    static String releaseLine(Path javaHome, String key) throws IOException {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return "";
        }
        try (var lines = Files.lines(release, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith(key + "=")).findFirst().orElse("");
        }
    }

    private static List<String> command(String java, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(List.of(arguments));
        return command;
    }
}
