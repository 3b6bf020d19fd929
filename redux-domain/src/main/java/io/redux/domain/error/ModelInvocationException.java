package io.redux.domain.error;

/** A model call that failed; {@link #reason()} tells callers what kind of failure it was. */
public class ModelInvocationException extends ReduxException {

    public enum Reason {
        ACCESS_DENIED,
        MODEL_NOT_AVAILABLE,
        THROTTLED,
        INPUT_TOO_LONG,
        ENDPOINT_UNREACHABLE,
        SERVICE_UNAVAILABLE,
        INVALID_REQUEST,
        /** The answer could not be used: a tool call whose input is not JSON, bytes that are not the protocol. */
        INVALID_ANSWER,
        INTERRUPTED
    }

    private final Reason reason;

    public ModelInvocationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelInvocationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
