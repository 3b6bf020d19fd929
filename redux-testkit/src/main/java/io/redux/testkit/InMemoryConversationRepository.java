package io.redux.testkit;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.port.ConversationRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** A {@link ConversationRepository} in memory, for tests of code that uses the port. Thread-safe. */
public final class InMemoryConversationRepository implements ConversationRepository {

    private final ConcurrentMap<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();

    @Override
    public void create(Conversation conversation) {
        if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
            throw new ConversationAlreadyExistsException(conversation.id());
        }
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return Optional.ofNullable(conversations.get(id));
    }

    /**
     * This store keeps objects, not documents: its document is the stored conversation's text form
     * ({@link Conversation#toString()}), which names every field it holds.
     */
    @Override
    public void copyDocument(ConversationId id, Writer out) {
        String document = load(id).toString();
        try {
            out.write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Conversation update(ConversationId id, UnaryOperator<Conversation> change) {
        Conversation updated = conversations.computeIfPresent(id, (key, current) -> change.apply(current));
        if (updated == null) {
            throw new ConversationNotFoundException(id);
        }
        return updated;
    }

    @Override
    public ConversationListing list() {
        List<ConversationSummary> summaries = conversations.values().stream()
                .map(Conversation::summary)
                .sorted(Comparator.comparing(ConversationSummary::updatedAt).reversed())
                .toList();
        return new ConversationListing(summaries, List.of());
    }

    @Override
    public void delete(ConversationId id) {
        if (conversations.remove(id) == null) {
            throw new ConversationNotFoundException(id);
        }
    }
}
