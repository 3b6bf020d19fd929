package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where files go, how they are named, their modes, and what a folder that cannot be used gives. */
class ConversationFilesTest {

    private static final ModelId MODEL = ModelId.parse("custom:eu-west-1:bedrock:anthropic.claude-3-haiku:1");
    private static final Instant T0 = Instant.parse("2025-01-09T18:00:00Z");

    @TempDir
    Path temp;

    @Test
    void readingNeverCreatesTheFolder() {
        Path directory = temp.resolve("not/yet");
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();

        assertThat(repository.list().conversations()).isEmpty();
        assertThat(repository.find(id)).isEmpty();
        assertThat(repository.list().latestIn("/work")).isEmpty();
        assertThatThrownBy(() -> repository.append(id, new UserMessage("m", T0, "x")))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> repository.delete(id)).isInstanceOf(ConversationNotFoundException.class);

        assertThat(temp.resolve("not")).doesNotExist();
    }

    @Test
    void theFirstWriteCreatesAPrivateFolderAndPrivateFiles() throws IOException {
        assumeTrue(posix(), "POSIX modes only");
        Path directory = temp.resolve("home/.amazon-q/conversations");
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);

        repository.create(conversation);
        repository.append(conversation.id(), new UserMessage("m1", T0, "my secret source code"));

        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(repository.fileOf(conversation.id())))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(entry -> assertThat(modes(entry)).as(entry.toString())
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void aConversationIsOneFileNamedByItsIdHoldingTheDocumentedFields() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(temp);
        ConversationId id = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY.withSessionType("interactive"), T0)
                .append(new UserMessage("msg_001", T0.plusSeconds(1), "Hello, können Sie helfen? ✓")));

        Path file = temp.resolve("550e8400-e29b-41d4-a716-446655440000.json");
        assertThat(repository.fileOf(id)).isEqualTo(file);
        assertThat(repository.directory()).isEqualTo(temp.toAbsolutePath().normalize());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"conversation_id\": \"550e8400-e29b-41d4-a716-446655440000\",\n")
                .contains("Hello, können Sie helfen? ✓").endsWith("}\n");
        JsonNode tree = JsonSupport.MAPPER.readTree(text);
        assertThat(tree.fieldNames()).toIterable().containsExactly(
                "conversation_id", "created_at", "updated_at", "model_id", "region", "messages", "metadata");
        assertThat(tree.get("created_at").asText()).isEqualTo("2025-01-09T18:00:00Z");
        assertThat(tree.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(tree.get("messages").get(0).fieldNames()).toIterable()
                .containsExactly("id", "role", "content", "timestamp");
        assertThat(tree.get("metadata").fieldNames()).toIterable().containsExactly("session_type");
    }

    @Test
    void timestampsWithAnyOffsetAreReadAndWrittenBackInUtc() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(temp);
        ConversationId id = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
        Files.writeString(repository.fileOf(id), TestFiles.formatExample()
                .replace("\"2025-01-09T18:00:00Z\",\n  \"updated_at\"", "\"2025-01-09T19:00:00+01:00\",\n  \"updated_at\"")
                .replace("\"2025-01-09T18:30:00Z\"", "\"2025-01-09T13:30:00.000-05:00\""));

        Conversation loaded = repository.load(id);
        assertThat(loaded.createdAt()).isEqualTo(T0);
        assertThat(loaded.updatedAt()).isEqualTo(Instant.parse("2025-01-09T18:30:00Z"));
        assertThat(repository.list().conversations().get(0).updatedAt()).isEqualTo(Instant.parse("2025-01-09T18:30:00Z"));

        repository.append(id, new AssistantMessage("later", Instant.parse("2025-01-09T18:00:00.123456789Z"), "ok"));
        JsonNode tree = JsonSupport.MAPPER.readTree(repository.fileOf(id).toFile());
        assertThat(tree.get("created_at").asText()).isEqualTo("2025-01-09T18:00:00Z");
        assertThat(tree.get("messages").get(4).get("timestamp").asText()).isEqualTo("2025-01-09T18:00:00.123456789Z");
    }

    @Test
    void onlyFilesNamedByAConversationIdAreConversations() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(temp);
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);
        repository.create(conversation);
        String example = TestFiles.formatExample();
        Files.writeString(temp.resolve("notes.json"), "not a conversation");
        Files.writeString(temp.resolve("550e8400-e29b-41d4-a716-446655440000.json.bak"), example);
        Files.writeString(temp.resolve(".550e8400-e29b-41d4-a716-446655440000.json.tmp"), example.substring(0, 100));
        Files.writeString(temp.resolve("550e8400-e29b-41d4-a716-44665544000.json"), example);
        Files.createDirectory(temp.resolve("archive"));

        assertThat(repository.list().conversations()).singleElement()
                .satisfies(summary -> assertThat(summary.id()).isEqualTo(conversation.id()));
        assertThat(repository.list().unreadable()).isEmpty();
    }

    @Test
    void aTemporaryFileLeftByACrashIsReplacedByTheNextWrite() throws IOException {
        JsonConversationRepository repository = new JsonConversationRepository(temp);
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);
        repository.create(conversation);
        Path leftover = temp.resolve("." + conversation.id() + ".json.tmp");
        Files.writeString(leftover, "{ half a docu");

        repository.append(conversation.id(), new UserMessage("m1", T0, "after the crash"));

        assertThat(leftover).doesNotExist();
        assertThat(repository.load(conversation.id()).messages()).hasSize(1);
    }

    @Test
    void aFolderThatIsAFileIsReportedWithTheFix() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("conversations"), "oops");
        JsonConversationRepository repository = new JsonConversationRepository(notAFolder);
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);

        for (Runnable use : new Runnable[] {
                () -> repository.create(conversation),
                repository::list,
                () -> repository.find(conversation.id()),
                () -> repository.read(conversation.id(), new ConversationReader() {
                    @Override
                    public void begin(Conversation outline, String title) {
                    }

                    @Override
                    public void message(Message message) {
                    }
                }),
                () -> repository.copyDocument(conversation.id(), new StringWriter()),
                () -> repository.append(conversation.id(), new UserMessage("m", T0, "x")),
                () -> repository.delete(conversation.id())}) {
            assertThatThrownBy(use::run)
                    .isInstanceOf(ConversationsFolderException.class)
                    .hasMessageContaining(notAFolder.toString())
                    .hasMessageContaining("is a file, not a folder")
                    .hasMessageContaining("move it away");
        }
        assertThat(Files.readString(notAFolder)).isEqualTo("oops");
    }

    @Test
    void aFolderInsideAFileIsReportedWithTheFix() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "oops");
        JsonConversationRepository repository = new JsonConversationRepository(file.resolve("conversations"));
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);

        assertThatThrownBy(() -> repository.create(conversation))
                .isInstanceOf(ConversationsFolderException.class)
                .hasMessageContaining(file.resolve("conversations").toString())
                .hasMessageContaining("it needs to be a writable folder");
    }

    @Test
    void aFolderThatIsNotWritableIsReportedWithTheFix() throws IOException {
        assumeTrue(posix(), "POSIX modes only");
        Path directory = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            // Root writes through any mode, so the case cannot happen (and cannot be tested) as root.
            assumeFalse(Files.isWritable(directory), "running as a user who can write anywhere (root)");
            JsonConversationRepository repository = new JsonConversationRepository(directory);
            Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);

            assertThatThrownBy(() -> repository.create(conversation))
                    .isInstanceOf(ConversationsFolderException.class)
                    .hasMessageContaining(directory.toString())
                    .hasMessageContaining("not writable")
                    .hasMessageContaining("fix its permissions");
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aChangeThatChangesItsOwnConversationFailsClearlyAndChangesNothing() {
        JsonConversationRepository repository = new JsonConversationRepository(temp);
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);
        repository.create(conversation);

        assertThatThrownBy(() -> repository.update(conversation.id(), current ->
                repository.append(conversation.id(), new UserMessage("inner", T0, "nested"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not itself change that conversation");

        assertThat(repository.load(conversation.id())).isEqualTo(conversation);
        repository.append(conversation.id(), new UserMessage("after", T0, "the lock was released"));
        assertThat(repository.load(conversation.id()).messages()).hasSize(1);
    }

    private boolean posix() {
        return temp.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Set<PosixFilePermission> modes(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
