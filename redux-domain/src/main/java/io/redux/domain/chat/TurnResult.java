package io.redux.domain.chat;

import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;

import java.util.List;

/**
 * What one user turn came to.
 *
 * @param messages   every message stored during the turn, in order, the user's prompt first
 * @param answer     the text of the last answer (the partial text when interrupted)
 * @param stopReason why the turn ended: the model's last stop reason, or INTERRUPTED
 * @param usage      the tokens of every model call in the turn
 * @param toolRoundLimitReached whether the model still wanted tools when the turn's limit of tool rounds was reached
 */
public record TurnResult(List<Message> messages, String answer, StopReason stopReason, TokenUsage usage,
                         boolean toolRoundLimitReached) {

    public TurnResult {
        messages = List.copyOf(messages);
    }

    public boolean interrupted() {
        return stopReason == StopReason.INTERRUPTED;
    }
}
