package io.redux.storage.s3;

import io.redux.aws.http.NetworkFailure;
import io.redux.aws.http.NetworkSettings;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.StorageException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.util.function.Supplier;

/**
 * What S3 answered, in the domain's errors and in one line a user can act on: the bucket, the object and the action
 * always, the caller's identity when access was denied. A problem with the bucket as a whole (missing, denied,
 * unreachable) is a {@link ConversationsFolderException}, as a local folder's would be.
 */
final class S3Errors {

    private final S3Location location;
    private final URI endpoint;
    private final NetworkSettings network;
    private final Supplier<String> caller;

    S3Errors(S3Location location, URI endpoint, NetworkSettings network, Supplier<String> caller) {
        this.location = location;
        this.endpoint = endpoint;
        this.network = network;
        this.caller = caller;
    }

    static boolean notFound(S3Exception e) {
        return e.statusCode() == 404 && !noSuchBucket(e);
    }

    static boolean noSuchBucket(S3Exception e) {
        return "NoSuchBucket".equals(code(e));
    }

    /** Another writer got there first: a condition failed (412) or a concurrent conditional write conflicted (409). */
    static boolean conflict(S3Exception e) {
        return e.statusCode() == 412 || e.statusCode() == 409 && "ConditionalRequestConflict".equals(code(e));
    }

    /**
     * @param action the S3 action, as an IAM policy names it ({@code s3:GetObject})
     * @param key    the object, or null for the bucket's listing
     */
    RuntimeException translate(SdkException e, String action, String key) {
        String target = key == null ? location.toString() : location.urlOf(key);
        if (e instanceof S3Exception s3) {
            String code = code(s3);
            if (noSuchBucket(s3)) {
                return new ConversationsFolderException("S3 bucket " + location.bucket() + " does not exist ("
                        + action + " on " + target + "); create it or check the name", e);
            }
            if (s3.statusCode() == 403) {
                String who = callerOrNull();
                return new ConversationsFolderException("Access denied: " + (who == null ? "the current AWS identity" : who)
                        + " may not " + action + " on " + target + (code == null || code.equals("AccessDenied") ? ""
                        : " (" + code + ")") + "; grant it in the identity's IAM policy (and the bucket's policy)", e);
            }
            if (s3.isThrottlingException() || s3.statusCode() == 503 || s3.statusCode() == 429) {
                return new StorageException("S3 kept throttling " + action + " on " + target + " (" + (code == null
                        ? "HTTP " + s3.statusCode() : code) + ") after retries; nothing was changed, try again in a moment", e);
            }
            return new StorageException("S3 refused " + action + " on " + target + ": " + (code == null ? "HTTP "
                    + s3.statusCode() : code) + (message(s3) == null ? "" : " (" + message(s3) + ")"), e);
        }
        if (e instanceof SdkClientException) {
            URI called = endpoint != null ? endpoint : URI.create("https://s3.amazonaws.com");
            NetworkFailure failure = NetworkFailure.of(e, called, network).orElse(null);
            if (failure != null) {
                return new ConversationsFolderException(failure.sentence("S3", called, " for " + action + " on " + target,
                        S3StoreSettings.ENDPOINT_VARIABLE), e);
            }
        }
        return new StorageException(action + " on " + target + " failed: " + firstLine(e.getMessage()), e);
    }

    private String callerOrNull() {
        try {
            return caller.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String message(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
