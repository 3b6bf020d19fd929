package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tar.gz a user downloads: unpacked into a folder of its own, it runs and carries its completion and man page.
 * The tests of the class-data archives of the user's own Java (the distribution's start-up without a bundled runtime,
 * as a build without a JDK 25 makes it) run on a copy whose {@code runtime/} is removed; {@link BundledRuntimeIT}
 * tests the runtime.
 */
class DistributionIT {

    private static final Path ARCHIVE = Path.of("target");

    @TempDir
    static Path unpacked;

    private static Path home;
    /** The same without its bundled runtime (if it had one): it runs on the user's Java, JAVA_HOME here. */
    private static Path onUsersJava;

    @BeforeAll
    static void unpackTheTarGz() throws IOException, InterruptedException {
        home = unpackInto(unpacked);
        onUsersJava = withoutRuntime(unpackInto(Files.createDirectories(unpacked.resolve("users-java"))));
    }

    /** Removes the bundled runtime from an unpacked distribution, as if it was built without a JDK 25. */
    static Path withoutRuntime(Path distribution) throws IOException {
        Path runtime = distribution.resolve("runtime");
        if (Files.isDirectory(runtime)) {
            try (Stream<Path> files = Files.walk(runtime)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return distribution;
    }

    /** Unpacks the tar.gz into {@code folder}; returns the distribution's folder. */
    static Path unpackInto(Path folder) throws IOException, InterruptedException {
        Path tarGz;
        try (Stream<Path> files = Files.list(ARCHIVE)) {
            tarGz = files.filter(file -> file.getFileName().toString().matches("redux_cli-.+\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("no redux_cli-*.tar.gz in target"));
        }
        Process tar = new ProcessBuilder("tar", "-xzf", tarGz.toAbsolutePath().toString(), "-C", folder.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return folder.resolve(tarGz.getFileName().toString().replace(".tar.gz", ""));
    }

    @Test
    void chatsFromAFolderWithASpaceInItsPathWhileRecordingItsArchiveAndAfter(@TempDir Path user)
            throws IOException, InterruptedException {
        Path spaced = withoutRuntime(unpackInto(Files.createDirectories(unpacked.resolve("with space"))));
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            for (String run : List.of("recording the archive", "mapping it")) {
                Result result = CliProcess.launcher(spaced.resolve("bin/redux_cli")).home(user).in(user)
                        .chatAgainst(bedrock.endpoint()).run("chat", "hello");

                assertThat(result.exitCode()).as(run).isZero();
                assertThat(result.stdout()).as(run).contains("hello");
            }
        }
        assertThat(recordedArchives(spaced)).hasSize(1);
    }

    @Test
    void printsItsVersionFromWhereverItIsUnpacked() {
        Result result = CliProcess.launcher(home.resolve("bin/redux_cli")).in(unpacked).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("redux_cli ");
        assertThat(result.stderr()).as("no JVM or archive warnings").isEmpty();
    }

    @Test
    void runsThroughASymlinkOnThePath() throws IOException {
        Path bin = Files.createDirectories(unpacked.resolve("path-bin"));
        Path link = Files.createSymbolicLink(bin.resolve("redux_cli"), home.resolve("bin/redux_cli"));

        Result result = CliProcess.launcher(link).in(bin).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("redux_cli ");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void carriesABashAndZshCompletionScriptOfEveryCommand() throws IOException {
        String script = Files.readString(home.resolve("share/completion/redux_cli.bash"));

        assertThat(script).contains("complete -F", "redux_cli", "conversations", "list", "export", "--format",
                "bashcompinit");
    }

    @Test
    void carriesAManPageOfEveryCommandAndOption() throws IOException {
        String page = Files.readString(home.resolve("share/man/man1/redux_cli.1"));

        assertThat(page).startsWith(".TH \"REDUX_CLI\" \"1\"");
        assertThat(page).contains(".SH SYNOPSIS", ".SS \"redux_cli conversations export\"", "\\-\\-format",
                ".SH ENVIRONMENT", "REDUX_CONVERSATIONS_DIR", ".SH \"EXIT STATUS\"");
    }

    @Test
    void onlyTheMigrateCommandGetsNativeAccessNotAPromptThatIsTheWordMigrate(@TempDir Path jdk) throws IOException {
        // A JDK whose java prints the arguments the launcher gives it, one a line.
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        CliProcess cli = CliProcess.launcher(onUsersJava.resolve("bin/redux_cli")).in(unpacked)
                .env("JAVA_HOME", jdk.toString()).env("REDUX_CDS", "off");

        assertThat(cli.run("conversations", "migrate").stdout()).contains("--enable-native-access=ALL-UNNAMED");
        assertThat(cli.run("--debug", "conversations", "migrate", "--dry-run").stdout())
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(cli.run("chat", "migrate").stdout()).doesNotContain("--enable-native-access");
        assertThat(cli.run("conversations", "export", "migrate").stdout()).doesNotContain("--enable-native-access");
    }

    @Test
    void leavesOutTheClassDataSharingArchiveThatOnlyWorksWhereItWasBuilt() {
        assertThat(home.resolve("lib/redux_cli.jsa")).doesNotExist();
        assertThat(home.resolve("bin/redux_cli")).isExecutable();
    }

    @Test
    void anArchiveTheJvmCannotUseIsIgnoredSilently() throws IOException {
        // What a user sees after switching JDKs: the archive of another JDK. Here, bytes no JVM can map.
        Files.write(onUsersJava.resolve("lib/redux_cli.jsa"), new byte[] {1, 2, 3, 4});
        Files.writeString(onUsersJava.resolve("lib/redux_cli.jsa.home"), onUsersJava.toRealPath() + "\n");
        try {
            Result result = CliProcess.launcher(onUsersJava.resolve("bin/redux_cli")).in(unpacked).run("--version");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).startsWith("redux_cli ");
            assertThat(result.stderr()).isEmpty();
        } finally {
            Files.delete(onUsersJava.resolve("lib/redux_cli.jsa"));
            Files.delete(onUsersJava.resolve("lib/redux_cli.jsa.home"));
        }
    }

    @Test
    void theBuiltFolderStartsFromItsClassDataSharingArchive(@TempDir Path logs) throws IOException {
        Path archive = CliProcess.LAUNCHER.getParent().getParent().resolve("lib/redux_cli.jsa");
        Assumptions.assumeTrue(Files.isRegularFile(archive), "the build made no archive (-Dredux.cds.skip or its JDK)");
        Path log = logs.resolve("classes.log");

        // A listing (--version alone is answered before picocli loads) of a folder that does not exist.
        Result result = CliProcess.launcher().env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
                .env("REDUX_CONVERSATIONS_DIR", logs.resolve("none").toString())
                .in(logs).run("conversations", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(log)).contains("io.redux.cli.Main source: shared objects file",
                "io.redux.cli.conversations.ListCommand source: shared objects file");
        if (Runtime.version().feature() == 17) {
            assertThat(Files.readString(log)).contains("picocli.CommandLine source: shared objects file");
        }
        // On newer JDKs the static dump links picocli's Java 5 classes while resolving call sites ahead of time and
        // then leaves them out ("Old class has been linked"): the archive still holds our classes and the rest.
    }

    @Test
    void theBuiltFoldersArchiveHoldsTheChatsAwsClassesSoNoRunRecordsAnother(@TempDir Path user) throws IOException {
        Path built = CliProcess.LAUNCHER.getParent().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(built.resolve("lib/redux_cli.jsa")),
                "the build made no archive (-Dredux.cds.skip or its JDK)");
        Path log = user.resolve("classes.log");
        List<Path> recorded = recordedArchives(built);
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            Result result = CliProcess.launcher().home(user).in(user)
                    .env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
                    .chatAgainst(bedrock.endpoint())
                    .run("chat", "hello");

            assertThat(result.exitCode()).isZero();
        }
        assertThat(Files.readString(log)).contains(
                "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeAsyncClient source: shared",
                "io.netty.channel.nio.NioEventLoop source: shared");
        assertThat(recordedArchives(built)).isEqualTo(recorded);
    }

    /** What the launcher recorded in a distribution's cache folder (other JDKs' runs record there too). */
    private static List<Path> recordedArchives(Path distribution) throws IOException {
        Path cache = distribution.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theArchiveOfAnotherJdkIsLeftOutAndTheJdksOwnIsUsed(@TempDir Path logs) throws IOException {
        Path stamp = CliProcess.LAUNCHER.getParent().getParent().resolve("lib/redux_cli.jsa.home");
        Assumptions.assumeTrue(Files.isRegularFile(stamp), "the build made no archive (-Dredux.cds.skip or its JDK)");
        String made = Files.readString(stamp);
        List<String> lines = made.lines().toList();
        Path log = logs.resolve("classes.log");
        // What the launcher sees after the user switched JDKs: the archive names another one.
        Files.writeString(stamp, lines.get(0) + "\n/opt/another-jdk\n" + lines.get(2) + "\n");
        try {
            Result result = CliProcess.launcher().env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + log)
                    .env("REDUX_CONVERSATIONS_DIR", logs.resolve("none").toString())
                    .in(logs).run("conversations", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stderr()).isEmpty();
            String classes = Files.readString(log);
            assertThat(classes).contains("java.lang.Object source: shared objects file")
                    .doesNotContain("io.redux.cli.Main source: shared objects file");
        } finally {
            Files.writeString(stamp, made);
        }
    }

    @Test
    void aReleaseUnpackedOverAnotherRecordsANewChatArchiveInsteadOfKeepingTheOld(@TempDir Path user)
            throws IOException {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            assertThat(chat(bedrock, user).exitCode()).isZero();
            List<Path> first = chatArchives();
            assertThat(first).hasSize(1);
            // A new release's jars carry the build's fixed timestamp, so "a jar is newer than the archive" misses
            // them; here one jar's time moves back a day, as a size would change, which is what the JVM checks.
            Path jar;
            try (Stream<Path> jars = Files.list(onUsersJava.resolve("lib"))) {
                jar = jars.filter(file -> file.getFileName().toString().startsWith("redux-cli-")).findFirst()
                        .orElseThrow();
            }
            FileTime built = Files.getLastModifiedTime(jar);
            Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() - TimeUnit.DAYS.toMillis(1)));
            try {
                Result again = chat(bedrock, user);

                assertThat(again.exitCode()).isZero();
                assertThat(again.stderr()).isEmpty();
                assertThat(chatArchives()).hasSize(1).doesNotContainAnyElementsOf(first);
            } finally {
                Files.setLastModifiedTime(jar, built);
            }
        }
    }

    private static Result chat(BedrockRuntimeStub bedrock, Path user) {
        return CliProcess.launcher(onUsersJava.resolve("bin/redux_cli")).home(user).in(user)
                .chatAgainst(bedrock.endpoint())
                .run("chat", "hello");
    }

    /** The chat archives in the unpacked copy's cache folder. */
    private static List<Path> chatArchives() throws IOException {
        return recordedArchives(onUsersJava).stream().filter(file -> file.getFileName().toString().endsWith(".jsa"))
                .toList();
    }
}
