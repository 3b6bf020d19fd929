package io.redux.domain.port;

import io.redux.domain.error.ModelInvocationException;

/**
 * Sends a conversation to a model and returns its answer.
 */
public interface ModelGateway {

    /**
     * Answers in one piece, for callers that do not show the answer as it arrives: the stream, collected. One path
     * to each model keeps one set of retries, timeouts and error messages.
     *
     * @throws ModelInvocationException when the model cannot answer
     */
    default ModelResponse converse(ModelRequest request) {
        return converseStream(request, ModelStreamListener.IGNORE);
    }

    /**
     * Streams the answer: each event goes to {@code listener} as it arrives, and the whole answer is returned at
     * the end.
     *
     * @throws ModelInvocationException when the model cannot answer
     */
    ModelResponse converseStream(ModelRequest request, ModelStreamListener listener);
}
