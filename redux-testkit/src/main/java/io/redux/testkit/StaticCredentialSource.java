package io.redux.testkit;

import io.redux.domain.error.CredentialsException;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialSource;

/** A {@link CredentialSource} with a fixed identity, or one that always fails, for tests of code that uses the port. */
public final class StaticCredentialSource implements CredentialSource {

    private final CallerIdentity identity;
    private final String failure;

    private StaticCredentialSource(CallerIdentity identity, String failure) {
        this.identity = identity;
        this.failure = failure;
    }

    public static StaticCredentialSource of(CallerIdentity identity) {
        return new StaticCredentialSource(identity, null);
    }

    /** A source with no credentials: {@link #identity()} throws a {@link CredentialsException} with this message. */
    public static StaticCredentialSource failing(String message) {
        return new StaticCredentialSource(null, message);
    }

    @Override
    public CallerIdentity identity() {
        if (failure != null) {
            throw new CredentialsException(failure);
        }
        return identity;
    }
}
