package io.redux.storage.migration.violation;

import io.redux.storage.json.JsonConversationRepository;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class MigrationUsingJsonStorage {

    public Class<?> storage() {
        return JsonConversationRepository.class;
    }
}
