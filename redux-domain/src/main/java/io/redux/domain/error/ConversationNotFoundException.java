package io.redux.domain.error;

import io.redux.domain.model.ConversationId;

/** No conversation has the id asked for; {@link #id()} says which, so a caller can say where the ids are listed. */
public class ConversationNotFoundException extends ReduxException {

    private final ConversationId id;

    public ConversationNotFoundException(ConversationId id) {
        super("Conversation " + id + " does not exist.");
        this.id = id;
    }

    public ConversationId id() {
        return id;
    }
}
