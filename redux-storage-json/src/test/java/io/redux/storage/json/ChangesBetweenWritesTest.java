package io.redux.storage.json;

import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A repository skips re-reading a file it has just written; these are the changes by someone else in between that
 * it must still see, so none is ever overwritten.
 */
class ChangesBetweenWritesTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    @TempDir
    Path folder;

    private final ConversationId id = ConversationId.random();

    @Test
    void anotherRepositoryAppendingInBetweenKeepsEveryMessage() {
        JsonConversationRepository ours = new JsonConversationRepository(folder);
        JsonConversationRepository theirs = new JsonConversationRepository(folder);
        ours.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));

        ours.append(id, user("m1", "ours first"));
        theirs.append(id, user("m2", "theirs"));
        ours.append(id, user("m3", "ours again"));

        assertThat(new JsonConversationRepository(folder).load(id).messages())
                .extracting(Message::id).containsExactly("m1", "m2", "m3");
    }

    @Test
    void anEditInPlaceOfTheSameSizeIsKept() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(folder);
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
        repository.append(id, user("m1", "colour"));
        Path file = repository.fileOf(id);
        FileTime written = Files.getLastModifiedTime(file);

        // Same inode, same size: only the modification time tells this version from ours.
        String edited = Files.readString(file).replace("colour", "color ");
        Files.writeString(file, edited, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(1)));
        repository.append(id, user("m2", "next"));

        assertThat(repository.load(id).messages().get(0)).isEqualTo(user("m1", "color "));
    }

    @Test
    void aFileReplacedWithAnOlderCopyIsTakenAsItIs() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(folder);
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
        repository.append(id, user("m1", "first"));
        Path backup = folder.resolve("backup");
        Files.copy(repository.fileOf(id), backup);
        repository.append(id, user("m2", "second"));

        Files.move(backup, repository.fileOf(id), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        repository.append(id, user("m3", "third"));

        assertThat(repository.load(id).messages()).extracting(Message::id).containsExactly("m1", "m3");
    }

    @Test
    void aFileDeletedInBetweenIsNotRecreated() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(folder);
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0));
        repository.append(id, user("m1", "first"));

        Files.delete(repository.fileOf(id));

        assertThatThrownBy(() -> repository.append(id, user("m2", "second")))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(repository.fileOf(id)).doesNotExist();
    }

    private static UserMessage user(String id, String text) {
        return new UserMessage(id, T0.plusSeconds(1), text);
    }
}
