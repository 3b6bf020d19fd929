package io.redux.testkit;

import io.redux.domain.error.CredentialsException;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CredentialSource} must do. An adapter's test extends this class and implements the hooks by
 * staging whatever stands behind the source (stub services, files, a fixed value).
 */
public abstract class CredentialSourceContract {

    protected static final String ACCOUNT = "123456789012";
    protected static final String ARN = "arn:aws:iam::123456789012:user/contract-user";

    /** A source whose credentials belong to {@link #ACCOUNT} and {@link #ARN}. */
    protected abstract CredentialSource sourceWithCredentials();

    /** A source that finds no credentials anywhere. */
    protected abstract CredentialSource sourceWithoutCredentials();

    @Test
    void theIdentityNamesTheAccountTheArnAndTheSourceThatWon() {
        CallerIdentity identity = sourceWithCredentials().identity();

        assertThat(identity.accountId()).isEqualTo(ACCOUNT);
        assertThat(identity.arn()).isEqualTo(ARN);
        assertThat(identity.origin()).isNotNull();
    }

    @Test
    void theIdentityIsTheSameEveryTimeItIsAsked() {
        CredentialSource source = sourceWithCredentials();

        assertThat(source.identity()).isEqualTo(source.identity());
    }

    @Test
    void anAccessKeyIdIsOnlyEverShownMasked() {
        String keyId = sourceWithCredentials().identity().accessKeyId();

        if (keyId != null) {
            assertThat(keyId).matches("[A-Z0-9]{4}\\*+[A-Z0-9]{4}|\\*+");
        }
    }

    @Test
    void withoutCredentialsTheErrorSaysWhatToDo() {
        assertThatThrownBy(() -> sourceWithoutCredentials().identity())
                .isInstanceOf(CredentialsException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }
}
