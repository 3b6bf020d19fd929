package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ModelChoice;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.migration.HistoryMigration;
import io.redux.storage.migration.MigrationOptions;
import io.redux.storage.migration.MigrationProgress;
import io.redux.storage.migration.MigrationReport;
import io.redux.storage.migration.MigrationReportJson;
import io.redux.storage.migration.RowOutcome;
import io.redux.storage.migration.RowReport;
import io.redux.storage.migration.SourceDatabase;
import io.redux.storage.migration.SourceDatabaseLocator;
import io.redux.storage.migration.SqliteNativeLibrary;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy the Amazon Q Developer CLI's (and Kiro CLI's) SQLite chat history into Redux conversations.",
                "The source database is only read, never changed. Running it again creates nothing new."})
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE",
            description = "The data.sqlite3 to read (default: the original CLI's database for this system).")
    Path from;

    @Option(names = "--dry-run", description = "Report what would be migrated and write nothing.")
    boolean dryRun;

    @Option(names = "--model-id", paramLabel = "ID",
            description = "The model migrated conversations continue with (default: REDUX_MODEL_ID, else the product default).")
    String modelId;

    @Option(names = "--json", description = "Print the report as a JSON array, one object per database.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ConversationRepository> repository;

    @Inject
    Clock clock;

    @Override
    public Integer call() {
        // Else every migration, above all a killed one, leaves a copy of sqlite-jdbc's native library in the tmp folder.
        SqliteNativeLibrary.cacheIn(SqliteNativeLibrary.defaultCacheFolder(environment.variables(), environment.userHome()));
        HistoryMigration migration = new HistoryMigration(repository.get(), clock, ModelChoice.resolve(modelId, environment));
        MigrationOptions options = MigrationOptions.DEFAULT.withDryRun(dryRun);
        List<MigrationReport> reports = new ArrayList<>();
        for (Path database : sources()) {
            reports.add(migration.migrate(database, options, progress()));
        }
        if (json) {
            environment.out().println("[" + String.join(",\n", reports.stream().map(MigrationReportJson::render).toList()) + "]");
        } else {
            reports.forEach(this::print);
        }
        return reports.stream().anyMatch(MigrationReport::hasFailures) ? 1 : 0;
    }

    private List<Path> sources() {
        if (from != null) {
            Path file = environment.workingDirectory().resolve(from);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("--from " + from + " is not a file; give the path of a data.sqlite3");
            }
            return List.of(file);
        }
        SourceDatabaseLocator locator = new SourceDatabaseLocator(environment.variables(), environment.userHome(),
                System.getProperty("os.name"));
        return locator.findAll().stream().map(SourceDatabase::file).toList();
    }

    /** A counter that rewrites one line of stderr, only for a person at a terminal. */
    private MigrationProgress progress() {
        if (!environment.interactive() || json) {
            return MigrationProgress.NONE;
        }
        return (done, total) -> {
            environment.err().print("\rMigrating conversation " + done + " of " + total + "...");
            if (done == total) {
                environment.err().print("\r\033[K");
            }
            environment.err().flush();
        };
    }

    private void print(MigrationReport report) {
        for (RowReport row : report.rows()) {
            if (row.outcome() == RowOutcome.SKIPPED || row.outcome() == RowOutcome.FAILED) {
                environment.out().println(TerminalText.escape(row.outcome().wireName() + ": " + row.table()
                        + " row " + row.key()
                        + (row.sourceConversationId() == null ? "" : " (" + row.sourceConversationId() + ")")
                        + ": " + row.reason()));
            }
        }
        report.warnings().forEach(warning -> environment.err().println("redux_cli: warning: "
                + TerminalText.escape(warning)));
        environment.out().println(report.summary());
    }
}
