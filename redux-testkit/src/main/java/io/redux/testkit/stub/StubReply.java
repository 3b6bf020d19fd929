package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;

/**
 * One scripted answer of a model stub: content blocks streamed in chunks, a stop reason and usage; or an error
 * before any byte; optionally a failure inside the stream, a delay before the first byte and a stall in the middle.
 *
 * @param streamFailureAfter number of events sent before {@code streamFailure}, or -1 for none
 * @param stallAfter         number of events sent before the stream stalls for {@code stallMillis}, or -1 for none
 */
public record StubReply(
        List<Block> blocks,
        String stopReason,
        int inputTokens,
        int outputTokens,
        StubError error,
        StubError streamFailure,
        int streamFailureAfter,
        long firstByteDelayMillis,
        int stallAfter,
        long stallMillis) {

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

    public StubReply {
        blocks = List.copyOf(blocks);
    }

    public static StubReply text(String... chunks) {
        return new StubReply(List.of(new Text(List.of(chunks))), "end_turn", 10, chunks.length, null, null, -1, 0,
                -1, 0);
    }

    public static StubReply toolUse(String toolUseId, String name, String... inputChunks) {
        return new StubReply(List.of(new ToolUse(toolUseId, name, List.of(inputChunks))), "tool_use", 10, 5,
                null, null, -1, 0, -1, 0);
    }

    public static StubReply error(StubError error) {
        return new StubReply(List.of(), null, 0, 0, error, null, -1, 0, -1, 0);
    }

    /** This answer followed by a tool use, as a model that explains then calls a tool. */
    public StubReply andToolUse(String toolUseId, String name, String... inputChunks) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(new ToolUse(toolUseId, name, List.of(inputChunks)));
        return new StubReply(more, "tool_use", inputTokens, outputTokens, error, streamFailure, streamFailureAfter,
                firstByteDelayMillis, stallAfter, stallMillis);
    }

    public StubReply withUsage(int input, int output) {
        return new StubReply(blocks, stopReason, input, output, error, streamFailure, streamFailureAfter,
                firstByteDelayMillis, stallAfter, stallMillis);
    }

    public StubReply withStopReason(String reason) {
        return new StubReply(blocks, reason, inputTokens, outputTokens, error, streamFailure, streamFailureAfter,
                firstByteDelayMillis, stallAfter, stallMillis);
    }

    /** Sends {@code events} stream events, then {@code failure} as an exception event, and ends the stream. */
    public StubReply withStreamFailure(int events, StubError failure) {
        return new StubReply(blocks, stopReason, inputTokens, outputTokens, error, failure, events,
                firstByteDelayMillis, stallAfter, stallMillis);
    }

    /** Sends {@code events} stream events, then waits {@code millis} before the rest, as a model pausing mid-answer. */
    public StubReply withStallAfter(int events, long millis) {
        return new StubReply(blocks, stopReason, inputTokens, outputTokens, error, streamFailure, streamFailureAfter,
                firstByteDelayMillis, events, millis);
    }

    public StubReply withFirstByteDelay(long millis) {
        return new StubReply(blocks, stopReason, inputTokens, outputTokens, error, streamFailure, streamFailureAfter,
                millis, stallAfter, stallMillis);
    }

    /** All text blocks joined. */
    public String text() {
        StringBuilder text = new StringBuilder();
        blocks.stream().filter(Text.class::isInstance).map(Text.class::cast).forEach(t -> text.append(t.text()));
        return text.toString();
    }
}
