package io.redux.testkit;

import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;

/** The fixed source honours the contract every adapter's source honours. */
class StaticCredentialSourceTest extends CredentialSourceContract {

    @Override
    protected CredentialSource sourceWithCredentials() {
        return StaticCredentialSource.of(new CallerIdentity(CredentialOrigin.ENVIRONMENT, null, ACCOUNT, ARN,
                "eu-west-1", "AKIA************WXYZ"));
    }

    @Override
    protected CredentialSource sourceWithoutCredentials() {
        return StaticCredentialSource.failing("No AWS credentials found; run 'aws configure'.");
    }
}
