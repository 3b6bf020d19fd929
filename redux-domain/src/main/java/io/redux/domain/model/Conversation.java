package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conversation: an immutable value whose changes return a new value.
 *
 * <p>It holds its invariants on construction: message ids are unique, and every tool result answers a tool call
 * that comes before it.
 */
public record Conversation(
        ConversationId id,
        Instant createdAt,
        Instant updatedAt,
        ModelId modelId,
        String region,
        List<Message> messages,
        ConversationMetadata metadata) {

    public Conversation {
        if (id == null || createdAt == null || updatedAt == null || modelId == null) {
            throw new InvalidInputException("A conversation needs an id, created_at, updated_at and model_id");
        }
        region = region == null ? modelId.region() : region;
        messages = List.copyOf(messages == null ? List.of() : messages);
        metadata = metadata == null ? ConversationMetadata.EMPTY : metadata;
        checkMessages(id, messages);
    }

    /** A new, empty conversation. */
    public static Conversation start(ConversationId id, ModelId modelId, ConversationMetadata metadata, Instant now) {
        return new Conversation(id, now, now, modelId, modelId.region(), List.of(), metadata);
    }

    /** This conversation with {@code message} added; {@code updated_at} moves to the message's time, never back. */
    public Conversation append(Message message) {
        List<Message> grown = new ArrayList<>(messages.size() + 1);
        grown.addAll(messages);
        grown.add(message);
        return new Conversation(id, createdAt, latest(updatedAt, message.timestamp()), modelId, region, grown, metadata);
    }

    /** This conversation continued with another model; the region follows the model. */
    public Conversation withModel(ModelId newModel, Instant now) {
        return new Conversation(id, createdAt, latest(updatedAt, now), newModel, newModel.region(), messages, metadata);
    }

    public Conversation withMetadata(ConversationMetadata newMetadata) {
        return new Conversation(id, createdAt, updatedAt, modelId, region, messages, newMetadata);
    }

    public Optional<Message> lastMessage() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    public boolean containsMessage(String messageId) {
        return messages.stream().anyMatch(m -> m.id().equals(messageId));
    }

    /** The first user prompt, shortened to one line: what a person would call this conversation. */
    public String title() {
        return messages.stream()
                .filter(m -> m.role() == Role.USER)
                .findFirst()
                .map(m -> Titles.shorten(m.text()))
                .orElse("");
    }

    public ConversationSummary summary() {
        return new ConversationSummary(id, createdAt, updatedAt, modelId.toString(), messages.size(), title(),
                metadata.workingDirectory());
    }

    private static Instant latest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static void checkMessages(ConversationId id, List<Message> messages) {
        MessageSequence sequence = new MessageSequence(id);
        messages.forEach(sequence::add);
    }
}
