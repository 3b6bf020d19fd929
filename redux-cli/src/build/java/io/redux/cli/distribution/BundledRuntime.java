package io.redux.cli.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build-time step: gives a distribution folder its own Java runtime, so the tar.gz needs no Java installed, and an
 * AOT cache trained on every command, so it starts fast. When a JDK 25 is on the build machine ({@link Jdk25}):
 * <ol>
 *   <li>{@code runtime/}: a {@code jlink}ed image of only the modules the jars of {@code lib/} need, as {@code jdeps}
 *       finds them (so a module added to the distribution brings what it needs, java.net.http say), plus the
 *       modules found through services, which {@code jdeps} cannot see ({@link #SERVICE_MODULES});</li>
 *   <li>and in it, the CLI's own module {@code io.redux.runtime} (its sources in {@code src/build/runtime}, compiled
 *       by the JDK 25): the JVM's logger finder, found there instead of by opening every jar of the class path;</li>
 *   <li>the jars' class files older than Java 6 (picocli's, for one) get stack map frames ({@code OldClassFiles.java},
 *       run from source by the JDK 25), without which the AOT cache would leave them out;</li>
 *   <li>{@code lib/redux_cli.classpath}: the jars in a fixed order, one a line, which the launcher reads into its
 *       class path: a JVM uses an AOT cache only with the class path it was trained with, and the JVM's own
 *       expansion of {@code lib/*} follows the file system's order, which another machine's unpacking may change;</li>
 *   <li>{@code lib/redux_cli-help.aot}, {@code -list.aot}, {@code -conversations.aot} and {@code -chat.aot}: AOT caches (JEP 483;
 *       without JEP 515's method profiles, see {@link #TRAINING_FLAGS}) of a {@link io.redux.cli.StartupTraining} run
 *       with the launcher's flags, each
 *       then proved by a run that fails unless the JVM maps it ({@code -XX:AOTMode=on}). One per family of commands
 *       ({@link #FAMILIES}), each trained on its family alone, because a JVM loads every class of its cache when it
 *       starts: {@code --help} would pay for the listing's classes, a listing for the AWS SDK's. The launcher picks
 *       one by the command's first word;</li>
 *   <li>{@code lib/redux_cli.aot.release}: the {@code JAVA_VERSION} line of the runtime's {@code release} file,
 *       which the launcher compares with {@code runtime/release} before it passes a cache.</li>
 * </ol>
 * Without a JDK 25 (or with {@code -Dredux.runtime=none}), or if a step fails, the folder gets JDK 17's class-data
 * archive instead ({@link CdsArchive}) and runs on the user's Java, as before.
 *
 * <pre>java -cp CLASSPATH io.redux.cli.distribution.BundledRuntime DISTRIBUTION_FOLDER RUNTIME_SOURCES</pre>
 */
public final class BundledRuntime {

    public static final String RUNTIME = "runtime";
    public static final String CLASS_PATH = "lib/redux_cli.classpath";
    /**
     * The families of commands with an AOT cache each, {@code lib/redux_cli-FAMILY.aot}, trained on that family alone
     * (see {@link io.redux.cli.StartupTraining}); the launcher picks one by the command's first word.
     */
    public static final List<String> FAMILIES = List.of("help", "list", "conversations", "chat");
    public static final String CACHE_STAMP = "lib/redux_cli.aot.release";
    /** The CLI's own module of the runtime (see {@code src/build/runtime}). */
    static final String OWN_MODULE = "io.redux.runtime";

    /**
     * Modules reached only through {@link java.util.ServiceLoader}, which {@code jdeps} does not follow: the extra
     * character sets a terminal may use (JLine asks for the terminal's own).
     */
    static final List<String> SERVICE_MODULES = List.of("jdk.charsets");

    /**
     * The launcher's JVM flags on the bundled runtime (bin/redux_cli), which the training run must share with the runs
     * that use the cache: a cache trained without {@code --enable-native-access} is refused by a JVM given it.
     */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1",
            "-XX:Tier3BackEdgeThreshold=5000", "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED", "-Dguice_bytecode_gen_option=DISABLED", "-Dio.netty.noUnsafe=true",
            "-Dpicocli.disable.closures=true", "-Djdk.reflect.useNativeAccessorOnly=true");

    /**
     * The training run's own flags: no method profiles in the caches. Only C2 uses them, and the launcher runs C1
     * alone; a JVM given a cache with profiles replays them on a thread of its own all the same, which cost a one-shot
     * chat about 90 ms of CPU and a listing 50 (15 alternated pairs, docs/performance.md).
     */
    static final List<String> TRAINING_FLAGS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    private BundledRuntime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BundledRuntime DISTRIBUTION_FOLDER RUNTIME_SOURCES");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toRealPath();
        Path sources = Path.of(args[1]);
        String[] archiveArgs = {args[0]};
        String asked = System.getProperty("redux.runtime", "");
        Optional<Path> jdk = Jdk25.find(asked);
        if (jdk.isEmpty()) {
            String why = asked.equals("none") ? "no bundled runtime (-Dredux.runtime=none)"
                    : "no JDK 25 found (" + Jdk25.WHERE + ")";
            System.err.println("[INFO] redux_cli: " + why + "; the distribution runs on the user's Java 17+, with a class-data archive of this JDK");
            CdsArchive.main(archiveArgs);
            return;
        }
        long start = System.nanoTime();
        String problem = make(home, jdk.get(), sources);
        if (problem != null) {
            System.err.println("[WARNING] redux_cli: no bundled runtime (" + problem
                    + "); the distribution runs on the user's Java 17+");
            removeRuntime(home);
            CdsArchive.main(archiveArgs);
            return;
        }
        System.err.printf("[INFO] redux_cli: bundled runtime of %s with its AOT cache in %.1f s%n", jdk.get(),
                (System.nanoTime() - start) / 1e9);
    }

    /** @return null when the runtime and its cache were made and checked, else why not */
    static String make(Path home, Path jdk, Path sources) throws IOException, InterruptedException {
        removeRuntime(home);
        Path work = Files.createTempDirectory("redux-runtime");
        try {
            Path log = work.resolve("step.log");
            List<String> jars = jars(home);
            List<String> jdeps = new ArrayList<>(List.of(tool(jdk, "jdeps"), "--ignore-missing-deps", "-q",
                    "--multi-release", "25", "--print-module-deps"));
            jars.forEach(jar -> jdeps.add(home.resolve("lib").resolve(jar).toString()));
            if (Training.run(jdeps, log) != 0) {
                return "jdeps failed: " + Training.lastLine(log);
            }
            String modules = modules(Files.readString(log, StandardCharsets.UTF_8));
            Path moduleClasses = work.resolve("modules").resolve(OWN_MODULE);
            List<String> javac = new ArrayList<>(List.of(tool(jdk, "javac"), "--release", "17", "-d",
                    moduleClasses.toString()));
            javac.addAll(javaFiles(sources.resolve(OWN_MODULE)));
            if (Training.run(javac, log) != 0) {
                return "compiling " + OWN_MODULE + " failed: " + Training.lastLine(log);
            }
            Path runtime = home.resolve(RUNTIME);
            if (Training.run(List.of(tool(jdk, "jlink"), "--module-path", moduleClasses.getParent().toString(),
                    "--add-modules", modules + "," + OWN_MODULE, "--strip-debug", "--no-man-pages",
                    "--no-header-files", "--output", runtime.toString()), log) != 0) {
                return "jlink failed: " + Training.lastLine(log);
            }
            if (Training.run(List.of(tool(jdk, "java"), sources.resolve("OldClassFiles.java").toString(),
                    home.resolve("lib").toString()), log) != 0) {
                return "giving old class files their frames failed: " + Training.lastLine(log);
            }
            Files.write(home.resolve(CLASS_PATH), jars, StandardCharsets.UTF_8);
            String classPath = String.join(java.io.File.pathSeparator,
                    jars.stream().map(jar -> home.resolve("lib").resolve(jar).toString()).toList());
            String java = runtime.resolve("bin/java").toString();
            try (Training training = new Training()) {
                for (String set : FAMILIES) {
                    Path cache = home.resolve(cache(set));
                    List<String> flags = new ArrayList<>(LAUNCHER_FLAGS);
                    flags.addAll(TRAINING_FLAGS);
                    flags.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-cp", classPath));
                    if (Training.run(training.command(java, flags, set), log) != 0 || !Files.isRegularFile(cache)) {
                        return "the training run of " + set + " failed: "
                                + Files.readString(log, StandardCharsets.UTF_8).strip();
                    }
                    List<String> check = new ArrayList<>(List.of(java));
                    check.addAll(LAUNCHER_FLAGS);
                    check.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-cp", classPath,
                            "io.redux.cli.Main", "--version"));
                    if (Training.run(check, log) != 0) {
                        return "the runtime does not map the AOT cache it made: " + Training.lastLine(log);
                    }
                }
            }
            Files.writeString(home.resolve(CACHE_STAMP), CdsArchive.releaseLine(runtime, "JAVA_VERSION") + "\n",
                    StandardCharsets.UTF_8);
            return null;
        } finally {
            Training.deleteTree(work);
        }
    }

    /** The jars of the distribution's lib/, by name: the class path's order, fixed and the same everywhere. */
    static List<String> jars(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted()
                    .toList();
        }
    }

    /** The modules jdeps printed (comma-separated, on its last line) and {@link #SERVICE_MODULES}, sorted. */
    static String modules(String jdepsOutput) {
        List<String> lines = jdepsOutput.strip().lines().toList();
        TreeSet<String> modules = new TreeSet<>(List.of(lines.get(lines.size() - 1).strip().split(",")));
        modules.addAll(SERVICE_MODULES);
        return String.join(",", modules);
    }

    /** The source files under {@code folder}, sorted. */
    private static List<String> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(Path::toString).filter(name -> name.endsWith(".java")).sorted().toList();
        }
    }

    /** The AOT cache of a family of commands, relative to the distribution folder. */
    public static String cache(String family) {
        return "lib/redux_cli-" + family + ".aot";
    }

    private static String tool(Path jdk, String name) {
        return jdk.resolve("bin").resolve(name).toString();
    }

    private static void removeRuntime(Path home) throws IOException {
        if (Files.exists(home.resolve(RUNTIME))) {
            Training.deleteTree(home.resolve(RUNTIME));
        }
        for (String file : List.of(CLASS_PATH, CACHE_STAMP)) {
            Files.deleteIfExists(home.resolve(file));
        }
        for (String family : FAMILIES) {
            Files.deleteIfExists(home.resolve(cache(family)));
        }
    }
}
