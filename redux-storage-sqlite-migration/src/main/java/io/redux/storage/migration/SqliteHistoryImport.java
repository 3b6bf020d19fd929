package io.redux.storage.migration;

import io.redux.domain.environment.UserHome;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.HistoryImport;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link HistoryImport} port on the original CLI's SQLite {@code data.sqlite3}: finds the databases where the
 * original CLI keeps them (or reads the one given) and migrates each into the {@link ConversationRepository}.
 *
 * <p>Environment and home folder are given, not read from the JVM, so tests and embedders choose them; they also
 * place the cache sqlite-jdbc's native library is loaded from ({@link SqliteNativeLibrary}).
 */
public final class SqliteHistoryImport implements HistoryImport {

    private final ConversationRepository target;
    private final Clock clock;
    private final SourceDatabaseLocator locator;
    private final Path nativeLibraryCache;

    /**
     * @param target      where the conversations are written
     * @param clock       the time recorded as {@code migrated_at}
     * @param environment the process's environment variables ({@code XDG_DATA_HOME}, {@code LOCALAPPDATA},
     *                    {@code XDG_CACHE_HOME} are read)
     * @param userHome    the user's home folder
     */
    public SqliteHistoryImport(ConversationRepository target, Clock clock, Map<String, String> environment,
                               Path userHome) {
        this(target, clock, new SourceDatabaseLocator(environment, userHome, System.getProperty("os.name")),
                SqliteNativeLibrary.defaultCacheFolder(environment, userHome));
    }

    SqliteHistoryImport(ConversationRepository target, Clock clock, SourceDatabaseLocator locator,
                        Path nativeLibraryCache) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.nativeLibraryCache = Objects.requireNonNull(nativeLibraryCache, "nativeLibraryCache");
    }

    /** An import for the running JVM's environment, home folder ({@code $HOME}, else {@code user.home}) and OS. */
    public static SqliteHistoryImport forThisSystem(ConversationRepository target, Clock clock) {
        return new SqliteHistoryImport(target, clock, System.getenv(), UserHome.current());
    }

    @Override
    public List<MigrationReport> importHistory(Optional<Path> source, ModelId continueWith, boolean dryRun,
                                               MigrationProgress progress) {
        List<Path> databases = source.map(List::of)
                .orElseGet(() -> locator.findAll().stream().map(SourceDatabase::file).toList());
        // Else every migration, above all a killed one, leaves a copy of sqlite-jdbc's native library in the tmp folder.
        SqliteNativeLibrary.cacheIn(nativeLibraryCache);
        HistoryMigration migration = new HistoryMigration(target, clock, continueWith);
        MigrationOptions options = MigrationOptions.DEFAULT.withDryRun(dryRun);
        List<MigrationReport> reports = new ArrayList<>();
        for (Path database : databases) {
            reports.add(migration.migrate(database, options, progress));
        }
        return List.copyOf(reports);
    }
}
