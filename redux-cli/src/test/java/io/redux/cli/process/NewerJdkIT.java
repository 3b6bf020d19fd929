package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Users run Redux on JDK 17 and on newer JDKs. On JDK 24+ libraries that call sun.misc.Unsafe make the JVM print
 * warnings; a streamed chat on the newest JDK installed here must print nothing but the answer. Skipped where the
 * machine has no JDK newer than 17.
 */
class NewerJdkIT {

    @TempDir
    Path home;

    @Test
    void aStreamedChatOnTheNewestJdkPrintsNothingButTheAnswer() {
        Optional<Path> newerJdk = newestJdkAfter17();
        assumeTrue(newerJdk.isPresent(), "no JDK newer than 17 under /usr/lib/jvm");
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            bedrock.enqueue(StubReply.text("Fine", " on a newer JDK."));

            Result result = CliProcess.launcher().home(home).in(home)
                    .env("JAVA_HOME", newerJdk.get().toString())
                    .chatAgainst(bedrock.endpoint())
                    .run("chat", "hello");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).contains("Fine on a newer JDK.");
            assertThat(result.stderr()).isEmpty();
        }
    }

    private static Optional<Path> newestJdkAfter17() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(jvms)) {
            return folders
                    .filter(folder -> Files.isExecutable(folder.resolve("bin/java")) && featureVersion(folder) > 17)
                    .max(Comparator.comparingInt(NewerJdkIT::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version from its {@code release} file, or 0 when it does not say. */
    private static int featureVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .mapToInt(Integer::parseInt)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
