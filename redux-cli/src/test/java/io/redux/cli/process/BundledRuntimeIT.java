package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void aListingStartsFromTheCacheOfTheCommandsAndAChatFromTheCacheWithTheAwsSdk(@TempDir Path user)
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
    void aCacheTheRuntimeCannotMapIsIgnoredSilently(@TempDir Path user) throws IOException {
        // What a damaged or foreign cache looks like to the JVM: bytes it cannot map.
        Path cache = home.resolve("lib/redux_cli.aot");
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
    void theRuntimeHasTheModulesOfEveryJarOfTheDistribution() throws IOException {
        // jdeps derives them at build time; java.sql (the migration) and java.desktop (JLine) are two of them.
        String modules = Files.readString(home.resolve("runtime/release"));

        assertThat(modules).contains("java.base", "java.sql", "java.desktop", "jdk.unsupported", "jdk.charsets");
    }
}
