package io.redux.domain.port;

import java.nio.file.Path;
import java.util.List;

/**
 * What a migration found and did, row by row. A dry run's report says what a real run would do.
 *
 * @param sourceFile the SQLite file that was read
 * @param source     the origin name recorded in the conversations ({@code amazon-q} or {@code kiro-cli})
 * @param dryRun     whether nothing was written
 * @param rows       one entry per source row, in the order they were read
 * @param warnings   things about the whole run a user should know (e.g. the source changed while it was read)
 */
public record MigrationReport(Path sourceFile, String source, boolean dryRun, List<RowReport> rows,
                              List<String> warnings) {

    public MigrationReport {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public int found() {
        return rows.size();
    }

    public int migrated() {
        return count(RowOutcome.MIGRATED);
    }

    public int updated() {
        return count(RowOutcome.UPDATED);
    }

    public int unchanged() {
        return count(RowOutcome.UNCHANGED);
    }

    public int skipped() {
        return count(RowOutcome.SKIPPED);
    }

    public int failed() {
        return count(RowOutcome.FAILED);
    }

    /** Messages synthesised or ids derived across all rows; see {@link RowReport#repairs()}. */
    public int repairs() {
        return rows.stream().mapToInt(RowReport::repairs).sum();
    }

    public int imagesReplaced() {
        return rows.stream().mapToInt(RowReport::imagesReplaced).sum();
    }

    /** Whether a row could not be read or written: a command line exits non-zero for it. */
    public boolean hasFailures() {
        return failed() > 0;
    }

    /**
     * One line for a terminal, e.g. {@code Found 4 conversations in /x/data.sqlite3: 3 migrated, 0 updated,
     * 1 unchanged, 0 skipped, 0 failed.}; a dry run says what a real run would do.
     */
    public String summary() {
        String counts = migrated() + " migrated, " + updated() + " updated, " + unchanged() + " unchanged, "
                + skipped() + " skipped, " + failed() + " failed.";
        return (dryRun ? "Dry run, nothing written. " : "")
                + "Found " + found() + (found() == 1 ? " conversation" : " conversations") + " in " + sourceFile
                + (dryRun ? "; a real run would give: " : ": ") + counts;
    }

    private int count(RowOutcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
