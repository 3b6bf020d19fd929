package io.redux.storage.s3;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where conversations live in S3: a bucket and a key prefix, from {@code s3://bucket/prefix/}. Each conversation is
 * the object {@code <prefix><conversation_id>.json}. A prefix that does not end in {@code /} gets one, so
 * {@code s3://b/team} and {@code s3://b/team/} are the same place.
 */
public record S3Location(String bucket, String prefix) {

    private static final String SCHEME = "s3://";
    /** S3's rules for a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at each end. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern CONVERSATION_NAME = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\.json");

    /** Whether {@code value} names an S3 location rather than a folder (it may still be a malformed one). */
    public static boolean isS3(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /**
     * @param source what to name in the error, e.g. the variable the value came from
     * @throws InvalidInputException when {@code value} is not {@code s3://bucket/} with an optional prefix
     */
    public static S3Location parse(String value, String source) {
        String text = value.strip();
        if (!text.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw malformed(value, source, "it does not start with s3://");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw malformed(value, source, "it names no bucket");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw malformed(value, source, "\"" + bucket + "\" is not a bucket name (3 to 63 lower-case letters, digits,"
                    + " dots and hyphens)");
        }
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw malformed(value, source, "its prefix has an empty folder name (//)");
        }
        if (prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw malformed(value, source, "its prefix holds a control character");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    private static InvalidInputException malformed(String value, String source, String why) {
        return new InvalidInputException(source + " " + InvalidInputException.quote(value) + " is not an S3 location: "
                + why + "; write it as s3://BUCKET/PREFIX/");
    }

    public String keyOf(ConversationId id) {
        return prefix + id + ".json";
    }

    /** The conversation a key holds, when it is one: directly under the prefix, named {@code <uuid>.json}. */
    Optional<ConversationId> conversationOf(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = key.substring(prefix.length());
        if (!CONVERSATION_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(ConversationId.parse(name.substring(0, name.length() - ".json".length())));
    }

    /** {@code s3://bucket/key}, as messages name an object. */
    public String urlOf(String key) {
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
