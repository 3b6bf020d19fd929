package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;

/**
 * One scripted answer of a model stub: content blocks streamed in chunks, a stop reason and usage; or an error
 * before any byte; optionally a delay before the first byte and a {@linkplain StreamFault fault} in the stream.
 *
 * @param fault      what goes wrong in the stream after {@code faultAfter} events, or null for a whole answer
 * @param faultAfter the number of events sent before the fault
 */
public record StubReply(
        List<Block> blocks,
        String stopReason,
        int inputTokens,
        int outputTokens,
        StubError error,
        StreamFault fault,
        int faultAfter,
        long firstByteDelayMillis) {

    /** A content block of an answer. */
    public sealed interface Block {
    }

    /** Text, sent as one delta per chunk. */
    public record Text(List<String> chunks) implements Block {
        public Text {
            chunks = List.copyOf(chunks);
        }

        public String text() {
            return String.join("", chunks);
        }
    }

    /** A tool use whose JSON input is sent in chunks that only together form the JSON text. */
    public record ToolUse(String toolUseId, String name, List<String> inputChunks) implements Block {
        public ToolUse {
            inputChunks = List.copyOf(inputChunks);
        }

        public String inputJson() {
            return String.join("", inputChunks);
        }
    }

    /** What goes wrong in a stream once some of its events were sent. */
    public sealed interface StreamFault {
    }

    /** An exception event (such as {@code throttlingException}) in place of the rest; then the stream ends. */
    public record StreamException(StubError error) implements StreamFault {
    }

    /** The stream ends, without its last events ({@code messageStop}, {@code metadata}), as a dropped connection. */
    public record Cut() implements StreamFault {
    }

    /** Bytes that are not an event-stream message, as from a proxy that answers for the service; then the end. */
    public record Garbage() implements StreamFault {
    }

    /**
     * The stream sends nothing for {@code millis}, then the rest; {@link #FOREVER} holds it open, sending nothing
     * more, until the stub is closed, so that the client's read timeout fires.
     */
    public record Stall(long millis) implements StreamFault {
        public static final long FOREVER = Long.MAX_VALUE;

        public boolean forever() {
            return millis == FOREVER;
        }
    }

    public StubReply {
        blocks = List.copyOf(blocks);
    }

    public static StubReply text(String... chunks) {
        return new StubReply(List.of(new Text(List.of(chunks))), "end_turn", 10, chunks.length, null, null, -1, 0);
    }

    /** A tool use; its input chunks are sent as they are, so together they may also be broken JSON. */
    public static StubReply toolUse(String toolUseId, String name, String... inputChunks) {
        return new StubReply(List.of(new ToolUse(toolUseId, name, List.of(inputChunks))), "tool_use", 10, 5,
                null, null, -1, 0);
    }

    public static StubReply error(StubError error) {
        return new StubReply(List.of(), null, 0, 0, error, null, -1, 0);
    }

    /** This answer followed by a tool use, as a model that explains then calls a tool. */
    public StubReply andToolUse(String toolUseId, String name, String... inputChunks) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(new ToolUse(toolUseId, name, List.of(inputChunks)));
        return new StubReply(more, "tool_use", inputTokens, outputTokens, error, fault, faultAfter,
                firstByteDelayMillis);
    }

    public StubReply withUsage(int input, int output) {
        return new StubReply(blocks, stopReason, input, output, error, fault, faultAfter, firstByteDelayMillis);
    }

    public StubReply withStopReason(String reason) {
        return new StubReply(blocks, reason, inputTokens, outputTokens, error, fault, faultAfter, firstByteDelayMillis);
    }

    /** Sends {@code events} stream events, then {@code fault}. */
    public StubReply withFault(int events, StreamFault fault) {
        if (events < 0) {
            throw new IllegalArgumentException("a fault comes after 0 or more events, not " + events);
        }
        return new StubReply(blocks, stopReason, inputTokens, outputTokens, error, fault, events, firstByteDelayMillis);
    }

    /** Sends {@code events} stream events, then {@code failure} as an exception event, and ends the stream. */
    public StubReply withStreamFailure(int events, StubError failure) {
        return withFault(events, new StreamException(failure));
    }

    /** Sends {@code events} stream events, then waits {@code millis} before the rest, as a model pausing mid-answer. */
    public StubReply withStallAfter(int events, long millis) {
        return withFault(events, new Stall(millis));
    }

    /** Sends {@code events} stream events, then ends the stream without its last events. */
    public StubReply withCutAfter(int events) {
        return withFault(events, new Cut());
    }

    public StubReply withFirstByteDelay(long millis) {
        return new StubReply(blocks, stopReason, inputTokens, outputTokens, error, fault, faultAfter, millis);
    }

    /** All text blocks joined. */
    public String text() {
        StringBuilder text = new StringBuilder();
        blocks.stream().filter(Text.class::isInstance).map(Text.class::cast).forEach(t -> text.append(t.text()));
        return text.toString();
    }
}
