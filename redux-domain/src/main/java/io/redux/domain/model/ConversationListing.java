package io.redux.domain.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The conversations of a store, newest first, and the stored files that could not be read.
 */
public record ConversationListing(List<ConversationSummary> conversations, List<UnreadableConversation> unreadable) {

    public ConversationListing {
        conversations = List.copyOf(conversations);
        unreadable = List.copyOf(unreadable);
    }

    /** The most recently updated conversation started in {@code workingDirectory}. */
    public Optional<ConversationSummary> latestIn(String workingDirectory) {
        return conversations.stream()
                .filter(summary -> Objects.equals(summary.workingDirectory(), workingDirectory))
                .max(Comparator.comparing(ConversationSummary::updatedAt));
    }

    /** A stored conversation that could not be read: where it is and why. It is left untouched. */
    public record UnreadableConversation(String location, String reason) {
    }
}
