package io.redux.storage.migration;

import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.HistoryImport;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.storage.json.JsonConversationRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Library use" example of docs/migration.md, compiled and run: keep the two the same. */
class LibraryUseExampleTest {

    @TempDir
    Path home;

    @Test
    void theDocumentedExampleMigratesEveryDatabaseFoundWithoutTheCli() {
        SourceStore.v1(home.resolve(".local/share/amazon-q/data.sqlite3"))
                .conversation("/work", SourceStore.fixture(SourceStore.BASIC));
        SourceStore.v2(home.resolve(".local/share/kiro-cli/data.sqlite3"))
                .conversation("/work", SourceStore.fixture(SourceStore.CANCELLED));
        Map<String, String> environment = Map.of();
        Path folder = home.resolve(".amazon-q/conversations");
        List<String> printed = new ArrayList<>();

        // --- the example ---
        ConversationRepository target = new JsonConversationRepository(folder);
        HistoryImport history = new SqliteHistoryImport(target, Clock.systemUTC(), environment, home);
        for (MigrationReport report : history.importHistory(Optional.empty(),
                ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"), false,
                MigrationProgress.NONE)) {
            printed.add(report.summary());
        }
        // --- end of the example ---

        assertThat(printed).hasSize(2).allSatisfy(line -> assertThat(line).contains("1 migrated"));
        assertThat(target.list().conversations()).hasSize(2);
    }
}
