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

    private final Chat chat;
    private final ChatSession session;
    private final TurnControl control;
    private final ChatListener listener;
    private final ToolRunner tools;
    private final List<Message> saved = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;

    TurnLoop(Chat chat, ChatSession session, TurnControl control, ChatListener listener) {
        this.chat = chat;
        this.session = session;
        this.control = control;
        this.listener = listener;
        this.tools = new ToolRunner(chat.tools(), chat.policy(), chat.approver());
    }

    TurnResult run(String prompt) {
        save(session.userMessage(prompt));
        for (int round = 0; ; round++) {
            StringBuilder partial = new StringBuilder();
            ModelResponse response;
            try {
                response = session.stream(session.request(Compaction.continuedHistory(
                        session.conversation().messages())), control, listener, partial);
            } catch (TurnControl.Cancelled e) {
                return interrupted(partial.toString());
            } catch (ModelInvocationException e) {
                if (control.isCancelled() || e.reason() == ModelInvocationException.Reason.INTERRUPTED) {
                    return interrupted(partial.toString());
                }
                if (partial.length() > 0) {
                    throw incomplete(partial.toString(), e);
                }
                throw e;
            }
            usage = usage.plus(response.usage());
            AssistantMessage answer = (AssistantMessage) save(new AssistantMessage(chat.newMessageId(), chat.now(),
                    response.text(), response.usage(), response.stopReason()));
            if (response.toolUses().isEmpty()) {
                return result(answer.content(), response.stopReason(), false);
            }
            boolean overLimit = round >= chat.maxToolRounds();
            for (ModelEvent.ToolUse use : response.toolUses()) {
                runTool(use, overLimit);
            }
            if (overLimit) {
                return result(answer.content(), response.stopReason(), true);
            }
            if (control.isCancelled()) {
                return result(answer.content(), StopReason.INTERRUPTED, false);
            }
        }
    }

    private void runTool(ModelEvent.ToolUse use, boolean overLimit) {
        ToolCall call = (ToolCall) save(new ToolCall(callId(use.toolUseId()), chat.now(), use.toolName(), use.input()));
        ToolOutput output;
        if (overLimit) {
            output = ToolOutput.error("Not run: this turn reached its limit of " + chat.maxToolRounds()
                    + " rounds of tool calls. Tell the user what you have done so far; they can ask you to go on.");
        } else if (control.isCancelled()) {
            output = ToolOutput.error(ToolRunner.CANCELLED);
        } else {
            output = tools.run(call, control);
        }
        save(new ToolResult(chat.newMessageId(), chat.now(), call.id(), output.content(),
                output.error() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS));
    }

    /** The model's own tool use id names the call when it is usable, so logs and stored ids match. */
    private String callId(String toolUseId) {
        boolean usable = toolUseId != null && !toolUseId.isBlank()
                && !session.conversation().containsMessage(toolUseId);
        return usable ? toolUseId : chat.newMessageId();
    }

    private TurnResult interrupted(String partial) {
        save(new AssistantMessage(chat.newMessageId(), chat.now(), partial, null, StopReason.INTERRUPTED));
        return result(partial, StopReason.INTERRUPTED, false);
    }

    /** The answer broke off after part of it was shown: that part is kept, as after Ctrl-C, and the turn fails. */
    private IncompleteAnswerException incomplete(String partial, ModelInvocationException failure) {
        save(new AssistantMessage(chat.newMessageId(), chat.now(), partial, null, StopReason.INCOMPLETE));
        return new IncompleteAnswerException(failure, result(partial, StopReason.INCOMPLETE, false));
    }

    private TurnResult result(String answer, StopReason stopReason, boolean limitReached) {
        return new TurnResult(saved, answer, stopReason, usage, limitReached);
    }

    private Message save(Message message) {
        saved.add(session.save(message, listener));
        return message;
    }
}
