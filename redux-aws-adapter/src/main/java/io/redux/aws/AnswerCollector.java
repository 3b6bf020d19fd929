package io.redux.aws;

import io.redux.aws.http.NetworkFailure;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Gathers a streamed answer: passes text deltas on as they arrive, assembles each tool use's streamed JSON input and
 * passes on the complete tool use when its block stops, and ends with one stop event carrying reason and usage.
 * Knows whether anything reached the listener yet, which decides whether a failure may be retried.
 *
 * <p>An answer is whole only when the stream's own last event arrived ({@link #ended()}); a stream that closes
 * before it, stalls, or carries a tool call whose input cannot be read is a failure, never an answer.
 */
final class AnswerCollector {

    private final ModelStreamListener listener;
    private final StringBuilder text = new StringBuilder();
    private final List<ModelEvent.ToolUse> toolUses = new ArrayList<>();
    private final Map<Integer, PendingToolUse> pending = new HashMap<>();
    private volatile boolean committed;
    /** What the listener threw, which stopped the stream and goes back to the caller as it is; or null. */
    private volatile RuntimeException listenerFailure;
    /** Why the answer cannot be used although the stream went on, such as a broken tool call; or null. */
    private volatile String unusable;
    private volatile boolean ended;
    private StopReason stopReason = StopReason.END_TURN;
    private TokenUsage usage = TokenUsage.NONE;

    public AnswerCollector(ModelStreamListener listener) {
        this.listener = listener;
    }

    public boolean committed() {
        return committed;
    }

    /**
     * Waits for the stream {@code call} that feeds this collector to end. An interrupt cancels the call; a failure
     * comes back as the listener's own exception when the listener stopped the stream, else translated for the user.
     */
    public void await(CompletableFuture<?> call, CallContext context) {
        try {
            call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelInvocationException(Reason.INTERRUPTED,
                    "The answer from " + context.model() + " was interrupted.", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), context);
        } catch (RuntimeException e) {
            throw failure(e, context);
        }
    }

    private RuntimeException failure(Throwable error, CallContext context) {
        if (listenerFailure != null) {
            return listenerFailure;
        }
        if (NetworkFailure.isReadTimeout(error)) {
            // Retried like any timeout while nothing was shown; the message says what a user saw: the answer stopped.
            return new RetryableModelException(Reason.SERVICE_UNAVAILABLE, context.service() + " stopped sending the"
                    + " answer from " + context.model() + " at " + context.endpoint() + ": nothing arrived for "
                    + seconds(context.network().readTimeout()) + ". Try again later.", error);
        }
        return AwsErrorTranslator.translate(error, context);
    }

    public void text(String delta) {
        if (delta == null || delta.isEmpty() || listenerFailure != null) {
            return;
        }
        text.append(delta);
        emit(new ModelEvent.TextDelta(delta));
    }

    public void toolUseStarted(int index, String toolUseId, String name) {
        pending.put(index, new PendingToolUse(toolUseId, name, new StringBuilder()));
    }

    public void toolUseInput(int index, String chunk) {
        PendingToolUse tool = pending.get(index);
        if (tool == null || chunk == null) {
            return;
        }
        if (tool.input.length() + chunk.length() > ToolInputs.MAX_CHARS) {
            // Stop gathering at once: an endless input must not fill the memory before its block ends.
            pending.remove(index);
            broken(tool, "longer than " + ToolInputs.MAX_CHARS + " characters");
            return;
        }
        tool.input.append(chunk);
    }

    public void blockStopped(int index) {
        PendingToolUse tool = pending.remove(index);
        if (tool == null || listenerFailure != null) {
            return;
        }
        JsonValue input;
        try {
            input = ToolInputs.parse(tool.input.toString());
        } catch (IllegalArgumentException e) {
            broken(tool, e.getMessage());
            return;
        }
        ModelEvent.ToolUse use = new ModelEvent.ToolUse(tool.id, tool.name, input);
        toolUses.add(use);
        emit(use);
    }

    private void broken(PendingToolUse tool, String why) {
        unreadable("a call of the tool '" + tool.name + "' whose input is " + why + "; the call was not run");
    }

    /**
     * Part of the answer cannot be read, such as a line of a container's stream that is not JSON: the answer is
     * not used, although the stream goes on. {@code what} completes "MODEL sent ...".
     */
    public void unreadable(String what) {
        if (unusable == null) {
            unusable = what;
        }
    }

    public void stopped(StopReason reason) {
        stopReason = reason;
    }

    public void usage(long input, long output) {
        usage = new TokenUsage(input, output);
    }

    /** The stream's own last event arrived (Bedrock's {@code metadata}, a server-sent {@code [DONE]}). */
    public void ended() {
        ended = true;
    }

    /**
     * Sends the stop event and returns the whole answer.
     *
     * @throws ModelInvocationException when the answer is not whole: the stream closed before its last event
     *         (retryable while nothing was shown), or it held a tool call whose input cannot be read
     */
    public ModelResponse finish(CallContext context) {
        if (listenerFailure != null) {
            // The SDK's event subscriber swallows what a handler throws; the caller gets it back here.
            throw listenerFailure;
        }
        if (!ended) {
            throw new RetryableModelException(Reason.SERVICE_UNAVAILABLE, context.service() + " ended the answer from "
                    + context.model() + " at " + context.endpoint() + " early: the stream closed before its last"
                    + " event. Try again.", null);
        }
        if (unusable != null) {
            throw new ModelInvocationException(Reason.INVALID_ANSWER, context.model() + " sent " + unusable
                    + ". Ask again.");
        }
        listener.onEvent(new ModelEvent.Stop(stopReason, usage));
        return new ModelResponse(text.toString(), toolUses, stopReason, usage);
    }

    private void emit(ModelEvent event) {
        committed = true;
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            listenerFailure = e;
            throw e;
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private record PendingToolUse(String id, String name, StringBuilder input) {
    }
}
