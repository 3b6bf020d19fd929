package io.redux.storage.migration.bench;

import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.HistoryImport;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.migration.SqliteHistoryImport;
import io.redux.testkit.InMemoryConversationRepository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a store of N conversations from the four fixtures, then, in a separate process so the build does not count,
 * migrates it and prints the wall and CPU time of the migration alone. Not a unit test: run it as a process, under
 * {@code /usr/bin/time -v} for peak memory (see docs/performance.md, "Migration").
 *
 * <pre>
 * MigrationBenchmark build   COUNT FOLDER        writes FOLDER/amazon-q/data.sqlite3
 * MigrationBenchmark migrate FOLDER [json|memory]  migrates it into FOLDER/conversations (deleted first) or memory
 * MigrationBenchmark again   FOLDER                 migrates it again into the FOLDER/conversations left by migrate
 * </pre>
 */
public final class MigrationBenchmark {

    /** The migration tests' fixtures (redux-storage-sqlite-migration/src/test/resources), resources of this module too. */
    private static final String[] FIXTURES = {"basic_tool_use.json", "tool_use_chains.json",
            "with_cancelled_tool_uses.json", "with_compaction_summary.json"};

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("build")) {
            int count = Integer.parseInt(args[1]);
            Path source = Path.of(args[2]).resolve("amazon-q/data.sqlite3");
            long built = System.nanoTime();
            long bytes = buildStore(source, count);
            System.out.printf("built %d conversations (%.1f MB of JSON) in %s in %d ms%n", count, bytes / 1e6, source,
                    (System.nanoTime() - built) / 1_000_000);
        } else if (args.length >= 2 && args[0].equals("migrate")) {
            migrate(Path.of(args[1]), args.length < 3 || args[2].equals("json"), true);
        } else if (args.length >= 2 && args[0].equals("again")) {
            migrate(Path.of(args[1]), true, false);
        } else {
            System.err.println("usage: MigrationBenchmark build COUNT FOLDER | migrate FOLDER [json|memory] | again FOLDER");
            System.exit(2);
        }
    }

    private static void migrate(Path work, boolean json, boolean fresh) throws Exception {
        Path source = work.resolve("amazon-q/data.sqlite3");
        Path folder = work.resolve("conversations");
        if (fresh && Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        ConversationRepository target = json ? new JsonConversationRepository(folder) : new InMemoryConversationRepository();
        HistoryImport history = SqliteHistoryImport.forThisSystem(target, Clock.systemUTC());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        MigrationReport report = history.importHistory(Optional.of(source),
                ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"), false,
                MigrationProgress.NONE).get(0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.println(report.summary());
        System.out.printf("migrated into %s in %d ms wall, %d ms CPU of the migrating thread (%.2f ms wall per"
                        + " conversation)%n", json ? folder : "memory", millis, cpuMillis, (double) millis / report.found());
        if ((fresh ? report.migrated() : report.unchanged()) != report.found()) {
            throw new IllegalStateException("expected every conversation " + (fresh ? "migrated" : "unchanged")
                    + ": " + report.summary());
        }
    }

    private static long buildStore(Path file, int count) throws Exception {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        String[] fixtures = new String[FIXTURES.length];
        for (int i = 0; i < fixtures.length; i++) {
            fixtures[i] = fixture(FIXTURES[i]);
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
                    insert.executeUpdate();
                    bytes += value.length();
                }
            }
            connection.commit();
        }
        return bytes;
    }

    private static String fixture(String name) {
        try (InputStream in = MigrationBenchmark.class.getResourceAsStream("/amazon-q-v1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
