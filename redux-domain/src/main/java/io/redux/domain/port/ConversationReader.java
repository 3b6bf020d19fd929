package io.redux.domain.port;

import io.redux.domain.model.Conversation;
import io.redux.domain.model.Message;

/**
 * Receives a conversation read message by message ({@link ConversationRepository#read}): first its outline, then
 * each message in order, so a conversation larger than memory can be shown or exported.
 */
public interface ConversationReader {

    /**
     * Called once, first.
     *
     * @param outline the conversation without its messages (everything else is there: times, model, metadata)
     * @param title   the conversation's title, as {@link Conversation#title()} of the whole conversation gives it
     */
    void begin(Conversation outline, String title);

    /** Called for each message, in order, after {@link #begin}. */
    void message(Message message);
}
