package io.redux.storage.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds a real SQLite file with the original CLI's schema (see the fixtures' README), as the original would. */
final class SourceStore {

    static final String BASIC = "basic_tool_use.json";
    static final String CHAINS = "tool_use_chains.json";
    static final String CANCELLED = "with_cancelled_tool_uses.json";
    static final String COMPACTED = "with_compaction_summary.json";
    static final String[] FIXTURES = {BASIC, CHAINS, CANCELLED, COMPACTED};

    private final Path file;

    private SourceStore(Path file) {
        this.file = file;
    }

    /** A store after the original's migrations 000 to 007: no conversations_v2. */
    static SourceStore v1(Path file) {
        return create(file, false, false);
    }

    /** A Kiro CLI 1.22+ store: with conversations_v2. */
    static SourceStore v2(Path file) {
        return create(file, true, false);
    }

    static SourceStore create(Path file, boolean withV2, boolean wal) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourceStore store = new SourceStore(file);
        store.execute(wal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE",
                "CREATE TABLE migrations(id INTEGER PRIMARY KEY, version INTEGER NOT NULL, migration_time INTEGER NOT NULL)",
                "CREATE TABLE history(id INTEGER PRIMARY KEY, command TEXT, shell TEXT, pid INTEGER, session_id TEXT,"
                        + " cwd TEXT, start_time INTEGER, hostname TEXT, exit_code INTEGER, end_time INTEGER, duration INTEGER)",
                "CREATE TABLE state(key TEXT PRIMARY KEY, value BLOB)",
                "CREATE TABLE auth_kv(key TEXT PRIMARY KEY, value TEXT)",
                "CREATE TABLE conversations(key TEXT PRIMARY KEY, value TEXT)");
        if (withV2) {
            store.execute("CREATE TABLE conversations_v2(key TEXT NOT NULL, conversation_id TEXT NOT NULL,"
                    + " value TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (key, conversation_id))");
        }
        return store;
    }

    Path file() {
        return file;
    }

    SourceStore conversation(String key, String value) {
        return update("INSERT OR REPLACE INTO conversations(key, value) VALUES (?, ?)", key, value);
    }

    SourceStore conversationV2(String key, String conversationId, String value, long createdAtMs, long updatedAtMs) {
        return update("INSERT OR REPLACE INTO conversations_v2(key, conversation_id, value, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)", key, conversationId, value, createdAtMs, updatedAtMs);
    }

    SourceStore authToken(String key, String token) {
        return update("INSERT INTO auth_kv(key, value) VALUES (?, ?)", key, token);
    }

    SourceStore state(String key, String value) {
        return update("INSERT INTO state(key, value) VALUES (?, ?)", key, value.getBytes(StandardCharsets.UTF_8));
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // Test files need no durability; this only spares the shared machine's disk.
            statement.execute("PRAGMA synchronous = OFF");
        }
        return connection;
    }

    static String fixture(String name) {
        try (InputStream in = SourceStore.class.getResourceAsStream("/amazon-q-v1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourceStore update(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
