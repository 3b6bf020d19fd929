package io.redux.domain.model;

/**
 * Who had the conversation, where, and how. Every field is optional (null when unknown); none is ever a secret.
 *
 * @param sessionType      one of {@link SessionType}'s values, or another a newer version wrote
 * @param workingDirectory the folder the conversation was started in, to find a folder's latest conversation
 * @param migratedFrom     where a migrated conversation came from, or null
 * @param agent            the name of the agent the conversation was started with, or null (for audit)
 */
public record ConversationMetadata(
        String awsProfile,
        String awsAccountId,
        String userArn,
        String sessionType,
        String workingDirectory,
        MigrationOrigin migratedFrom,
        String agent) {

    public static final ConversationMetadata EMPTY = new ConversationMetadata(null, null, null, null, null, null, null);

    /** Metadata without an agent. */
    public ConversationMetadata(String awsProfile, String awsAccountId, String userArn, String sessionType,
                                String workingDirectory, MigrationOrigin migratedFrom) {
        this(awsProfile, awsAccountId, userArn, sessionType, workingDirectory, migratedFrom, null);
    }

    public ConversationMetadata withIdentity(String profile, String accountId, String arn) {
        return new ConversationMetadata(profile, accountId, arn, sessionType, workingDirectory, migratedFrom, agent);
    }

    public ConversationMetadata withSessionType(String type) {
        return new ConversationMetadata(awsProfile, awsAccountId, userArn, type, workingDirectory, migratedFrom, agent);
    }

    public ConversationMetadata withWorkingDirectory(String directory) {
        return new ConversationMetadata(awsProfile, awsAccountId, userArn, sessionType, directory, migratedFrom, agent);
    }

    public ConversationMetadata withMigratedFrom(MigrationOrigin origin) {
        return new ConversationMetadata(awsProfile, awsAccountId, userArn, sessionType, workingDirectory, origin, agent);
    }

    public ConversationMetadata withAgent(String name) {
        return new ConversationMetadata(awsProfile, awsAccountId, userArn, sessionType, workingDirectory, migratedFrom,
                name);
    }
}
