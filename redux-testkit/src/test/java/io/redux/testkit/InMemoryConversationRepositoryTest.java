package io.redux.testkit;

import io.redux.domain.port.ConversationRepository;

class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {

    @Override
    protected ConversationRepository newRepository() {
        return new InMemoryConversationRepository();
    }
}
