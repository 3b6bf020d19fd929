package io.redux.storage.json.violation;

import io.redux.testkit.InMemoryConversationRepository;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class StorageUsingTheTestkit {

    public Class<?> fake() {
        return InMemoryConversationRepository.class;
    }
}
