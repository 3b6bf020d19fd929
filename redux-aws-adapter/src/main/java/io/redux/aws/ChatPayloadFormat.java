package io.redux.aws;

import io.redux.domain.port.ModelRequest;

/**
 * How a SageMaker endpoint's container reads a chat and writes its answer. SageMaker passes bytes through, so the
 * format belongs to the container; {@link SageMakerModelGateway} speaks {@link OpenAiChatFormat}. Another
 * container's format would implement this.
 */
interface ChatPayloadFormat {

    /** The request body, asking for a streamed answer (every model call is streamed). */
    byte[] request(ModelRequest request);

    /** The content type of {@link #request}. */
    default String contentType() {
        return "application/json";
    }

    /**
     * A decoder for one streamed answer, fed the bytes of each PayloadPart as they arrive. It calls
     * {@link AnswerCollector#ended()} when the format's end marker arrives (such as {@code data: [DONE]}): a stream
     * that closes without it was cut short, and fails instead of passing for a whole answer.
     */
    StreamDecoder streamDecoder(AnswerCollector collector);

    /** Turns payload parts, which may split a line anywhere, into answer events. */
    interface StreamDecoder {
        void accept(byte[] part);

        /** Called once the stream ended, to flush what is left. */
        void end();
    }
}
