package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ModelChoice;
import io.redux.cli.output.MigrationReportJson;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.HistoryImport;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.domain.port.RowOutcome;
import io.redux.domain.port.RowReport;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    HistoryImport history;

    @Override
    public Integer call() {
        ModelId continueWith = ModelChoice.resolve(modelId, environment);
        List<MigrationReport> reports = history.importHistory(source(), continueWith, dryRun, progress());
        if (json) {
            environment.out().println("[" + String.join(",\n", reports.stream().map(MigrationReportJson::render).toList()) + "]");
        } else {
            reports.forEach(this::print);
        }
        return reports.stream().anyMatch(MigrationReport::hasFailures) ? 1 : 0;
    }

    /** The file {@code --from} names; none: the import looks where the original CLI keeps its history. */
    private Optional<Path> source() {
        if (from == null) {
            return Optional.empty();
        }
        Path file = environment.workingDirectory().resolve(from);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--from " + from + " is not a file; give the path of a data.sqlite3");
        }
        return Optional.of(file);
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
