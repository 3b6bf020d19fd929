package io.redux.aws.violation;

import io.redux.storage.json.JsonConversationRepository;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class GatewayUsingJsonStorage {

    public Class<?> storage() {
        return JsonConversationRepository.class;
    }
}
