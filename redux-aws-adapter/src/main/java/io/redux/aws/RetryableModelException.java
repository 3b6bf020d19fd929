package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;

/** A failure that may pass if tried again: throttling, a 5xx, a timeout. */
final class RetryableModelException extends ModelInvocationException {

    public RetryableModelException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
