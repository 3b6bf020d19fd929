package io.redux.domain.error;

/** No usable AWS credentials, or a named profile that does not exist. */
public class CredentialsException extends ReduxException {

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
