package io.redux.aws.bedrock;

import io.redux.aws.resilience.AwsErrorTranslator;
import io.redux.aws.resilience.CallContext;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;

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
 */
public final class AnswerCollector {

    private final ModelStreamListener listener;
    private final StringBuilder text = new StringBuilder();
    private final List<ModelEvent.ToolUse> toolUses = new ArrayList<>();
    private final Map<Integer, PendingToolUse> pending = new HashMap<>();
    private volatile boolean committed;
    /** What the listener threw, which stopped the stream and goes back to the caller as it is; or null. */
    private volatile RuntimeException listenerFailure;
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
            throw new ModelInvocationException(ModelInvocationException.Reason.INTERRUPTED,
                    "The answer from " + context.model() + " was interrupted.", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), context);
        } catch (RuntimeException e) {
            throw failure(e, context);
        }
    }

    private RuntimeException failure(Throwable error, CallContext context) {
        return listenerFailure != null ? listenerFailure : AwsErrorTranslator.translate(error, context);
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
        if (tool != null && chunk != null) {
            tool.input.append(chunk);
        }
    }

    public void blockStopped(int index) {
        PendingToolUse tool = pending.remove(index);
        if (tool != null && listenerFailure == null) {
            ModelEvent.ToolUse use = new ModelEvent.ToolUse(tool.id, tool.name, Documents.parse(tool.input.toString()));
            toolUses.add(use);
            emit(use);
        }
    }

    public void stopped(StopReason reason) {
        stopReason = reason;
    }

    public void usage(long input, long output) {
        usage = new TokenUsage(input, output);
    }

    /** Sends the stop event and returns the whole answer. */
    public ModelResponse finish() {
        if (listenerFailure != null) {
            // The SDK's event subscriber swallows what a handler throws; the caller gets it back here.
            throw listenerFailure;
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

    private record PendingToolUse(String id, String name, StringBuilder input) {
    }
}
