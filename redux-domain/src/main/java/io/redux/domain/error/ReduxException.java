package io.redux.domain.error;

/**
 * Base of every error Redux reports to a user. The message is one line a user can act on:
 * it names what was wrong and how to fix it, and never holds a secret.
 */
public abstract class ReduxException extends RuntimeException {

    protected ReduxException(String message) {
        super(message);
    }

    protected ReduxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the error is the caller's bad input (exit code 2) rather than a failure (exit code 1). */
    public boolean isUsageError() {
        return false;
    }
}
