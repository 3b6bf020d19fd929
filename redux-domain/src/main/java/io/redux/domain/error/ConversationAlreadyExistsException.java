package io.redux.domain.error;

import io.redux.domain.model.ConversationId;

public class ConversationAlreadyExistsException extends ReduxException {

    private final ConversationId id;

    public ConversationAlreadyExistsException(ConversationId id) {
        super("Conversation " + id + " already exists; continue it instead of creating it again.");
        this.id = id;
    }

    public ConversationId id() {
        return id;
    }
}
