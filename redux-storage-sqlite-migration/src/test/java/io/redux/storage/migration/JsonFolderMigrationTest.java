package io.redux.storage.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.storage.json.JsonConversationRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.redux.storage.migration.HistoryMigrationTest.NOW;
import static io.redux.storage.migration.HistoryMigrationTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

/** The fixtures migrated into a real JSON conversations folder: the files users will read and rely on. */
class JsonFolderMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadThePublishedSchema() throws IOException {
        try (InputStream in = Files.newInputStream(repositoryRoot().resolve("docs/conversation.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyMigratedFilePassesTheSchemaAndEveryToolResultNamesAnEarlierToolCall() throws IOException {
        Path folder = dir.resolve("conversations");
        MigrationReport report = migrate(fixtureStore(), folder);

        assertThat(report.migrated()).isEqualTo(5);
        List<Path> files = jsonFiles(folder);
        assertThat(files).hasSize(5);
        for (Path file : files) {
            JsonNode document = JSON.readTree(file.toFile());
            Set<ValidationMessage> errors = schema.validate(document);
            assertThat(errors).as("schema errors in %s", file.getFileName()).isEmpty();
            assertThat(document.path("metadata").path("session_type").asText()).isEqualTo("migrated");
            assertThat(document.path("metadata").path("migrated_from").path("source").asText()).isEqualTo("amazon-q");
            Set<String> calls = new HashSet<>();
            for (JsonNode message : document.path("messages")) {
                if (message.path("role").asText().equals("tool_call")) {
                    calls.add(message.path("id").asText());
                } else if (message.path("role").asText().equals("tool_result")) {
                    assertThat(calls).as("%s: tool_result %s", file.getFileName(), message.path("id").asText())
                            .contains(message.path("tool_call_id").asText());
                }
            }
        }
    }

    @Test
    void aSecondRunLeavesEveryFileUntouched() throws IOException {
        Path folder = dir.resolve("conversations");
        Path source = fixtureStore();
        migrate(source, folder);
        Map<Path, String> contents = new HashMap<>();
        for (Path file : jsonFiles(folder)) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
            contents.put(file, Files.readString(file) + Files.getLastModifiedTime(file));
        }

        MigrationReport again = migrate(source, folder);

        assertThat(again.unchanged()).isEqualTo(5);
        Map<Path, String> after = new HashMap<>();
        for (Path file : jsonFiles(folder)) {
            after.put(file, Files.readString(file) + Files.getLastModifiedTime(file));
        }
        assertThat(after).isEqualTo(contents);
    }

    /** The four fixtures and a hand-written row with an image, a non-UUID id and a dangling tool use. */
    private Path fixtureStore() {
        SourceStore store = SourceStore.v2(dir.resolve("amazon-q/data.sqlite3"));
        for (String fixture : SourceStore.FIXTURES) {
            store.conversation("/home/dev/" + fixture, SourceStore.fixture(fixture));
        }
        store.conversation("/home/dev/pictures", """
                {"conversation_id":"my chat","history":[{
                   "user":{"content":{"Prompt":{"prompt":"look"}},"timestamp":"2026-01-01T10:00:00+02:00",
                           "images":[{"format":"Webp","source":{"Bytes":[82,73,70,70]}}]},
                   "assistant":{"ToolUse":{"message_id":null,"content":"","tool_uses":[{"id":"t1","name":"fs_read","args":"oops"}]}}}]}
                """);
        return store.file();
    }

    private static MigrationReport migrate(Path source, Path folder) {
        var migration = new HistoryMigration(new JsonConversationRepository(folder), Clock.fixed(NOW, ZoneOffset.UTC), TARGET);
        return migration.migrate(source, MigrationOptions.DEFAULT, MigrationProgress.NONE);
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("docs/conversation.schema.json"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("docs/conversation.schema.json not found above " + Path.of("").toAbsolutePath());
        }
        return here;
    }
}
