package io.redux.domain.error;

import io.redux.domain.model.ConversationId;

public class ConversationNotFoundException extends ReduxException {

    private final ConversationId id;

    public ConversationNotFoundException(ConversationId id) {
        super("Conversation " + id + " does not exist; run 'redux_cli conversations list' to see the ids you have.");
        this.id = id;
    }

    public ConversationId id() {
        return id;
    }
}
