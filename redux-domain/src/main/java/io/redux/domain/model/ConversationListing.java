package io.redux.domain.model;

import java.util.List;

/**
 * The conversations of a store, newest first, and the stored files that could not be read.
 */
public record ConversationListing(List<ConversationSummary> conversations, List<UnreadableConversation> unreadable) {

    public ConversationListing {
        conversations = List.copyOf(conversations);
        unreadable = List.copyOf(unreadable);
    }

    /** A stored conversation that could not be read: where it is and why. It is left untouched. */
    public record UnreadableConversation(String location, String reason) {
    }
}
