package io.redux.domain.port;

import io.redux.domain.model.ConversationId;

/**
 * The outcome for one source row.
 *
 * @param table                the source table, {@code conversations} or {@code conversations_v2}
 * @param key                  the row key: the working directory the original was run in
 * @param sourceConversationId the original's conversation id, or null when the row did not say
 * @param conversationId       the Redux conversation it maps to, or null when the row could not be read
 * @param outcome              what happened
 * @param reason               why, for anything but a plain migration; null otherwise
 * @param messages             messages in the mapped conversation (also in a dry run)
 * @param repairs              messages synthesised or ids derived so every tool result answers an earlier call
 * @param imagesReplaced       images replaced by a short text placeholder
 */
public record RowReport(
        String table,
        String key,
        String sourceConversationId,
        ConversationId conversationId,
        RowOutcome outcome,
        String reason,
        int messages,
        int repairs,
        int imagesReplaced) {
}
