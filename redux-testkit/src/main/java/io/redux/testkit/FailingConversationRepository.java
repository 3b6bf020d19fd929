package io.redux.testkit;

import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.port.ConversationRepository;

import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A store that fails every call with the exception given, as a store unusable as a whole does (a missing bucket,
 * access denied, an unreachable endpoint), counting the calls: for what a use case does when its store is gone.
 */
public final class FailingConversationRepository implements ConversationRepository {

    private final Supplier<? extends RuntimeException> failure;
    private final AtomicInteger calls = new AtomicInteger();

    public FailingConversationRepository(Supplier<? extends RuntimeException> failure) {
        this.failure = failure;
    }

    /** How many calls it has failed. */
    public int calls() {
        return calls.get();
    }

    private RuntimeException fail() {
        calls.incrementAndGet();
        return failure.get();
    }

    @Override
    public void create(Conversation conversation) {
        throw fail();
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        throw fail();
    }

    @Override
    public void copyDocument(ConversationId id, Writer out) {
        throw fail();
    }

    @Override
    public Conversation update(ConversationId id, UnaryOperator<Conversation> change) {
        throw fail();
    }

    @Override
    public ConversationListing list() {
        throw fail();
    }

    @Override
    public void delete(ConversationId id) {
        throw fail();
    }
}
