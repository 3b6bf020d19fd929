package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redux_cli conversations migrate} run as a real process on a real SQLite store of the original CLI. */
class MigrateCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "aoaAAAAAGsecret-refresh-token-never-copied";

    @TempDir
    Path home;

    private Path database;
    private Path folder;

    @BeforeEach
    void buildAStoreOfTheOriginalCli() throws IOException, SQLException {
        database = home.resolve(".local/share/amazon-q/data.sqlite3");
        Files.createDirectories(database.getParent());
        folder = home.resolve("conversations");
        String conversation;
        try (InputStream in = getClass().getResourceAsStream("/amazon-q-basic_tool_use.json")) {
            conversation = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement schema = connection.createStatement()) {
            schema.execute("CREATE TABLE auth_kv(key TEXT PRIMARY KEY, value TEXT)");
            schema.execute("CREATE TABLE conversations(key TEXT PRIMARY KEY, value TEXT)");
            schema.execute("INSERT INTO auth_kv VALUES ('codewhisperer:odic:token', '" + SECRET + "')");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations VALUES (?, ?)")) {
                insert.setString(1, "/home/dev/project");
                insert.setString(2, conversation);
                insert.executeUpdate();
            }
        }
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).env("REDUX_CONVERSATIONS_DIR", folder.toString()).in(home);
    }

    @Test
    void migratesTheDefaultDatabaseOnceAndLeavesItUnchanged() throws IOException {
        byte[] before = Files.readAllBytes(database);

        Result first = cli().run("conversations", "migrate");
        Result second = cli().run("conversations", "migrate");

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("1 migrated");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).contains("0 migrated", "1 unchanged");
        assertThat(jsonFiles()).hasSize(1);
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
    }

    @Test
    void migratedConversationsAreListedAndHoldNoSecret() throws IOException {
        cli().run("conversations", "migrate", "--from", database.toString());

        Result list = cli().run("conversations", "list", "--json");
        JsonNode listed = JSON.readTree(list.stdout());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("working_directory").asText()).isEqualTo("/home/dev/project");
        assertThat(listed.get(0).get("message_count").asInt()).isGreaterThan(2);
        String stored = Files.readString(jsonFiles().findFirst().orElseThrow());
        assertThat(stored).doesNotContain(SECRET).contains("\"session_type\" : \"migrated\"".replace(" : ", ": "));
    }

    @Test
    void aDryRunWritesNothing() {
        Result result = cli().run("conversations", "migrate", "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Dry run", "1 migrated");
        assertThat(folder).doesNotExist();
    }

    @Test
    void reportsAsJsonForScripts() throws IOException {
        Result result = cli().run("conversations", "migrate", "--json", "--model-id", "custom:eu-west-1:bedrock:claude-3-haiku:1");

        JsonNode reports = JSON.readTree(result.stdout());
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("migrated").asInt()).isEqualTo(1);
        assertThat(Files.readString(jsonFiles().findFirst().orElseThrow())).contains("custom:eu-west-1:bedrock:claude-3-haiku:1");
    }

    @Test
    void saysWhereItLookedWhenThereIsNoDatabase() throws IOException {
        Files.delete(database);

        Result result = cli().run("conversations", "migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString()
                .contains(database.toString(), "--from");
    }

    @Test
    void refusesAFromThatIsNotAFile() {
        Result result = cli().run("conversations", "migrate", "--from", home.resolve("nope.sqlite3").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("nope.sqlite3");
    }

    /**
     * sqlite-jdbc extracted its native library and a lock file into java.io.tmpdir on every run and removed them only
     * at a normal exit, so each killed migration left 1.1 MB behind. The first run here is killed the hard way, with
     * no shutdown hook, at a fixed point after the driver has loaded (the JVM aborts when the migration finds a
     * database without conversation tables); the second ends normally.
     */
    @Test
    void aKilledMigrationLeavesNothingInTheTemporaryFolder() throws IOException, SQLException {
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Path cache = home.resolve("cache");
        Path noConversations = home.resolve("other.sqlite3");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + noConversations);
             Statement schema = connection.createStatement()) {
            schema.execute("CREATE TABLE other(x TEXT)");
        }
        String tmpOption = "-Djava.io.tmpdir=" + tmp;

        Result killed = cli().env("XDG_CACHE_HOME", cache.toString())
                .env("REDUX_JAVA_OPTS", tmpOption + " -XX:+UnlockDiagnosticVMOptions -XX:-CreateCoredumpOnCrash"
                        + " -XX:AbortVMOnException=io.redux.storage.migration.SourceDatabaseException"
                        + " -XX:ErrorFile=" + home.resolve("hs_err.log"))
                .run("conversations", "migrate", "--from", noConversations.toString());
        Result normal = cli().env("XDG_CACHE_HOME", cache.toString()).env("REDUX_JAVA_OPTS", tmpOption)
                .run("conversations", "migrate", "--from", database.toString());

        assertThat(killed.stdout() + killed.stderr()).contains("aborting");
        assertThat(home.resolve("hs_err.log")).exists();
        assertThat(normal.exitCode()).isZero();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
        try (Stream<Path> cached = Files.walk(cache)) {
            assertThat(cached.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .singleElement().asString().contains("sqlitejdbc");
        }
    }

    private Stream<Path> jsonFiles() throws IOException {
        return Files.list(folder).filter(path -> path.toString().endsWith(".json")).toList().stream();
    }
}
