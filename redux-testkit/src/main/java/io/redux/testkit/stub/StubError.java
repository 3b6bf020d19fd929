package io.redux.testkit.stub;

import java.util.List;

/**
 * An AWS error as the service sends it: HTTP status, the {@code x-amzn-ErrorType} code and a message.
 * The constants are the errors Bedrock Runtime and SageMaker Runtime send, with their real statuses and texts.
 */
public record StubError(int status, String type, String message) {

    public static final StubError THROTTLING =
            new StubError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    public static final StubError ACCESS_DENIED = new StubError(403, "AccessDeniedException",
            "You don't have access to the model with the specified model ID.");
    public static final StubError VALIDATION =
            new StubError(400, "ValidationException", "The provided request is not valid");
    public static final StubError INPUT_TOO_LONG =
            new StubError(400, "ValidationException", "Input is too long for requested model.");
    public static final StubError RESOURCE_NOT_FOUND =
            new StubError(404, "ResourceNotFoundException", "Could not resolve the foundation model from the provided model identifier.");
    public static final StubError MODEL_NOT_READY = new StubError(429, "ModelNotReadyException",
            "Model is not ready to serve inference requests. The SDK will automatically retry the operation.");
    public static final StubError SERVICE_UNAVAILABLE =
            new StubError(503, "ServiceUnavailableException", "Service is temporarily unavailable.");
    public static final StubError INTERNAL =
            new StubError(500, "InternalServerException", "An internal server error occurred. Retry your request.");
    public static final StubError MODEL_STREAM_ERROR = new StubError(424, "ModelStreamErrorException",
            "The model's stream failed while generating the answer.");
    public static final StubError MODEL_TIMEOUT =
            new StubError(408, "ModelTimeoutException", "Model has timed out in processing the request.");

    /** The exceptions Bedrock's ConverseStream sends inside a stream, by their wire names. */
    public static final List<String> BEDROCK_STREAM_EXCEPTIONS = List.of("internalServerException",
            "modelStreamErrorException", "validationException", "throttlingException", "serviceUnavailableException");

    /** The name of this error as an exception event inside a stream, such as {@code throttlingException}. */
    public String streamExceptionType() {
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    public String jsonBody() {
        return "{\"message\":" + MiniJson.quote(message) + "}";
    }

    /** The error named by its type, such as {@code ThrottlingException}, with its usual status and text. */
    public static StubError named(String type) {
        for (StubError error : new StubError[] {THROTTLING, ACCESS_DENIED, VALIDATION, RESOURCE_NOT_FOUND,
                MODEL_NOT_READY, SERVICE_UNAVAILABLE, INTERNAL, MODEL_STREAM_ERROR, MODEL_TIMEOUT}) {
            if (error.type.equalsIgnoreCase(type)) {
                return error;
            }
        }
        throw new IllegalArgumentException("unknown error type " + type + "; use e.g. ThrottlingException");
    }
}
