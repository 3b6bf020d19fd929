package io.redux.aws.resilience;

import io.redux.aws.routing.ModelTarget;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the SDK throws into a {@link ModelInvocationException} whose message says what happened and what to do.
 * Failures worth another try become {@link RetryableModelException}.
 */
public final class AwsErrorTranslator {

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
        if (hasCause(error, SSLException.class)) {
            return new ModelInvocationException(Reason.ENDPOINT_UNREACHABLE, "Cannot open a trusted TLS connection to "
                    + context.endpoint() + ": " + rootMessage(error) + ". Behind a TLS-inspecting proxy, set AWS_CA_BUNDLE"
                    + " to a PEM file with its root certificate.", error);
        }
        if (hasCause(error, SocketTimeoutException.class) || hasCause(error, TimeoutException.class)
                || String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")
                || String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")) {
            return new RetryableModelException(Reason.ENDPOINT_UNREACHABLE, context.service() + " at "
                    + context.endpoint() + " did not answer in time. Check your network, HTTPS_PROXY and NO_PROXY.", error);
        }
        if (error instanceof SdkClientException && (hasCause(error, ConnectException.class)
                || hasCause(error, UnknownHostException.class) || hasCause(error, java.nio.channels.ClosedChannelException.class)
                || String.valueOf(error.getMessage()).contains("Unable to execute HTTP request")
                || String.valueOf(error.getMessage()).contains("Connection refused"))) {
            return new ModelInvocationException(Reason.ENDPOINT_UNREACHABLE, "Cannot reach " + context.service() + " at "
                    + context.endpoint() + ": " + rootMessage(error) + ". Check your network, HTTPS_PROXY and NO_PROXY,"
                    + " and REDUX_ENDPOINT_URL if you set it.", error);
        }
        if (error instanceof SdkClientException && String.valueOf(error.getMessage()).contains("credentials")) {
            return new ModelInvocationException(Reason.ACCESS_DENIED, "No AWS credentials to call " + context.model()
                    + ": " + error.getMessage() + " Run 'redux_cli whoami' to see which sources were tried.", error);
        }
        return new ModelInvocationException(Reason.SERVICE_UNAVAILABLE, "Calling " + context.model() + " failed: "
                + rootMessage(error), error);
    }

    private static ModelInvocationException service(AwsServiceException error, CallContext context) {
        String code = errorCode(error);
        String awsMessage = error.awsErrorDetails() == null || error.awsErrorDetails().errorMessage() == null
                ? String.valueOf(error.getMessage()) : error.awsErrorDetails().errorMessage();
        String lower = awsMessage.toLowerCase(Locale.ROOT);
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
                    + " Check the model id, that the model is offered and enabled in " + context.region()
                    + ", or use an inference profile (e.g. us.<model>) where on-demand use is not offered.", error);
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
                    + where + ": " + awsMessage + " (" + code + "). Try again later.", error);
        }
        return new ModelInvocationException(Reason.INVALID_REQUEST, context.service() + " rejected the request for "
                + where + ": " + awsMessage + " (" + code + ")", error);
    }

    /**
     * The error's code as HTTP errors name it ({@code ThrottlingException}): an exception sent inside an event stream
     * names its type in lower camel case ({@code throttlingException}), and must be treated the same.
     */
    private static String errorCode(AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? "" : String.valueOf(error.awsErrorDetails().errorCode());
        return code.isEmpty() ? code : Character.toUpperCase(code.charAt(0)) + code.substring(1);
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
    public static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
