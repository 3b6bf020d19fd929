package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution built with a JDK 25 present: it carries its own runtime (runtime/) and AOT caches, so the unpacked
 * tar.gz runs where no Java is installed, and the launcher passes a cache only when it fits. Skipped when the build
 * found no JDK 25 (then {@link DistributionIT} tests the distribution on the user's Java).
 */
class BundledRuntimeIT {

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpackTheTarGz() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CliProcess.LAUNCHER.getParent().getParent().resolve("runtime/bin/java")),
                "the build found no JDK 25, so the distribution has no runtime");
        home = DistributionIT.unpackInto(Files.createDirectories(unpacked.resolve("with space")));
    }

    /** The unpacked tar.gz's launcher on a machine with no Java: no JAVA_HOME, no java on the PATH. */
    private static CliProcess withNoJavaInstalled(Path user) throws IOException {
        Path emptyBin = Files.createDirectories(user.resolve("bin-without-java"));
        return CliProcess.launcher(home.resolve("bin/redux_cli")).unset("JAVA_HOME").env("PATH", emptyBin.toString())
                .home(user).in(user).env("REDUX_CONVERSATIONS_DIR", user.resolve("conversations").toString());
    }

    @Test
    void theTarGzRunsEveryKindOfCommandWithNoJavaInstalled(@TempDir Path user) throws IOException {
        assertThat(withNoJavaInstalled(user).run("--version").stdout()).startsWith("redux_cli ");
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            Result chat = withNoJavaInstalled(user).chatAgainst(bedrock.endpoint()).run("chat", "hello");

            assertThat(chat.exitCode()).isZero();
            assertThat(chat.stdout()).contains("hello");
            assertThat(chat.stderr()).isEmpty();
        }
        Result list = withNoJavaInstalled(user).run("conversations", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.stderr()).isEmpty();
        assertThat(list.stdout()).contains("hello");
        assertThat(user.resolve("cache")).as("no archive of its own to record").doesNotExist();
        assertThat(home.resolve("cache")).doesNotExist();
    }

    @Test
    void aListingStartsFromTheCacheOfTheListingAndAChatFromTheCacheWithTheAwsSdk(@TempDir Path user)
            throws IOException {
        Path listLog = user.resolve("list.log");
        Result list = withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + listLog)
                .run("conversations", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(Files.readString(listLog)).contains("io.redux.cli.conversations.ListCommand source: shared objects",
                        "com.google.inject.Guice source: shared objects")
                .doesNotContain("software.amazon.awssdk");

        Path chatLog = user.resolve("chat.log");
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            Result chat = withNoJavaInstalled(user).chatAgainst(bedrock.endpoint())
                    .env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + chatLog).run("chat", "hello");
            assertThat(chat.exitCode()).isZero();
        }
        assertThat(Files.readString(chatLog)).contains(
                "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeAsyncClient source: shared",
                "io.netty.channel.nio.NioEventLoop source: shared");
    }

    @Test
    void eachFamilyOfCommandsStartsFromTheCacheTrainedOnItAlone(@TempDir Path user) throws IOException {
        // A JVM loads every class of its AOT cache when it starts: --help must not pay for the listing's classes,
        // nor a listing for the AWS SDK's.
        assertThat(cacheOpenedBy(user, "--help")).endsWith("lib/redux_cli-help.aot");
        assertThat(cacheOpenedBy(user, "--version")).endsWith("lib/redux_cli-help.aot");
        assertThat(cacheOpenedBy(user, "no-such-command")).endsWith("lib/redux_cli-help.aot");
        assertThat(cacheOpenedBy(user, "conversations", "list")).endsWith("lib/redux_cli-list.aot");
        assertThat(cacheOpenedBy(user, "conversations", "list", "--json")).endsWith("lib/redux_cli-list.aot");
        assertThat(cacheOpenedBy(user, "conversations", "--help")).endsWith("lib/redux_cli-conversations.aot");
        assertThat(cacheOpenedBy(user, "--debug", "conversations", "show", "not-a-uuid"))
                .endsWith("lib/redux_cli-conversations.aot");
        assertThat(cacheOpenedBy(user, "whoami", "--help")).endsWith("lib/redux_cli-chat.aot");
        assertThat(cacheOpenedBy(user, "chat", "--help")).endsWith("lib/redux_cli-chat.aot");
    }

    @Test
    void helpAndAListingLoadEveryClassOfTheJarsFromTheirCache(@TempDir Path user) throws IOException {
        // A class outside the cache is read, verified and run without profiles, and costs its jar's opening: picocli's
        // Java 5 class files were, until the build gave them stack map frames.
        assertThat(classesReadFromJarsBy(user, "--help")).isEmpty();
        assertThat(classesReadFromJarsBy(user, "conversations", "list")).isEmpty();
    }

    @Test
    void noCommandOpensTheJarsToLookForALoggerFinder(@TempDir Path user) throws IOException {
        // The first logger of a run (Guice's) makes the JDK look for a logger finder: the runtime's own module has
        // one, so the JDK does not open the seventy jars of the class path to look for it, and a success does not
        // ask for System.exit's logger (a failure does, and the JDK then looks for a second finder, jar by jar).
        // Help opens none at all; Guice still opens them when it looks for a class no jar has (Kotlin support).
        assertThat(jarsOpenedBy(user, "--help")).isEmpty();
        // Not empty, which also shows the JDK's log of the jars it opens is on.
        assertThat(jarsOpenedBy(user, "conversations", "list")).isNotEmpty()
                .noneMatch(opening -> opening.contains("jdk.internal.logger."));
    }

    @Test
    void theJdksLoggersFollowAJavaUtilLoggingConfigurationTheUserGives(@TempDir Path user) throws IOException {
        Path configuration = Files.writeString(user.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler", "java.util.logging.ConsoleHandler.level=ALL",
                ".level=OFF", "java.lang.Runtime.level=FINE", ""));

        Result mistake = withNoJavaInstalled(user)
                .env("REDUX_JAVA_OPTS", "-Djava.util.logging.config.file=" + configuration).run("no-such-command");
        Result silent = withNoJavaInstalled(user).run("no-such-command");

        assertThat(mistake.exitCode()).isEqualTo(2);
        assertThat(mistake.stderr()).contains("Runtime.exit() called with status: 2");
        assertThat(silent.stderr()).doesNotContain("Runtime.exit");
    }

    @Test
    void theRuntimeWakesNoThreadToReplayProfiles(@TempDir Path user) throws IOException {
        // With a cache, a JVM otherwise starts a "Training replay" thread and wakes it at every class initialized to
        // look for profiles to replay, which the caches never hold: 17 ms of a one-shot chat's CPU.
        Result flags = withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-XX:+PrintFlagsFinal")
                .run("conversations", "list");

        assertThat(flags.exitCode()).isZero();
        assertThat(flags.stdout().lines().filter(line -> line.contains(" AOTReplayTraining ")))
                .singleElement().asString().contains("= false", "{command line}");
    }

    @Test
    void theCachesHoldNoMethodProfiles() throws IOException, InterruptedException {
        // The launcher runs C1 alone, which uses no profile; a JVM given a cache with profiles replays them all the
        // same, on a thread of its own that competes with the command for the machine's cores.
        String classPath = String.join(File.pathSeparator, Files.readAllLines(home.resolve("lib/redux_cli.classpath"))
                .stream().map(jar -> home.resolve("lib").resolve(jar).toString()).toList());
        for (String family : List.of("help", "list", "conversations", "chat")) {
            Process print = new ProcessBuilder(home.resolve("runtime/bin/java").toString(), "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "-XX:AOTCache=" + home.resolve("lib/redux_cli-" + family + ".aot"),
                    "-XX:+PrintSharedArchiveAndExit", "-cp", classPath, "io.redux.cli.Main")
                    .redirectErrorStream(true).start();
            String printed = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(print.waitFor()).as(family).isZero();
            String trainingData = printed.substring(printed.indexOf("Archived TrainingData Dictionary"),
                    printed.indexOf("Number of shared symbols"));
            assertThat(trainingData.lines().skip(1)).as(family + "'s training data").isEmpty();
        }
    }

    /**
     * The jars the JVM of {@code args} opened, as the JDK's class path logs them ({@code -Dsun.misc.URLClassPath.debug}):
     * each the "Opening" line and the stack trace that follows it, in one string.
     */
    private static List<String> jarsOpenedBy(Path user, String... args) throws IOException {
        Result result = withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-Dsun.misc.URLClassPath.debug=true")
                .run(args);
        List<String> openings = new ArrayList<>();
        for (String line : result.stderr().lines().toList()) {
            if (line.startsWith("Opening ")) {
                openings.add(line);
            } else if (!openings.isEmpty() && line.startsWith("\t")) {
                openings.set(openings.size() - 1, openings.get(openings.size() - 1) + "\n" + line);
            }
        }
        return openings;
    }

    /** The classes the JVM of {@code args} read from the distribution's jars rather than from its AOT cache. */
    private static List<String> classesReadFromJarsBy(Path user, String... args) throws IOException {
        Path log = Files.createTempFile(user, "classes", ".log");
        Result result = withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
                .run(args);
        assertThat(result.exitCode()).isZero();
        return Files.readAllLines(log).stream().filter(line -> line.contains(" source: file:")).toList();
    }

    /** The AOT cache the JVM of {@code args} opened, as its log names it; empty if it opened none. */
    private static String cacheOpenedBy(Path user, String... args) throws IOException {
        Path log = Files.createTempFile(user, "aot", ".log");
        withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-Xlog:aot=info:file=" + log).run(args);
        return Files.readAllLines(log).stream().filter(line -> line.contains("Opened AOT cache "))
                .map(line -> line.substring(line.indexOf("Opened AOT cache ") + 17).replaceAll("\\.$", ""))
                .findFirst().orElse("");
    }

    @Test
    void aCacheTheRuntimeCannotMapIsIgnoredSilently(@TempDir Path user) throws IOException {
        // What a damaged or foreign cache looks like to the JVM: bytes it cannot map.
        Path cache = home.resolve("lib/redux_cli-list.aot");
        byte[] trained = Files.readAllBytes(cache);
        Files.write(cache, new byte[] {1, 2, 3, 4});
        try {
            Result result = withNoJavaInstalled(user).run("conversations", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isNotEmpty();
            assertThat(result.stderr()).isEmpty();
        } finally {
            Files.write(cache, trained);
        }
    }

    @Test
    void aCacheMadeForAnotherRuntimeIsLeftOut(@TempDir Path user) throws IOException {
        Path stamp = home.resolve("lib/redux_cli.aot.release");
        String made = Files.readString(stamp);
        Files.writeString(stamp, "JAVA_VERSION=\"25.0.0-another\"\n");
        Path log = user.resolve("classes.log");
        try {
            Result result = withNoJavaInstalled(user).env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
                    .run("conversations", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stderr()).isEmpty();
            assertThat(Files.readString(log)).contains("io.redux.cli.Main source: file:")
                    .doesNotContain("source: shared objects file");
        } finally {
            Files.writeString(stamp, made);
        }
    }

    @Test
    void theInteractiveChatBuildsItsTerminalWithNoToolOnThePath(@TempDir Path user)
            throws IOException, InterruptedException {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "no util-linux script(1) to give the chat a pseudo-terminal");
        Path emptyBin = Files.createDirectories(user.resolve("bin-without-tools"));
        // JLine's exec provider drives the terminal with stty, tty, test and infocmp, a process each (19 before the
        // prompt); on the bundled runtime JLine uses native calls, so with none of those tools it still gets a real
        // terminal instead of warning and falling back to a dumb one.
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec",
                "'" + home.resolve("bin/redux_cli") + "' chat", "/dev/null").directory(user.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", emptyBin.toString(), "HOME", user.toString(), "TERM", "xterm",
                "SHELL", "/bin/sh", "REDUX_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake",
                "AWS_EC2_METADATA_DISABLED", "true",
                "REDUX_CONVERSATIONS_DIR", user.resolve("conversations").toString()));
        Path classes = user.resolve("classes.log");
        Path libraries = user.resolve("libraries.log");
        builder.environment().put("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes
                + " -Xlog:library=info:file=" + libraries);
        QuitAtATerminal.Screen screen = QuitAtATerminal.run(builder);

        assertThat(screen.exitCode()).as(screen.text()).isZero();
        assertThat(screen.text()).contains("Ctrl-D to leave").doesNotContain("WARNING")
                .doesNotContainIgnoringCase("dumb");
        // The chat's cache was trained on the interactive chat up to its prompt too: JLine's line reader is in it.
        assertThat(Files.readString(classes)).contains("org.jline.reader.impl.LineReaderImpl source: shared objects");
        // JLine's JNI terminal, its native library loaded, and not the FFM one, which costs a third of the time to
        // the prompt to set up its native calls. (The JNI and exec providers' classes are in the cache, from the
        // training's run without a terminal, so the JVM loads them with the cache whether they are used or not.)
        assertThat(Files.readString(libraries)).contains("libjlinenative.so");
        assertThat(Files.readString(classes)).doesNotContain("org.jline.terminal.impl.ffm.FfmTerminalProvider ");
    }

    @Test
    void theRuntimeHasTheModulesOfEveryJarOfTheDistribution() throws IOException {
        // jdeps derives them at build time; java.sql (the migration) and java.desktop (JLine) are two of them.
        String modules = Files.readString(home.resolve("runtime/release"));

        assertThat(modules).contains("java.base", "java.sql", "java.desktop", "jdk.unsupported", "jdk.charsets");
    }
}
