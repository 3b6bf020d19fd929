package io.redux.storage.json;

import io.redux.domain.error.StorageException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A conversation file the user made read-only is read, never written, whoever runs Redux (root included). */
class ReadOnlyFileTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");

    @TempDir
    Path directory;

    @Test
    void aReadOnlyFileIsReadButNeverReplaced() throws IOException {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX modes only");
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        Path file = Files.writeString(repository.fileOf(ID), TestFiles.formatExample());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        byte[] before = Files.readAllBytes(file);

        assertThat(repository.find(ID)).isPresent();
        assertThatThrownBy(() -> repository.append(ID, new UserMessage("new", Instant.now(), "lost?")))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.getMessage()).contains(file.toString(), "read-only").doesNotContain("\n");
                });

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries.map(entry -> entry.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
