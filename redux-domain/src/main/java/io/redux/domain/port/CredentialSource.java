package io.redux.domain.port;

import io.redux.domain.error.CredentialsException;

/**
 * Resolves the caller's AWS identity. It tells who the caller is, never the secrets that prove it.
 */
public interface CredentialSource {

    /** @throws CredentialsException when no source in the chain has credentials */
    CallerIdentity identity();
}
