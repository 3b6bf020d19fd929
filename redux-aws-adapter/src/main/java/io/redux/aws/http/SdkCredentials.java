package io.redux.aws.http;

import io.redux.domain.port.CredentialSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The bridge from the domain's {@link CredentialSource}, which tells who the caller is but never hands out secrets,
 * to what SDK clients sign requests with: model calls and the S3 conversation store alike.
 */
public final class SdkCredentials {

    private SdkCredentials() {
    }

    /**
     * The SDK provider behind {@code source}: {@code source} itself, when it also is an {@link AwsCredentialsProvider},
     * as {@code AwsCredentialSource} is (its chain signs) and an embedder's own source may be.
     *
     * @throws IllegalArgumentException for a source that cannot sign requests
     */
    public static AwsCredentialsProvider of(CredentialSource source) {
        if (source instanceof AwsCredentialsProvider) {
            return (AwsCredentialsProvider) source;
        }
        throw new IllegalArgumentException("AWS calls need an AwsCredentialSource, or a CredentialSource that is also"
                + " an AwsCredentialsProvider; got " + source.getClass().getName());
    }
}
