package io.redux.domain.error;

/** The conversation store cannot be used: a folder that is a file, not writable, a full disk. */
public class StorageException extends ReduxException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
