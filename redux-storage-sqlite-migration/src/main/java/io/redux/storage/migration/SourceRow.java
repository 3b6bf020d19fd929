package io.redux.storage.migration;

/**
 * One row of the original's conversation tables.
 *
 * @param table          {@value SqliteHistoryReader#V1_TABLE} or {@value SqliteHistoryReader#V2_TABLE}
 * @param key            the working directory the conversation was had in
 * @param conversationId the v2 column {@code conversation_id}; null for a v1 row (its id is inside the value)
 * @param value          the {@code ConversationState} JSON document as stored: UTF-8 bytes, or null
 * @param createdAtMs    the v2 column {@code created_at} in Unix milliseconds; null for a v1 row
 * @param updatedAtMs    the v2 column {@code updated_at} in Unix milliseconds; null for a v1 row
 */
record SourceRow(String table, String key, String conversationId, byte[] value, Long createdAtMs, Long updatedAtMs) {

    /** Where a row is, without its (possibly large) value. */
    record Ref(String table, String key, String conversationId) {
    }
}
