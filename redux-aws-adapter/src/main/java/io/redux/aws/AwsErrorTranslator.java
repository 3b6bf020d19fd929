package io.redux.aws;

import io.redux.aws.http.NetworkFailure;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what the SDK throws into a {@link ModelInvocationException} whose message says what happened and what to do.
 * Failures worth another try become {@link RetryableModelException}.
 */
final class AwsErrorTranslator {

    private AwsErrorTranslator() {
    }

    /**
     * @throws CredentialsException when the call failed for want of credentials: that error (which lists the sources
     *         tried) is the one a user must see, not a wrapped one
     * @throws InvalidInputException when resolving credentials met a malformed setting (such as
     *         {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}): the user must fix that variable, not retry the model
     */
    public static ModelInvocationException translate(Throwable thrown, CallContext context) {
        Throwable error = unwrap(thrown);
        if (error instanceof ModelInvocationException known) {
            return known;
        }
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof CredentialsException credentials) {
                throw credentials;
            }
            if (cause instanceof InvalidInputException invalid) {
                throw invalid;
            }
        }
        if (error instanceof AwsServiceException service) {
            return service(service, context);
        }
        if (error instanceof SdkClientException && String.valueOf(error.getMessage()).contains("credentials")) {
            return new ModelInvocationException(Reason.ACCESS_DENIED, "No AWS credentials to call " + context.model()
                    + ": " + error.getMessage() + " Check which credentials the application uses.", error);
        }
        Optional<NetworkFailure> network = NetworkFailure.of(error, URI.create(context.endpoint()), context.network());
        if (network.isPresent()) {
            return unreachable(network.get(), context, error);
        }
        return new ModelInvocationException(Reason.SERVICE_UNAVAILABLE, "Calling " + context.model() + " failed: "
                + sentenceEnd(rootMessage(error)), error);
    }

    /** Failures that may pass a moment later are retried; an unknown host or a refused connection will not. */
    private static ModelInvocationException unreachable(NetworkFailure failure, CallContext context, Throwable error) {
        String message = failure.sentence(context.service(), URI.create(context.endpoint()), "", context.endpointSetting());
        return failure.mayPassOnRetry()
                ? new RetryableModelException(Reason.ENDPOINT_UNREACHABLE, message, error)
                : new ModelInvocationException(Reason.ENDPOINT_UNREACHABLE, message, error);
    }

    private static ModelInvocationException service(AwsServiceException error, CallContext context) {
        Optional<NetworkFailure> notHttp = NetworkFailure.ofStatus(error.statusCode());
        if (notHttp.isPresent()) {
            return unreachable(notHttp.get(), context, error);
        }
        String code = errorCode(error);
        String awsMessage = sentenceEnd(awsMessage(error));
        String lower = awsMessage.toLowerCase(Locale.ROOT);
        // What AWS said and its code, as one sentence: "Too many requests (ServiceUnavailableException)."
        String said = code.isEmpty() ? awsMessage : sentenceEnd(awsMessage(error).replaceAll("\\.$", "") + " (" + code + ")");
        int status = error.statusCode();
        String where = context.model() + " (" + context.service() + " " + context.identifier() + " in " + context.region() + ")";

        if (code.equals("ThrottlingException") || code.equals("TooManyRequestsException") || code.equals("ThrottledException")) {
            return new RetryableModelException(Reason.THROTTLED, context.service() + " throttled requests to " + where
                    + ". Wait a minute and try again, or ask for a higher quota.", error);
        }
        if (code.equals("ModelNotReadyException")) {
            return new RetryableModelException(Reason.SERVICE_UNAVAILABLE, where + " is not ready to answer yet (it is"
                    + " starting or scaling). Try again in a minute.", error);
        }
        if (code.equals("ExpiredTokenException") || code.equals("ExpiredToken")) {
            return new ModelInvocationException(Reason.ACCESS_DENIED, "Your AWS session credentials have expired."
                    + " Refresh them (e.g. 'aws sso login') and try again.", error);
        }
        if (status == 403 || code.equals("AccessDeniedException") || code.equals("UnrecognizedClientException")) {
            return new ModelInvocationException(Reason.ACCESS_DENIED, "Access denied: " + caller(context)
                    + " may not invoke " + where + ". Grant it " + permission(context) + " on that model"
                    + (context.target() == ModelTarget.BEDROCK ? ", and enable model access in the Bedrock console for "
                    + context.region() : "") + ". AWS said: " + awsMessage, error);
        }
        if (code.equals("ResourceNotFoundException") || status == 404
                || (code.equals("ValidationError") && lower.contains("not found"))
                || (code.startsWith("Validation") && (lower.contains("model identifier is invalid")
                || lower.contains("on-demand throughput") || lower.contains("model is not supported")))) {
            return new ModelInvocationException(Reason.MODEL_NOT_AVAILABLE, where + " is not available: " + awsMessage
                    + " " + notAvailableAdvice(context), error);
        }
        if (code.startsWith("Validation") && (lower.contains("too long") || lower.contains("too many tokens")
                || lower.contains("context length") || lower.contains("maximum context") || lower.contains("prompt is too long"))) {
            return new ModelInvocationException(Reason.INPUT_TOO_LONG, "The conversation is too long for " + where
                    + ". Start a new conversation, or send a shorter prompt. AWS said: " + awsMessage, error);
        }
        if (status >= 500 || status == 408 || code.equals("ModelTimeoutException") || code.equals("ModelStreamErrorException")
                || code.equals("InternalServerException") || code.equals("ServiceUnavailableException")
                || code.equals("InternalStreamFailure") || code.equals("ModelStreamError")) {
            return new RetryableModelException(Reason.SERVICE_UNAVAILABLE, context.service() + " could not answer for "
                    + where + ": " + said + " Try again later.", error);
        }
        return new ModelInvocationException(Reason.INVALID_REQUEST, context.service() + " rejected the request for "
                + where + ": " + said, error);
    }

    /** The next step when a model is not there, for the service actually called. */
    private static String notAvailableAdvice(CallContext context) {
        if (context.target() == ModelTarget.SAGEMAKER) {
            return "Check the endpoint name and that the endpoint is InService in " + context.region()
                    + " ('aws sagemaker describe-endpoint --endpoint-name " + context.identifier() + " --region "
                    + context.region() + "').";
        }
        return "Check the model id, that the model is offered and enabled in " + context.region()
                + ", or use an inference profile (e.g. us.<model>) where on-demand use is not offered.";
    }

    /**
     * AWS's error code as HTTP errors name it ({@code ThrottlingException}), or "" when the answer carried none (a
     * proxy's or a load balancer's error page): an exception sent inside an event stream names its type in lower
     * camel case ({@code throttlingException}), and must be treated the same.
     */
    private static String errorCode(AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
        if (code == null || code.isBlank() || code.equals("null")) {
            return "";
        }
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    /** AWS's message, or the HTTP status when the answer carried none. */
    private static String awsMessage(AwsServiceException error) {
        String message = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorMessage();
        if (message != null && !message.isBlank() && !message.equals("null")) {
            return message.strip();
        }
        String reason = error.awsErrorDetails() == null || error.awsErrorDetails().sdkHttpResponse() == null ? ""
                : error.awsErrorDetails().sdkHttpResponse().statusText().map(text -> " " + text).orElse("");
        return "HTTP " + error.statusCode() + reason + ", with no AWS error in the answer";
    }

    /** {@code text} ending with a full stop, so the sentence after it reads as one. */
    private static String sentenceEnd(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
    }

    private static String caller(CallContext context) {
        try {
            String caller = context.caller() == null ? null : context.caller().get();
            return caller == null ? "your AWS identity" : caller;
        } catch (RuntimeException e) {
            return "your AWS identity";
        }
    }

    private static String permission(CallContext context) {
        return context.target() == ModelTarget.BEDROCK ? "bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream"
                : "sagemaker:InvokeEndpoint and sagemaker:InvokeEndpointWithResponseStream";
    }

    /** The failure inside the wrappers a future adds. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** The message of the innermost cause, or its class name when it has none. */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
