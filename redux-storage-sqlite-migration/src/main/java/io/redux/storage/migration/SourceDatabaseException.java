package io.redux.storage.migration;

import io.redux.domain.error.ReduxException;

/** The original CLI's database cannot be found, opened or read as a whole. It is never changed. */
public class SourceDatabaseException extends ReduxException {

    public SourceDatabaseException(String message) {
        super(message);
    }

    public SourceDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
