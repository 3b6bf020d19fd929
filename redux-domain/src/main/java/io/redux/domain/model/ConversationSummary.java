package io.redux.domain.model;

import java.time.Instant;

/**
 * What a listing shows of a conversation, read without loading every message.
 *
 * @param modelId          the stored model id, as written
 * @param title            the first user prompt on one line, shortened; empty when there is none
 * @param workingDirectory the folder it was started in, or null
 */
public record ConversationSummary(
        ConversationId id,
        Instant createdAt,
        Instant updatedAt,
        String modelId,
        int messageCount,
        String title,
        String workingDirectory) {
}
