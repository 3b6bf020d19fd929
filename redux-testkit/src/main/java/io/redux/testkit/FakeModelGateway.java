package io.redux.testkit;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ModelGateway} that plays a script: each call takes the next scripted step, a turn to answer with or a
 * failure to throw. Every request is recorded so a test can check the history that was sent. Thread-safe.
 *
 * <pre>{@code
 * FakeModelGateway model = FakeModelGateway.builder()
 *         .toolUse("tooluse_1", "file_read", JsonValue.JsonObject...)
 *         .answer("The file says hello.")
 *         .build();
 * }</pre>
 *
 * <p>A streamed turn sends its text as the deltas it was scripted with, then its tool uses, then one stop. Between
 * events the fake checks the calling thread's interrupt flag, as a real gateway aborts a stream when its caller is
 * interrupted, and an exception thrown by the listener stops the stream and reaches the caller unchanged.
 */
public final class FakeModelGateway implements ModelGateway {

    /** The usage a scripted turn reports when the script does not say. */
    public static final TokenUsage DEFAULT_USAGE = new TokenUsage(10, 5);

    private final Deque<Step> script;
    private final List<ModelRequest> requests = new ArrayList<>();
    private int calls;

    private FakeModelGateway(List<Step> steps) {
        this.script = new ArrayDeque<>(steps);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A turn that answers {@code text}, streamed in word-sized deltas, stopping with END_TURN. */
    public static Turn answer(String text) {
        return new Turn(Turn.splitIntoDeltas(text), List.of(), StopReason.END_TURN, DEFAULT_USAGE);
    }

    @Override
    public ModelResponse converse(ModelRequest request) {
        return next(request).play(ModelStreamListener.IGNORE);
    }

    @Override
    public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
        return next(request).play(Objects.requireNonNull(listener, "listener"));
    }

    /** Adds steps to the end of the script, for tests that script as they go. */
    public synchronized FakeModelGateway then(Step step) {
        script.addLast(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** Every request received, oldest first. */
    public synchronized List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    /** The last request received. @throws IllegalStateException when there was none */
    public synchronized ModelRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("FakeModelGateway has received no request yet");
        }
        return requests.get(requests.size() - 1);
    }

    /** How many scripted steps are still to be played. */
    public synchronized int remainingSteps() {
        return script.size();
    }

    private synchronized Step next(ModelRequest request) {
        Objects.requireNonNull(request, "request");
        requests.add(request);
        calls++;
        Step step = script.pollFirst();
        if (step == null) {
            throw new IllegalStateException("FakeModelGateway: call " + calls + " has no scripted answer (the script had "
                    + (calls - 1) + " steps); script one more answer or expect fewer model calls. Last message sent: "
                    + lastMessageText(request));
        }
        return step;
    }

    private static String lastMessageText(ModelRequest request) {
        return request.history().isEmpty() ? "(none)"
                : '"' + request.history().get(request.history().size() - 1).text() + '"';
    }

    private static void emit(ModelStreamListener listener, ModelEvent event) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ModelInvocationException(ModelInvocationException.Reason.INTERRUPTED,
                    "The answer was interrupted.");
        }
        listener.onEvent(event);
    }

    /** One scripted answer of the model: a turn or a failure. */
    public sealed interface Step {
        ModelResponse play(ModelStreamListener listener);
    }

    /**
     * A scripted turn.
     *
     * @param deltas     the text, in the pieces it streams in
     * @param toolUses   the tools the model asks for, after the text
     * @param stopReason why the model stops
     * @param usage      what the turn costs
     */
    public record Turn(List<String> deltas, List<ModelEvent.ToolUse> toolUses, StopReason stopReason, TokenUsage usage)
            implements Step {

        public Turn {
            deltas = List.copyOf(deltas);
            toolUses = List.copyOf(toolUses);
            Objects.requireNonNull(stopReason, "stopReason");
            Objects.requireNonNull(usage, "usage");
        }

        public String text() {
            return String.join("", deltas);
        }

        public Turn withUsage(TokenUsage newUsage) {
            return new Turn(deltas, toolUses, stopReason, newUsage);
        }

        public Turn withStopReason(StopReason reason) {
            return new Turn(deltas, toolUses, reason, usage);
        }

        /** This turn with a tool use after its text; the stop reason becomes TOOL_USE. */
        public Turn withToolUse(String toolUseId, String toolName, JsonValue input) {
            List<ModelEvent.ToolUse> more = new ArrayList<>(toolUses);
            more.add(new ModelEvent.ToolUse(toolUseId, toolName, input));
            return new Turn(deltas, more, StopReason.TOOL_USE, usage);
        }

        @Override
        public ModelResponse play(ModelStreamListener listener) {
            for (String delta : deltas) {
                emit(listener, new ModelEvent.TextDelta(delta));
            }
            for (ModelEvent.ToolUse toolUse : toolUses) {
                emit(listener, toolUse);
            }
            emit(listener, new ModelEvent.Stop(stopReason, usage));
            return new ModelResponse(text(), toolUses, stopReason, usage);
        }

        /** Splits text after each space, so "a b c" streams as "a ", "b ", "c". */
        static List<String> splitIntoDeltas(String text) {
            List<String> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == ' ') {
                    pieces.add(text.substring(start, i + 1));
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                pieces.add(text.substring(start));
            }
            return pieces;
        }
    }

    /**
     * A scripted failure: the model streams {@code deltasBefore} and then fails with {@code error}. A non-streaming
     * call fails at once.
     */
    public record Failure(List<String> deltasBefore, ModelInvocationException error) implements Step {

        public Failure {
            deltasBefore = List.copyOf(deltasBefore);
            Objects.requireNonNull(error, "error");
        }

        @Override
        public ModelResponse play(ModelStreamListener listener) {
            for (String delta : deltasBefore) {
                emit(listener, new ModelEvent.TextDelta(delta));
            }
            throw error;
        }
    }

    /** Builds the script, in the order the model will answer. */
    public static final class Builder {

        private final List<Step> steps = new ArrayList<>();

        private Builder() {
        }

        /** A text answer streamed in word-sized deltas, stopping with END_TURN. */
        public Builder answer(String text) {
            return step(FakeModelGateway.answer(text));
        }

        /** A text answer with the given usage. */
        public Builder answer(String text, TokenUsage usage) {
            return step(FakeModelGateway.answer(text).withUsage(usage));
        }

        /** A text answer streamed in exactly these deltas. */
        public Builder answerInDeltas(String... deltas) {
            return step(new Turn(List.of(deltas), List.of(), StopReason.END_TURN, DEFAULT_USAGE));
        }

        /** A turn with no text that asks for one tool. */
        public Builder toolUse(String toolUseId, String toolName, JsonValue input) {
            return step(new Turn(List.of(), List.of(), StopReason.TOOL_USE, DEFAULT_USAGE)
                    .withToolUse(toolUseId, toolName, input));
        }

        /** A turn with some text, then one tool use. */
        public Builder textThenToolUse(String text, String toolUseId, String toolName, JsonValue input) {
            return step(FakeModelGateway.answer(text).withToolUse(toolUseId, toolName, input));
        }

        /** A model call that fails at once. */
        public Builder failure(ModelInvocationException error) {
            return step(new Failure(List.of(), error));
        }

        /** A model call that fails at once with {@code reason}. */
        public Builder failure(ModelInvocationException.Reason reason) {
            return failure(new ModelInvocationException(reason, "Scripted failure: " + reason));
        }

        /** A streamed answer that sends these deltas and then fails. */
        public Builder failureAfter(ModelInvocationException error, String... deltasBefore) {
            return step(new Failure(List.of(deltasBefore), error));
        }

        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        public FakeModelGateway build() {
            return new FakeModelGateway(steps);
        }
    }
}
