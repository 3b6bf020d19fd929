package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.aws.Closeables;
import io.redux.cli.CliEnvironment;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.conversations.LocalConversations;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.HistoryImport;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.storage.migration.SqliteHistoryImport;
import jakarta.inject.Provider;

import java.time.Clock;

/**
 * Conversations live in JSON files in the environment's folder ({@link CliEnvironment#conversationsFolder()}), or in
 * S3 objects when it names an {@code s3://} location ({@link ConversationStores}); the original CLI's history is
 * imported into them from its SQLite database.
 */
final class StorageModule extends AbstractModule {

    /** The original CLI's history is imported from SQLite, found from the environment's variables and home. */
    @Provides
    HistoryImport historyImport(ConversationRepository conversations, Clock clock, CliEnvironment environment) {
        return new SqliteHistoryImport(conversations, clock, environment.variables(), environment.userHome());
    }

    @Provides
    @Singleton
    ConversationRepository conversations(CliEnvironment environment, Closeables resources, Provider<AwsAccess> aws) {
        // An S3 store signs as the run does (chat --profile included); a local folder never builds the AWS side.
        return new LazyConversationRepository(() -> ConversationStores.open(environment, resources,
                () -> aws.get().runCredentials()));
    }

    /** A local folder of conversation files, whatever store the environment names: what {@code import} reads. */
    @Provides
    LocalConversations localConversations() {
        return JsonConversationRepository::new;
    }
}
