package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./redux_cli} at the root of a checkout: it builds the distribution when there is none, or when a pom or a
 * main source changed since the last build (after a {@code git pull}), says so, then runs it. Run here in a copy of a
 * checkout whose {@code mvnw} only records its call and writes what a build writes, so no Maven runs.
 */
class CheckoutLauncherIT {

    private static final Path CHECKOUT_LAUNCHER = Path.of("..", "redux_cli").toAbsolutePath().normalize();
    private static final Instant BUILT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path checkout;

    private Path calls;

    @BeforeEach
    void aCheckoutWithAFakeMavenWrapper() throws IOException {
        Files.copy(CHECKOUT_LAUNCHER, checkout.resolve("redux_cli"), StandardCopyOption.COPY_ATTRIBUTES);
        calls = checkout.resolve("mvnw.calls");
        executable(checkout.resolve("mvnw"), """
                #!/bin/sh
                echo "$*" >> mvnw.calls
                mkdir -p redux-cli/target/redux_cli/bin
                printf '#!/bin/sh\\necho "ran $*"\\n' > redux-cli/target/redux_cli/bin/redux_cli
                chmod +x redux-cli/target/redux_cli/bin/redux_cli
                : > redux-cli/target/redux_cli-1.0.tar.gz
                """);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("redux-domain/src/main/java"));
        Files.writeString(checkout.resolve("redux-domain/pom.xml"), "<project/>");
        Files.writeString(checkout.resolve("redux-domain/src/main/java/Chat.java"), "class Chat {}");
        Files.createDirectories(checkout.resolve("redux-domain/src/test/java"));
        Files.writeString(checkout.resolve("redux-domain/src/test/java/ChatTest.java"), "class ChatTest {}");
    }

    @Test
    void buildsTheDistributionTheFirstTime() throws IOException {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("ran --version\n");
        assertThat(result.stderr()).contains("building");
        assertThat(Files.readAllLines(calls)).containsExactly("-q -DskipTests package");
    }

    @Test
    void runsTheBuiltDistributionWhenNothingChangedSinceItWasBuilt() throws IOException {
        built();

        Result result = run("chat", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("ran chat hello\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(calls).doesNotExist();
    }

    @Test
    void rebuildsWhenAMainSourceChangedSinceTheLastBuildAndNamesIt() throws IOException {
        built();
        changedAfterTheBuild("redux-domain/src/main/java/Chat.java");

        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("ran --version\n");
        assertThat(result.stderr()).contains("redux-domain/src/main/java/Chat.java", "rebuilding");
        assertThat(Files.readAllLines(calls)).containsExactly("-q -DskipTests package");
    }

    @Test
    void rebuildsWhenAPomChangedSinceTheLastBuild() throws IOException {
        built();
        changedAfterTheBuild("pom.xml");

        Result result = run("--version");

        assertThat(result.stderr()).contains("pom.xml", "rebuilding");
        assertThat(Files.readAllLines(calls)).hasSize(1);
    }

    @Test
    void aChangedTestDoesNotRebuildTheDistribution() throws IOException {
        built();
        changedAfterTheBuild("redux-domain/src/test/java/ChatTest.java");

        Result result = run("--version");

        assertThat(result.stderr()).isEmpty();
        assertThat(calls).doesNotExist();
    }

    @Test
    void aFailedBuildSaysHowToSeeWhyAndRunsNothing() throws IOException {
        executable(checkout.resolve("mvnw"), "#!/bin/sh\necho '[ERROR] it broke' >&2\nexit 1\n");

        Result result = run("--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("./mvnw -DskipTests package");
    }

    /** What a finished build leaves: the distribution and its archive, written after every source. */
    private void built() throws IOException {
        run("--version");
        Files.delete(calls);
        for (String file : List.of("pom.xml", "redux-domain/pom.xml", "redux-domain/src/main/java/Chat.java",
                "redux-domain/src/test/java/ChatTest.java")) {
            Files.setLastModifiedTime(checkout.resolve(file), FileTime.from(BUILT.minusSeconds(3600)));
        }
        // The distribution's files carry the build's fixed timestamp (reproducible builds); the archive's own time is
        // when it was written.
        Files.setLastModifiedTime(checkout.resolve("redux-cli/target/redux_cli/bin/redux_cli"),
                FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(checkout.resolve("redux-cli/target/redux_cli-1.0.tar.gz"), FileTime.from(BUILT));
    }

    private void changedAfterTheBuild(String file) throws IOException {
        Files.setLastModifiedTime(checkout.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
    }

    private Result run(String... args) {
        return CliProcess.launcher(checkout.resolve("redux_cli")).in(checkout).run(args);
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
