package io.redux.storage.migration;

import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.testkit.InMemoryConversationRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/**
 * Migrates a store of N conversations built from the four fixtures (default 1,000) and prints the wall time of the
 * migration alone. Not a unit test: run it as a process, e.g. under {@code /usr/bin/time -v} for peak memory
 * (see docs/performance.md, "Migration").
 *
 * <p>Arguments: {@code [count] [json|memory] [work folder]}.
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean json = args.length <= 1 || args[1].equals("json");
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("redux-migration-bench");
        Path source = work.resolve("amazon-q/data.sqlite3");
        Path folder = work.resolve("conversations");

        long built = System.nanoTime();
        long bytes = buildStore(source, count);
        System.out.printf("built %d conversations (%.1f MB of JSON) in %s in %d ms%n", count, bytes / 1e6, source,
                (System.nanoTime() - built) / 1_000_000);

        ConversationRepository target = json ? new JsonConversationRepository(folder) : new InMemoryConversationRepository();
        HistoryMigration migration = new HistoryMigration(target, Clock.systemUTC(),
                ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"));
        long start = System.nanoTime();
        MigrationReport report = migration.migrate(source, MigrationOptions.DEFAULT, MigrationProgress.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Runtime runtime = Runtime.getRuntime();
        System.out.println(report.summary());
        System.out.printf("migrated into %s in %d ms (%.2f ms per conversation); heap in use at the end %d MB%n",
                json ? folder : "memory", millis, (double) millis / count,
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        if (report.migrated() + report.unchanged() != count) {
            throw new IllegalStateException("expected " + count + " conversations, report: " + report.summary());
        }
    }

    private static long buildStore(Path file, int count) throws Exception {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        String[] fixtures = new String[SourceStore.FIXTURES.length];
        for (int i = 0; i < fixtures.length; i++) {
            fixtures[i] = SourceStore.fixture(SourceStore.FIXTURES[i]);
        }
        long bytes = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE conversations(key TEXT PRIMARY KEY, value TEXT)");
            statement.execute("CREATE TABLE auth_kv(key TEXT PRIMARY KEY, value TEXT)");
            statement.execute("CREATE TABLE state(key TEXT PRIMARY KEY, value BLOB)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String fixture = fixtures[i % fixtures.length];
                    // A fresh conversation id per row: the first "conversation_id" of the document is its own.
                    String value = fixture.replaceFirst("\"conversation_id\":\"[^\"]+\"",
                            "\"conversation_id\":\"" + UUID.randomUUID() + "\"");
                    insert.setString(1, "/home/dev/project-" + i);
                    insert.setString(2, value);
                    insert.addBatch();
                    bytes += value.length();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        return bytes;
    }
}
