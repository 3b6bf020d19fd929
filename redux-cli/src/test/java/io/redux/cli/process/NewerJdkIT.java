package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Users run Redux on JDK 17 and on newer JDKs. On JDK 24+ libraries that call sun.misc.Unsafe, or load native code
 * (sqlite-jdbc), make the JVM print warnings; no command on the newest JDK installed here may print any. Skipped where
 * the machine has no JDK newer than 17.
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

    @Test
    void noCommandOnTheNewestJdkPrintsAWarning() throws IOException, SQLException {
        Optional<Path> newerJdk = newestJdkAfter17();
        assumeTrue(newerJdk.isPresent(), "no JDK newer than 17 under /usr/lib/jvm");
        Path folder = home.resolve("conversations");
        originalCliDatabase(home.resolve(".local/share/amazon-q/data.sqlite3"));
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub();
             StsStub sts = new StsStub().identity("AKIAFAKEFAKEFAKE1234", "123456789012",
                     "arn:aws:iam::123456789012:user/dev")) {
            CliProcess cli = CliProcess.launcher().home(home).in(home)
                    .env("JAVA_HOME", newerJdk.get().toString())
                    .env("REDUX_CONVERSATIONS_DIR", folder.toString())
                    .chatAgainst(bedrock.endpoint())
                    .env("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
            assertNoWarning(cli, "chat", "hello");
            String id;
            try (Stream<Path> files = Files.list(folder)) {
                id = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                        .map(name -> name.substring(0, name.length() - ".json".length())).findFirst().orElseThrow();
            }
            for (List<String> command : List.of(
                    List.of("--version"),
                    List.of("--help"),
                    List.of("whoami"),
                    List.of("models", "describe", "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                    List.of("conversations", "list"),
                    List.of("conversations", "show", id),
                    List.of("conversations", "export", id, "--format", "markdown"),
                    List.of("conversations", "migrate", "--dry-run"),
                    List.of("conversations", "migrate"),
                    List.of("conversations", "delete", id, "--yes"))) {
                assertNoWarning(cli, command.toArray(String[]::new));
            }
        }
    }

    @Test
    void theInteractiveChatAtATerminalOnTheNewestJdkPrintsNoWarning() throws IOException, InterruptedException {
        Optional<Path> newerJdk = newestJdkAfter17();
        assumeTrue(newerJdk.isPresent(), "no JDK newer than 17 under /usr/lib/jvm");
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "no util-linux script(1) to give the chat a pseudo-terminal");
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            // script(1) runs the launcher on a pseudo-terminal, so the chat is interactive and builds its terminal.
            ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec", CliProcess.LAUNCHER + " chat",
                    "/dev/null").directory(home.toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(), "TERM", "xterm",
                    "JAVA_HOME", newerJdk.get().toString(), "REDUX_ENDPOINT_URL", bedrock.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake",
                    "AWS_EC2_METADATA_DISABLED", "true"));
            QuitAtATerminal.Screen screen = QuitAtATerminal.run(builder);

            assertThat(screen.exitCode()).as(screen.text()).isZero();
            assertThat(screen.text()).contains("Ctrl-D to leave").doesNotContain("WARNING");
        }
    }

    private static void assertNoWarning(CliProcess cli, String... command) {
        Result result = cli.run(command);

        assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
        // The JVM's warnings, "WARNING: ..." lines; delete says what it deleted on stderr.
        assertThat(result.stderr()).as(String.join(" ", command)).doesNotContain("WARNING");
    }

    /** A history database of the original CLI, with one conversation in it. */
    private static void originalCliDatabase(Path database) throws IOException, SQLException {
        Files.createDirectories(database.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement schema = connection.createStatement()) {
            schema.execute("CREATE TABLE conversations(key TEXT PRIMARY KEY, value TEXT)");
            schema.execute("INSERT INTO conversations VALUES ('/home/dev/project', '{\"conversation_id\": \"c1\","
                    + " \"history\": [[{\"content\": {\"Prompt\": {\"prompt\": \"hi\"}}},"
                    + " {\"Response\": {\"message_id\": \"m1\", \"content\": \"hello\"}}]]}')");
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
