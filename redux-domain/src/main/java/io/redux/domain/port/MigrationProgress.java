package io.redux.domain.port;

/** Told after each source row is handled, so a terminal can show how far a large store has got. */
@FunctionalInterface
public interface MigrationProgress {

    /** A listener that shows nothing. */
    MigrationProgress NONE = (done, total) -> { };

    /**
     * @param done  rows handled so far, 1 to {@code total}
     * @param total rows in the source
     */
    void onRow(int done, int total);
}
