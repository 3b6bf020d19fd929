package io.redux.storage.json;

import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lock files live as long as their conversation, and removing one never lets two writers in at once. */
class ConversationLocksTest {

    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
    private static final Instant T0 = Instant.parse("2025-01-09T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void deletingAConversationRemovesItsLockFile() {
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));

        repository.delete(id);

        assertThat(directory.resolve("." + id + ".lock")).doesNotExist();
    }

    @Test
    void aWriterWaitingOnTheRemovedLockFileSeesItRetiredAndTheNextLockIsANewFile() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
        Path lockFile = directory.resolve("." + id + ".lock");
        // What another process waiting for the lock holds: the lock file, opened before the delete removed it.
        try (FileChannel waiting = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            repository.delete(id);

            assertThat(ConversationLocks.retired(waiting)).as("the waiter must not take the removed file as the lock")
                    .isTrue();
            repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
            repository.append(id, new UserMessage("u1", T0, "after the delete"));
            try (FileChannel current = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                assertThat(ConversationLocks.retired(current)).isFalse();
            }
            assertThat(Files.readAllLines(repository.fileOf(id))).isNotEmpty();
        }
    }

    @Test
    void aLockFileSomethingElseWroteToIsOneLineNamingIt() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
        Path lockFile = Files.writeString(directory.resolve("." + id + ".lock"), "not a lock");

        assertThatThrownBy(() -> repository.append(id, new UserMessage("u1", T0, "hello")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(lockFile.toString())
                .hasMessageContaining("remove it")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.io", "\n"));
        assertThat(repository.load(id).messages()).isEmpty();
    }
}
