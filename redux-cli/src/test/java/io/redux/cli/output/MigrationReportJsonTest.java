package io.redux.cli.output;

import io.redux.domain.model.ModelId;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.migration.SqliteHistoryImport;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code conversations migrate --json}: the report of a real import of an original CLI's store, as JSON. */
class MigrationReportJsonTest {

    private static final String SECRET = "aoaAAAAAGsecret-refresh-token-never-copied";

    @TempDir
    Path home;

    private MigrationReport report;

    @BeforeEach
    void importAStoreWithATokenAndAnUnreadableRow() throws IOException, SQLException {
        Path database = home.resolve("data.sqlite3");
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
                insert.setString(1, "/x");
                insert.setString(2, "nope");
                insert.executeUpdate();
            }
        }
        var history = new SqliteHistoryImport(new JsonConversationRepository(home.resolve("conversations")),
                Clock.systemUTC(), Map.of(), home);
        report = history.importHistory(Optional.of(database), ModelId.parse("custom:eu-west-1:bedrock:claude-3-haiku:1"),
                false, MigrationProgress.NONE).get(0);
    }

    @Test
    void theReportRendersAsJsonForScripts() {
        String json = MigrationReportJson.render(report);

        assertThat(json).contains("\"found\" : 2", "\"migrated\" : 1", "\"failed\" : 1", "\"outcome\" : \"failed\"",
                "\"conversation_id\" : \"26a591e0-dd86-44ee-84e2-7c44ddda8fdb\"");
    }

    @Test
    void charactersATerminalWouldObeyAreEscapedAsTheOtherJsonOutputsEscapeThem() {
        MigrationReport hostile = new MigrationReport(report.sourceFile(), report.source(), false, report.rows(),
                List.of("the source changed \u202eevil\u009b2J\u007f"));

        assertThat(MigrationReportJson.render(hostile)).doesNotContain("\u202e", "\u009b", "\u007f")
                .contains("\\u202E", "\\u009B", "\\u007F");
    }

    @Test
    void tokensOfTheSourceNeverReachTheJson() {
        assertThat(MigrationReportJson.render(report)).doesNotContain(SECRET);
    }
}
