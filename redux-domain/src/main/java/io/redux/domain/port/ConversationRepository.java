package io.redux.domain.port;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.Message;

import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where conversations live. Every change is durable when the call returns, and two writers of one conversation
 * never lose each other's messages: a change is applied to the latest stored state, never to a stale copy.
 */
public interface ConversationRepository {

    /** Stores a new conversation. @throws ConversationAlreadyExistsException when the id is taken */
    void create(Conversation conversation);

    /** @throws CorruptConversationException when the stored conversation cannot be read */
    Optional<Conversation> find(ConversationId id);

    /** @throws ConversationNotFoundException when there is none */
    default Conversation load(ConversationId id) {
        return find(id).orElseThrow(() -> new ConversationNotFoundException(id));
    }

    /**
     * Reads a conversation for output without holding all of it: {@code reader} gets its outline, then each message
     * in order. A repository that can checks the whole stored conversation first, as {@link #find} does, so an
     * unreadable one reaches the reader not at all. This default loads it whole.
     *
     * @throws ConversationNotFoundException when there is none
     * @throws CorruptConversationException  when it cannot be read
     */
    default void read(ConversationId id, ConversationReader reader) {
        Conversation conversation = load(id);
        reader.begin(new Conversation(conversation.id(), conversation.createdAt(), conversation.updatedAt(),
                conversation.modelId(), conversation.region(), List.of(), conversation.metadata()), conversation.title());
        conversation.messages().forEach(reader::message);
    }

    /**
     * Writes the conversation as this store keeps it, fields this version does not know included, without holding
     * it whole: an export that loses nothing. The whole stored conversation is checked first, as {@link #find}
     * checks it, so a missing or unreadable one writes nothing.
     *
     * @throws ConversationNotFoundException when there is none
     * @throws CorruptConversationException  when it cannot be read
     * @throws java.io.UncheckedIOException  when {@code out} fails
     */
    void copyDocument(ConversationId id, Writer out);

    /** Appends one message to the latest stored state and returns that new state. */
    default Conversation append(ConversationId id, Message message) {
        return update(id, conversation -> conversation.append(message));
    }

    /**
     * Applies {@code change} to the latest stored state, holding off other writers until it is stored. A store that
     * writes optimistically (S3's conditional writes) applies it again to the newer state when another writer got
     * there first, so {@code change} may run more than once and must depend on its argument only.
     *
     * @throws ConversationNotFoundException when there is none
     */
    Conversation update(ConversationId id, UnaryOperator<Conversation> change);

    /** Every readable conversation, most recently updated first, and the files that could not be read. */
    ConversationListing list();

    /** @throws ConversationNotFoundException when there is none */
    void delete(ConversationId id);
}
