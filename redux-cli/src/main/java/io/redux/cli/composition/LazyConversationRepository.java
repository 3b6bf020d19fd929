package io.redux.cli.composition;

import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.Message;
import io.redux.domain.port.ConversationReader;
import io.redux.domain.port.ConversationRepository;

import java.io.Writer;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The store, opened on its first use rather than while Guice builds the command: a malformed location must reach the
 * command's error handling as one line (exit 2), not a provisioning stack trace.
 */
final class LazyConversationRepository implements ConversationRepository {

    private final Supplier<ConversationRepository> opening;
    private ConversationRepository opened;

    LazyConversationRepository(Supplier<ConversationRepository> opening) {
        this.opening = opening;
    }

    private synchronized ConversationRepository store() {
        if (opened == null) {
            opened = opening.get();
        }
        return opened;
    }

    @Override
    public void create(Conversation conversation) {
        store().create(conversation);
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return store().find(id);
    }

    @Override
    public Conversation load(ConversationId id) {
        return store().load(id);
    }

    @Override
    public void read(ConversationId id, ConversationReader reader) {
        store().read(id, reader);
    }

    @Override
    public void copyDocument(ConversationId id, Writer out) {
        store().copyDocument(id, out);
    }

    @Override
    public Conversation append(ConversationId id, Message message) {
        return store().append(id, message);
    }

    @Override
    public Conversation update(ConversationId id, UnaryOperator<Conversation> change) {
        return store().update(id, change);
    }

    @Override
    public ConversationListing list() {
        return store().list();
    }

    @Override
    public void delete(ConversationId id) {
        store().delete(id);
    }
}
