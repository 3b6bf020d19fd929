package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.cli.CliEnvironment;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.json.JsonConversationRepository;

/** Conversations live in JSON files in the environment's folder ({@link CliEnvironment#conversationsFolder()}). */
final class StorageModule extends AbstractModule {

    @Provides
    @Singleton
    ConversationRepository conversations(CliEnvironment environment) {
        return new JsonConversationRepository(environment.conversationsFolder());
    }
}
