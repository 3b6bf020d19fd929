package io.redux.cli.chat;

import io.redux.domain.chat.ChatSession;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The metadata of the conversations a chat starts: session type, working directory, and who the caller is. The
 * identity (an STS call) is looked up on another thread while the first answer streams, and written into the
 * conversation when it is known, so it never delays the first token.
 */
final class SessionMetadata {

    /** How long the end of a command waits for an identity still being looked up. */
    private static final long IDENTITY_WAIT_SECONDS = 10;

    private final ConversationMetadata base;
    private final CompletableFuture<CallerIdentity> identity;

    private SessionMetadata(ConversationMetadata base, CompletableFuture<CallerIdentity> identity) {
        this.base = base;
        this.identity = identity;
    }

    /** Starts looking up the caller's identity now. */
    static SessionMetadata lookUp(CredentialSource credentials, String profile, String sessionType,
                                  String workingDirectory) {
        return lookUp(credentials, profile, sessionType, workingDirectory, null);
    }

    /** As above, for a chat as agent {@code agent} (null for none), which a new conversation records. */
    static SessionMetadata lookUp(CredentialSource credentials, String profile, String sessionType,
                                  String workingDirectory, String agent) {
        CompletableFuture<CallerIdentity> identity = new CompletableFuture<>();
        Thread lookup = new Thread(() -> {
            try {
                identity.complete(credentials.identity());
            } catch (RuntimeException e) {
                identity.completeExceptionally(e);
            }
        }, "redux-identity");
        lookup.setDaemon(true);
        lookup.start();
        ConversationMetadata base = ConversationMetadata.EMPTY
                .withIdentity(profile, null, null)
                .withSessionType(sessionType)
                .withWorkingDirectory(workingDirectory)
                .withAgent(agent);
        return new SessionMetadata(base, identity);
    }

    /** What a new conversation starts with: the identity too if it is already known. */
    ConversationMetadata forNewConversation() {
        if (!identity.isDone() || identity.isCompletedExceptionally()) {
            return base;
        }
        return withIdentity(base, identity.join());
    }

    /**
     * Writes the identity into the session's conversation once it is known (with its first message if it is not
     * stored yet), unless the conversation already names an account (a resumed conversation keeps who started it).
     */
    CompletableFuture<Void> recordOn(ChatSession session) {
        return identity.thenAccept(known -> session.updateMetadata(metadata ->
                        metadata.awsAccountId() != null ? metadata : withIdentity(metadata, known)))
                .exceptionally(e -> null);
    }

    /** Waits a little for an identity still being written; a chat never fails for want of its metadata. */
    static void await(CompletableFuture<Void> recording) {
        try {
            recording.get(IDENTITY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The conversation is complete without it.
        }
    }

    private static ConversationMetadata withIdentity(ConversationMetadata metadata, CallerIdentity known) {
        // The profile that actually gave the credentials: none when they came from the environment, say.
        return metadata.withIdentity(known.profile(), known.accountId(), known.arn());
    }
}
