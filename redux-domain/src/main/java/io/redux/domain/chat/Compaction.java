package io.redux.domain.chat;

import io.redux.domain.model.Message;
import io.redux.domain.model.Role;

import java.util.List;

/**
 * How {@code /compact} is stored. The summary request is stored as a user message whose content is exactly
 * {@link #PROMPT}, followed by the model's summary as an assistant message. Nothing older is deleted: the file keeps
 * the whole history, and what is sent to the model starts at the latest such request.
 */
public final class Compaction {

    /** The stored request; a user message with exactly this content marks where the sent history starts. */
    public static final String PROMPT = "/compact: Summarise our conversation so far for your own later use: the "
            + "goals, the decisions, the facts learned (file names, commands, results) and the open tasks. This "
            + "summary replaces the earlier messages, so include everything needed to continue.";

    private Compaction() {
    }

    /** The part of a stored history that is sent to the model: from the latest compaction on, or all of it. */
    public static List<Message> continuedHistory(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (isMarker(messages.get(i))) {
                return messages.subList(i, messages.size());
            }
        }
        return messages;
    }

    static boolean isMarker(Message message) {
        return message.role() == Role.USER && PROMPT.equals(message.text());
    }
}
