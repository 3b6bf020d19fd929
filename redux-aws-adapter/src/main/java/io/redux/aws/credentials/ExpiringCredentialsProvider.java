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
import java.time.format.DateTimeParseException;

/**
 * Temporary credentials as JSON ({@code AccessKeyId}, {@code SecretAccessKey}, a session token, {@code Expiration}),
 * fetched on first use and again shortly before they expire. EC2 and ECS answer the same JSON; a
 * {@code credential_process} prints a close cousin (see {@link #credentials}).
 *
 * <p>The answer holds a secret key, so no error made here quotes it or carries an exception that does: a JSON
 * parser's message quotes the token it could not read, and that token may be the secret.
 */
abstract class ExpiringCredentialsProvider implements AwsCredentialsProvider {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final Clock clock;
    private AwsCredentials current;
    private Instant expiration;

    ExpiringCredentialsProvider(Clock clock) {
        this.clock = clock;
    }

    /** The credentials JSON. */
    protected abstract String fetch() throws IOException;

    /** Where the credentials come from, for error messages. */
    protected abstract String describe();

    /** The error to throw; its message is complete and names {@link #describe()}. */
    protected RuntimeException failure(String message) {
        return SdkClientException.create(message);
    }

    /** The credentials in the JSON object {@code root}; the metadata services' form, with {@code Token}. */
    protected AwsCredentials credentials(JsonNode root, Instant expiration) {
        String keyId = text(root, "AccessKeyId");
        String secret = text(root, "SecretAccessKey");
        String token = text(root, "Token");
        if (keyId == null || secret == null || token == null) {
            throw failure(describe() + " answered without AccessKeyId, SecretAccessKey and Token.");
        }
        return AwsSessionCredentials.builder().accessKeyId(keyId).secretAccessKey(secret).sessionToken(token)
                .expirationTime(expiration).build();
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || expiration != null && clock.instant().plus(REFRESH_BEFORE_EXPIRY).isAfter(expiration)) {
            JsonNode root = parse(fetchOrFail());
            Instant expires = expiration(root);
            current = credentials(root, expires);
            expiration = expires;
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

    private JsonNode parse(String json) {
        JsonNode root;
        try {
            root = JsonNode.parser().parse(json);
        } catch (RuntimeException e) {
            throw failure(describe() + " answered with something that is not JSON.");
        }
        if (!root.isObject()) {
            throw failure(describe() + " answered with JSON that is not an object.");
        }
        return root;
    }

    private Instant expiration(JsonNode root) {
        String expiration = text(root, "Expiration");
        try {
            return expiration == null ? null : Instant.parse(expiration);
        } catch (DateTimeParseException e) {
            throw failure(describe() + " answered with an Expiration that is not an ISO 8601 time such as"
                    + " 2030-01-01T00:00:00Z.");
        }
    }

    static String text(JsonNode root, String field) {
        return root.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse(null);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + describe() + ")";
    }
}
