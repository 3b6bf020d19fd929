package io.redux.storage.s3;

import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/** Stores and a plain SDK client on one S3 endpoint, with fake credentials. */
final class TestStores {

    static final String CALLER = "arn:aws:sts::123456789012:assumed-role/redux-pod/i-0abc";

    private TestStores() {
    }

    /** Fake keys, and the identity an access-denied error names. */
    static final class FakeCredentials implements CredentialSource, AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        }

        @Override
        public CallerIdentity identity() {
            return new CallerIdentity(CredentialOrigin.WEB_IDENTITY, null, "123456789012", CALLER, "us-east-1",
                    "AKIA****MPLE");
        }
    }

    static String newBucketName() {
        return "redux-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
    }

    static S3StoreSettings settings(URI endpoint, String location, Path cacheFolder) {
        FakeCredentials credentials = new FakeCredentials();
        return new S3StoreSettings(S3Location.parse(location, "test"), credentials, null, endpoint, "us-east-1", null,
                cacheFolder, () -> CALLER);
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(new FakeCredentials())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    }
}
