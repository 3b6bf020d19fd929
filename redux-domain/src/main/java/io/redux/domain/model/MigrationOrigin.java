package io.redux.domain.model;

import java.time.Instant;

/**
 * Where a migrated conversation came from, so a second migration can tell new, changed and continued ones apart.
 *
 * @param source               the store it was read from, e.g. {@code amazon-q}
 * @param sourceKey            the row key in that store (the original CLI keys by working directory)
 * @param sourceConversationId the original's conversation id
 * @param sourceModel          the model the original used, or null
 * @param fingerprint          a digest of the source document, to notice when it changed
 * @param migratedAt           when the migration wrote this conversation
 */
public record MigrationOrigin(
        String source,
        String sourceKey,
        String sourceConversationId,
        String sourceModel,
        String fingerprint,
        Instant migratedAt) {
}
