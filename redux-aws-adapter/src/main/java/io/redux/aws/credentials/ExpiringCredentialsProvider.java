package io.redux.aws.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Temporary credentials from a metadata service, fetched on first use and again shortly before they expire.
 * Subclasses fetch the credentials JSON ({@code AccessKeyId}, {@code SecretAccessKey}, {@code Token},
 * {@code Expiration}) that EC2 and ECS both answer.
 */
abstract class ExpiringCredentialsProvider implements AwsCredentialsProvider {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final Clock clock;
    private AwsSessionCredentials current;

    ExpiringCredentialsProvider(Clock clock) {
        this.clock = clock;
    }

    /** The credentials JSON. */
    protected abstract String fetch() throws IOException;

    /** Where the credentials come from, for error messages. */
    protected abstract String describe();

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || current.expirationTime().map(t -> clock.instant().plus(REFRESH_BEFORE_EXPIRY).isAfter(t))
                .orElse(false)) {
            current = parse(fetchOrFail());
        }
        return current;
    }

    private String fetchOrFail() {
        try {
            return fetch();
        } catch (IOException e) {
            throw SdkClientException.create("No credentials from " + describe() + ": " + e.getMessage(), e);
        }
    }

    private AwsSessionCredentials parse(String json) {
        JsonNode root = JsonNode.parser().parse(json);
        String keyId = text(root, "AccessKeyId");
        String secret = text(root, "SecretAccessKey");
        String token = text(root, "Token");
        if (keyId == null || secret == null || token == null) {
            throw SdkClientException.create(describe() + " answered without AccessKeyId, SecretAccessKey and Token");
        }
        String expiration = text(root, "Expiration");
        return AwsSessionCredentials.builder().accessKeyId(keyId).secretAccessKey(secret).sessionToken(token)
                .expirationTime(expiration == null ? null : Instant.parse(expiration)).build();
    }

    private static String text(JsonNode root, String field) {
        return root.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse(null);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + describe() + ")";
    }
}
