package io.redux.storage.migration;

import io.redux.domain.model.Conversation;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.testkit.InMemoryConversationRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static io.redux.storage.migration.HistoryMigrationTest.NOW;
import static io.redux.storage.migration.HistoryMigrationTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source is the user's only copy of their history: it is read and never changed, even while in use. */
class ReadOnlySourceTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_600_000_000_000L);
    private static final String SECRET = "aoaAAAAAGhTOKEN-sk-live-0123456789abcdef";

    @TempDir
    Path dir;

    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final HistoryMigration migration = new HistoryMigration(repository, Clock.fixed(NOW, ZoneOffset.UTC), TARGET);

    private SourceStore store(boolean wal) {
        SourceStore store = SourceStore.create(dir.resolve("amazon-q/data.sqlite3"), true, wal);
        for (String fixture : SourceStore.FIXTURES) {
            store.conversation("/home/dev/" + fixture, SourceStore.fixture(fixture));
        }
        return store;
    }

    @Test
    void aRollbackJournalDatabaseIsLeftByteForByteAsItWas() throws Exception {
        SourceStore store = store(false);
        Map<Path, Snapshot> before = agedSnapshot(store.file());

        MigrationReport report = migration.migrate(store.file(), MigrationOptions.DEFAULT, MigrationProgress.NONE);

        assertThat(report.migrated()).isEqualTo(4);
        assertThat(snapshot(store.file())).isEqualTo(before);
    }

    @Test
    void aWalDatabaseNobodyHasOpenGetsNoWalOrShmFilesAndIsUnchanged() throws Exception {
        SourceStore store = store(true);
        assertThat(Files.exists(sibling(store.file(), "-wal"))).isFalse();
        Map<Path, Snapshot> before = agedSnapshot(store.file());

        MigrationReport report = migration.migrate(store.file(), MigrationOptions.DEFAULT, MigrationProgress.NONE);

        assertThat(report.migrated()).isEqualTo(4);
        assertThat(report.warnings()).isEmpty();
        assertThat(snapshot(store.file())).isEqualTo(before);
        assertThat(sibling(store.file(), "-wal")).doesNotExist();
        assertThat(sibling(store.file(), "-shm")).doesNotExist();
    }

    @Test
    void aWriterThatOpensAnIdleWalDatabaseDuringTheReadIsReportedWithAWarning() {
        SourceStore store = store(true);
        boolean[] written = {false};

        MigrationReport report = migration.migrate(store.file(), MigrationOptions.DEFAULT, (done, total) -> {
            if (!written[0]) {
                // The original CLI starts and saves a conversation while the migration is under way.
                store.conversation("/home/dev/new", SourceStore.fixture(SourceStore.BASIC));
                written[0] = true;
            }
        });

        assertThat(report.warnings()).singleElement().asString()
                .contains("was opened by another program while it was read").contains("run the migration again");
        assertThat(report.hasFailures()).isFalse();
    }

    @Test
    void aWalDatabaseInUseIsReadWithItsUncheckpointedChangesAndLeftUnchanged() throws Exception {
        SourceStore store = store(true);
        try (Connection original = store.connect(); Statement statement = original.createStatement()) {
            // The original CLI has the database open and has written a conversation that is only in the WAL so far.
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("DELETE FROM conversations WHERE key = '/home/dev/" + SourceStore.CHAINS + "'");
            assertThat(sibling(store.file(), "-wal")).exists();
            Map<Path, Snapshot> before = agedSnapshot(store.file());

            MigrationReport report = migration.migrate(store.file(), MigrationOptions.DEFAULT, MigrationProgress.NONE);

            assertThat(report.found()).isEqualTo(3);
            assertThat(report.migrated()).isEqualTo(3);
            assertThat(snapshot(store.file())).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseLockedByAWriterGivesAClearErrorAfterTheBusyTimeout() throws Exception {
        SourceStore store = store(false);
        try (Connection original = store.connect(); Statement statement = original.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            try {
                assertThatThrownBy(() -> migration.migrate(store.file(),
                        MigrationOptions.DEFAULT.withBusyTimeout(Duration.ofMillis(50)), MigrationProgress.NONE))
                        .isInstanceOf(SourceDatabaseException.class)
                        .hasMessageContaining(store.file().toString())
                        .hasMessageContaining("is locked by another program");
            } finally {
                statement.execute("ROLLBACK");
            }
        }
        assertThat(repository.list().conversations()).isEmpty();
    }

    @Test
    void aWalDatabaseWithAWriterInTheMiddleOfATransactionIsStillRead() throws Exception {
        SourceStore store = store(true);
        try (Connection original = store.connect(); Statement statement = original.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("DELETE FROM conversations");
            try {
                MigrationReport report = migration.migrate(store.file(),
                        MigrationOptions.DEFAULT.withBusyTimeout(Duration.ofMillis(50)), MigrationProgress.NONE);
                // Uncommitted: the migration sees the last committed state.
                assertThat(report.migrated()).isEqualTo(4);
            } finally {
                statement.execute("ROLLBACK");
            }
        }
    }

    @Test
    void tokensAndStateAreNeverReadNorCopied() throws Exception {
        SourceStore store = store(false)
                .authToken("codewhisperer:odic:token", "{\"access_token\":\"" + SECRET + "\"}")
                .state("api.codewhisperer.profile", "{\"arn\":\"" + SECRET + "\"}");

        MigrationReport report = migration.migrate(store.file(), MigrationOptions.DEFAULT, MigrationProgress.NONE);

        assertThat(report.migrated()).isEqualTo(4);
        assertThat(report.toString()).doesNotContain(SECRET);
        for (var summary : repository.list().conversations()) {
            Conversation conversation = repository.load(summary.id());
            assertThat(conversation.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = dir.resolve("nope/data.sqlite3");

        assertThatThrownBy(() -> migration.migrate(missing, MigrationOptions.DEFAULT, MigrationProgress.NONE))
                .isInstanceOf(SourceDatabaseException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFolderGivenAsTheSourceIsAClearError() {
        assertThatThrownBy(() -> migration.migrate(dir, MigrationOptions.DEFAULT, MigrationProgress.NONE))
                .isInstanceOf(SourceDatabaseException.class)
                .hasMessageContaining("it is not a file");
    }

    @Test
    void aFileThatIsNotSqliteIsAClearErrorAndLeftAlone() throws IOException {
        Path text = dir.resolve("data.sqlite3");
        Files.writeString(text, "these are not the droids you are looking for".repeat(10));

        assertThatThrownBy(() -> migration.migrate(text, MigrationOptions.DEFAULT, MigrationProgress.NONE))
                .isInstanceOf(SourceDatabaseException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(text)).startsWith("these are not");
    }

    @Test
    void aSqliteFileWithoutConversationTablesIsAClearError() throws Exception {
        Path other = dir.resolve("other.sqlite3");
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t(a)");
        }

        assertThatThrownBy(() -> migration.migrate(other, MigrationOptions.DEFAULT, MigrationProgress.NONE))
                .isInstanceOf(SourceDatabaseException.class)
                .hasMessageContaining("has no conversations table");
    }

    private record Snapshot(boolean exists, int hash, long size, FileTime modified) {
    }

    /** Sets the files' modification times long ago, so any write shows, and returns their state. */
    private static Map<Path, Snapshot> agedSnapshot(Path db) throws IOException {
        for (Path file : files(db)) {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, LONG_AGO);
            }
        }
        return snapshot(db);
    }

    private static Path[] files(Path db) {
        return new Path[] {db, sibling(db, "-wal"), sibling(db, "-journal")};
    }

    /** Contents and modification times of the database, its WAL and its journal. */
    private static Map<Path, Snapshot> snapshot(Path db) throws IOException {
        Map<Path, Snapshot> files = new HashMap<>();
        for (Path file : files(db)) {
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                files.put(file, new Snapshot(true, Arrays.hashCode(bytes), bytes.length, Files.getLastModifiedTime(file)));
            } else {
                files.put(file, new Snapshot(false, 0, 0, null));
            }
        }
        return files;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
