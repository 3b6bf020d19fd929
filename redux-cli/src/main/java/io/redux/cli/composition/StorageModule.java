package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.cli.CliEnvironment;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.HistoryImport;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.migration.SqliteHistoryImport;

import java.time.Clock;

/**
 * Conversations live in JSON files in the environment's folder ({@link CliEnvironment#conversationsFolder()}); the
 * original CLI's history is imported into them from its SQLite database.
 */
final class StorageModule extends AbstractModule {

    /** The original CLI's history is imported from SQLite, found from the environment's variables and home. */
    @Provides
    HistoryImport historyImport(ConversationRepository conversations, Clock clock, CliEnvironment environment) {
        return new SqliteHistoryImport(conversations, clock, environment.variables(), environment.userHome());
    }

    @Provides
    @Singleton
    ConversationRepository conversations(CliEnvironment environment) {
        return new JsonConversationRepository(environment.conversationsFolder());
    }
}
