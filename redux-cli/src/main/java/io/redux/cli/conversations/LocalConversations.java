package io.redux.cli.conversations;

import io.redux.domain.port.ConversationRepository;

import java.nio.file.Path;

/** Opens a local folder of conversation files as a store, whichever store the environment names. */
@FunctionalInterface
public interface LocalConversations {

    ConversationRepository open(Path folder);
}
