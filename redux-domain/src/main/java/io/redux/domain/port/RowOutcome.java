package io.redux.domain.port;

/** What happened to one source row. */
public enum RowOutcome {
    /** A new Redux conversation was written. */
    MIGRATED,
    /** The source changed since the last migration; the Redux conversation was rewritten from it. */
    UPDATED,
    /** Migrated before and the source has not changed: nothing to do. */
    UNCHANGED,
    /** Deliberately not written: continued in Redux since, not a migrated conversation, or nothing to migrate. */
    SKIPPED,
    /** Could not be read or written; the reason says why. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
