package io.redux.storage.migration;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the original CLI's conversation tables without ever changing the database, its WAL or its journal.
 *
 * <p>How it opens the file, and why:
 * <ul>
 *   <li>Always read-only: {@code mode=ro} in the URI, {@link SQLiteOpenMode#READONLY} and
 *       {@code PRAGMA query_only}, so SQLite cannot write even by mistake, and a busy timeout so a writer holding
 *       the lock makes us wait a bounded time, then fail with a clear error, never hang.</li>
 *   <li>A WAL database whose {@code -wal} file is absent (nobody has it open) is opened with {@code immutable=1}:
 *       a plain read-only connection would create {@code -wal} and {@code -shm} files next to it and leave them.
 *       Immutable is only wrong if another program writes while we read, so the file's size and modification time
 *       and the absence of a {@code -wal} are checked again at the end, and a warning asks to run again if they
 *       changed.</li>
 *   <li>A WAL database in use (its {@code -wal} exists) is read with {@code mode=ro}: SQLite then uses the
 *       existing {@code -wal} and {@code -shm} (readers mark their snapshot in the shared-memory file, which is
 *       what it is for) and sees the other program's committed changes.</li>
 *   <li>A rollback-journal database is read with {@code mode=ro}: a reader takes only a shared lock.</li>
 * </ul>
 * Each row is fetched in its own short statement, so a lock is never held across the whole migration.
 * The tables {@code auth_kv} and {@code state} are never queried.
 */
final class SqliteHistoryReader implements AutoCloseable {

    static final String V1_TABLE = "conversations";
    static final String V2_TABLE = "conversations_v2";

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int WAL_VERSION = 2;

    private final Path file;
    private final Connection connection;
    private final boolean immutable;
    private final FileState before;
    private final Set<String> tables;
    private PreparedStatement v1Value;
    private PreparedStatement v2Value;

    private SqliteHistoryReader(Path file, Connection connection, boolean immutable, FileState before,
                                Set<String> tables) {
        this.file = file;
        this.connection = connection;
        this.immutable = immutable;
        this.before = before;
        this.tables = tables;
    }

    static SqliteHistoryReader open(Path file, Duration busyTimeout) {
        if (!Files.isRegularFile(file)) {
            throw new SourceDatabaseException("No history database at " + file + ": "
                    + (Files.exists(file) ? "it is not a file" : "the file does not exist"));
        }
        byte[] header = readHeader(file);
        boolean wal = header[18] == WAL_VERSION && header[19] == WAL_VERSION;
        boolean immutable = wal && !Files.exists(sibling(file, "-wal"));
        FileState before = FileState.of(file);

        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        String uri = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro" + (immutable ? "&immutable=1" : "");
        Connection connection = null;
        try {
            connection = config.createConnection(uri);
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = true");
            }
            Set<String> tables = conversationTables(connection, file);
            return new SqliteHistoryReader(file, connection, immutable, before, tables);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(file, "cannot be opened", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Every conversation row: {@code conversations_v2} first (the newer store wins a shared id), then v1. */
    List<SourceRow.Ref> rows() {
        List<SourceRow.Ref> refs = new ArrayList<>();
        try {
            if (tables.contains(V2_TABLE)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT key, conversation_id FROM conversations_v2 ORDER BY key, conversation_id");
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        refs.add(new SourceRow.Ref(V2_TABLE, rows.getString(1), rows.getString(2)));
                    }
                }
            }
            if (tables.contains(V1_TABLE)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT key FROM conversations ORDER BY key");
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        refs.add(new SourceRow.Ref(V1_TABLE, rows.getString(1), null));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(file, "cannot be listed", e);
        }
        return refs;
    }

    /** The row's value, or empty when it was deleted since it was listed. */
    Optional<SourceRow> read(SourceRow.Ref ref) throws SQLException {
        if (ref.table().equals(V2_TABLE)) {
            if (v2Value == null) {
                v2Value = connection.prepareStatement(
                        "SELECT value, created_at, updated_at FROM conversations_v2 WHERE key = ? AND conversation_id = ?");
            }
            v2Value.setString(1, ref.key());
            v2Value.setString(2, ref.conversationId());
            try (ResultSet row = v2Value.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SourceRow(V2_TABLE, ref.key(), ref.conversationId(), row.getBytes(1),
                        nullableLong(row, 2), nullableLong(row, 3)));
            }
        }
        if (v1Value == null) {
            v1Value = connection.prepareStatement("SELECT value FROM conversations WHERE key = ?");
        }
        v1Value.setString(1, ref.key());
        try (ResultSet row = v1Value.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new SourceRow(V1_TABLE, ref.key(), null, row.getBytes(1), null, null));
        }
    }

    /** Warnings about the whole read, known once it is over. */
    List<String> warnings() {
        if (immutable && (!before.equals(FileState.of(file)) || Files.exists(sibling(file, "-wal")))) {
            return List.of("The database " + file + " was opened by another program while it was read;"
                    + " run the migration again to be sure every conversation was read whole.");
        }
        return List.of();
    }

    @Override
    public void close() {
        closeQuietly(v1Value);
        closeQuietly(v2Value);
        closeQuietly(connection);
    }

    /** A one-line error for a SQLite failure; a busy database gets advice instead of SQLite's words. */
    static SourceDatabaseException failure(Path file, String what, SQLException e) {
        if (isBusy(e)) {
            return new SourceDatabaseException("The history database " + file + " " + reason(e), e);
        }
        return new SourceDatabaseException("The history database " + file + " " + what + ": " + reason(e), e);
    }

    /** Why a statement failed, in one line. */
    static String reason(SQLException e) {
        if (isBusy(e)) {
            return "is locked by another program (is the Amazon Q or Kiro CLI writing to it?);"
                    + " close that program or try again";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    static boolean isBusy(SQLException e) {
        if (!(e instanceof SQLiteException sqlite) || sqlite.getResultCode() == null) {
            return false;
        }
        // Extended codes (SQLITE_BUSY_SNAPSHOT...) carry the primary code in their low byte.
        int primary = sqlite.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static Set<String> conversationTables(Connection connection, Path file) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('conversations', 'conversations_v2')");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        if (found.isEmpty()) {
            throw new SourceDatabaseException("The database " + file + " has no conversations table;"
                    + " is it the Amazon Q or Kiro CLI's data.sqlite3?");
        }
        return found;
    }

    private static byte[] readHeader(Path file) {
        byte[] header = new byte[100];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            for (int i = 0; i < MAGIC.length; i++) {
                if (read < header.length || header[i] != MAGIC[i]) {
                    throw new SourceDatabaseException("The file " + file + " is not a SQLite database");
                }
            }
            return header;
        } catch (IOException e) {
            throw new SourceDatabaseException("The history database " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing a read-only handle cannot lose anything.
            }
        }
    }

    /** What tells us another program changed the file under an immutable read. */
    private record FileState(long size, FileTime modified) {
        static FileState of(Path file) {
            try {
                return new FileState(Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                return new FileState(-1, FileTime.fromMillis(0));
            }
        }
    }
}
