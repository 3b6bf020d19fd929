package io.redux.storage.migration;

import io.redux.domain.error.InvalidInputException;

import java.time.Duration;

/**
 * How a migration runs.
 *
 * @param dryRun      compute the same report but write nothing
 * @param busyTimeout how long to wait for a lock another program (the original CLI) holds on the source before
 *                    giving up with a clear error
 */
record MigrationOptions(boolean dryRun, Duration busyTimeout) {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public static final MigrationOptions DEFAULT = new MigrationOptions(false, DEFAULT_BUSY_TIMEOUT);

    public MigrationOptions {
        if (busyTimeout == null || busyTimeout.isNegative()) {
            throw new InvalidInputException("The busy timeout must be zero or more, not " + busyTimeout);
        }
    }

    public MigrationOptions withDryRun(boolean dry) {
        return new MigrationOptions(dry, busyTimeout);
    }

    public MigrationOptions withBusyTimeout(Duration timeout) {
        return new MigrationOptions(dryRun, timeout);
    }
}
