package io.redux.aws.credentials;

import io.redux.domain.port.CredentialOrigin;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials the chain settled on. Holds a provider, never the secrets themselves, so printing it is safe.
 *
 * @param profile           the profile name when {@code origin} is a profile, else null
 * @param region            the default region from the environment or the profile, or null
 * @param maskedAccessKeyId e.g. {@code AKIA************WXYZ}
 */
public record ResolvedCredentials(CredentialOrigin origin, String profile, String region, String maskedAccessKeyId,
                                  AwsCredentialsProvider provider) {

    @Override
    public String toString() {
        return "ResolvedCredentials[origin=" + origin.displayName() + ", profile=" + profile + ", region=" + region
                + ", accessKeyId=" + maskedAccessKeyId + "]";
    }
}
