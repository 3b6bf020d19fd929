package io.redux.domain.port;

import io.redux.domain.error.HistoryDatabaseNotFoundException;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.ModelId;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Imports the original CLI's conversation history (the Amazon Q Developer CLI's, or the Kiro CLI's that followed it)
 * into Redux conversations. The source is only read, never changed; importing again creates nothing new.
 */
public interface HistoryImport {

    /**
     * Imports every conversation of the source, or reports what an import would do.
     *
     * @param source       the history database to read; empty: every one found where the original CLI keeps it
     * @param continueWith the model the imported conversations continue with
     * @param dryRun       compute the same reports but write nothing
     * @param progress     told after each conversation, for a long history
     * @return one report per database read, in the order they were read
     * @throws HistoryDatabaseNotFoundException when no source is given and none is found
     * @throws ReduxException                   when a database as a whole cannot be opened or read; a conversation
     *                                          that cannot is reported and the others go on
     */
    List<MigrationReport> importHistory(Optional<Path> source, ModelId continueWith, boolean dryRun,
                                        MigrationProgress progress);
}
