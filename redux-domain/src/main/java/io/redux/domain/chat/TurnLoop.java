package io.redux.domain.chat;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.tool.ToolOutput;

import java.util.ArrayList;
import java.util.List;

/** One user turn of a {@link ChatSession}: the model, then tools, then the model again, until it is done. */
final class TurnLoop {

    private final TurnContext turn;
    private final List<Message> saved = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;

    TurnLoop(TurnContext turn) {
        this.turn = turn;
    }

    TurnResult run(String prompt) {
        save(turn.userMessage(prompt));
        for (int round = 0; ; round++) {
            StringBuilder partial = new StringBuilder();
            ModelResponse response;
            try {
                response = turn.ask(Compaction.continuedHistory(turn.conversation().messages()), partial);
            } catch (TurnControl.Cancelled e) {
                return interrupted(partial.toString());
            } catch (ModelInvocationException e) {
                if (turn.isCancelled() || e.reason() == ModelInvocationException.Reason.INTERRUPTED) {
                    return interrupted(partial.toString());
                }
                if (partial.length() > 0) {
                    throw incomplete(partial.toString(), e);
                }
                throw e;
            }
            usage = usage.plus(response.usage());
            AssistantMessage answer = save(turn.answer(response.text(), response.usage(), response.stopReason()));
            if (response.toolUses().isEmpty()) {
                return result(answer.content(), response.stopReason(), false);
            }
            boolean overLimit = round >= turn.maxToolRounds();
            for (ModelEvent.ToolUse use : response.toolUses()) {
                runTool(use, overLimit);
            }
            if (overLimit) {
                return result(answer.content(), response.stopReason(), true);
            }
            if (turn.isCancelled()) {
                return result(answer.content(), StopReason.INTERRUPTED, false);
            }
        }
    }

    private void runTool(ModelEvent.ToolUse use, boolean overLimit) {
        ToolCall call = save(new ToolCall(callId(use.toolUseId()), turn.now(), use.toolName(), use.input()));
        ToolOutput output;
        if (overLimit) {
            output = ToolOutput.error("Not run: this turn reached its limit of " + turn.maxToolRounds()
                    + " rounds of tool calls. Tell the user what you have done so far; they can ask you to go on.");
        } else if (turn.isCancelled()) {
            output = ToolOutput.error(ToolRunner.CANCELLED);
        } else {
            output = turn.run(call);
        }
        save(new ToolResult(turn.newMessageId(), turn.now(), call.id(), output.content(),
                output.error() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS));
    }

    /** The model's own tool use id names the call when it is usable, so logs and stored ids match. */
    private String callId(String toolUseId) {
        boolean usable = toolUseId != null && !toolUseId.isBlank()
                && !turn.conversation().containsMessage(toolUseId);
        return usable ? toolUseId : turn.newMessageId();
    }

    private TurnResult interrupted(String partial) {
        save(turn.answer(partial, null, StopReason.INTERRUPTED));
        return result(partial, StopReason.INTERRUPTED, false);
    }

    /** The answer broke off after part of it was shown: that part is kept, as after Ctrl-C, and the turn fails. */
    private IncompleteAnswerException incomplete(String partial, ModelInvocationException failure) {
        save(turn.answer(partial, null, StopReason.INCOMPLETE));
        return new IncompleteAnswerException(failure, result(partial, StopReason.INCOMPLETE, false));
    }

    private TurnResult result(String answer, StopReason stopReason, boolean limitReached) {
        return new TurnResult(saved, answer, stopReason, usage, limitReached);
    }

    /** Stores {@code message} as one of this turn's. */
    private <M extends Message> M save(M message) {
        saved.add(turn.save(message));
        return message;
    }
}
