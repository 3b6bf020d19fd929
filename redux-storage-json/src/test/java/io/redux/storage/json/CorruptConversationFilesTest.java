package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.Message;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file that is not a valid conversation is reported with its path and a precise reason, and never changed. */
class CorruptConversationFilesTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
    private static final String EXAMPLE = TestFiles.formatExample();

    @TempDir
    Path directory;
    private JsonConversationRepository repository;
    private Path file;

    @BeforeEach
    void setUp() {
        repository = new JsonConversationRepository(directory);
        file = repository.fileOf(ID);
    }

    static Stream<Arguments> corruptFiles() {
        return Stream.of(
                corrupt("an empty file", "", "the file is empty"),
                corrupt("only white space", "  \n", "the file is empty"),
                corrupt("a truncated file", EXAMPLE.substring(0, EXAMPLE.length() / 2), "not valid JSON"),
                corrupt("text that is not JSON", "hello, world", "not valid JSON"),
                corrupt("a JSON array", "[]", "not a JSON object"),
                corrupt("a field written twice", EXAMPLE.replace("\"region\": \"us-east-1\",",
                        "\"region\": \"us-east-1\",\n  \"region\": \"eu-west-1\","), "Duplicate field 'region'"),
                corrupt("a message field written twice", EXAMPLE.replace("\"role\": \"user\",",
                        "\"role\": \"user\", \"role\": \"user\","), "Duplicate field 'role'"),
                shape("no conversation_id", tree -> tree.remove("conversation_id"), "conversation_id is missing"),
                shape("a conversation_id that is no UUID", tree -> tree.put("conversation_id", "../../etc/passwd"),
                        "is not a UUID"),
                shape("another conversation's id", tree -> tree.put("conversation_id", "00000000-0000-0000-0000-000000000001"),
                        "does not match its file name 550e8400-e29b-41d4-a716-446655440000.json"),
                shape("a created_at that is a number", tree -> tree.put("created_at", 12), "created_at is not a string"),
                shape("an updated_at that is no timestamp", tree -> tree.put("updated_at", "yesterday"),
                        "updated_at \"yesterday\" is not an ISO-8601 timestamp"),
                shape("a timestamp without offset", tree -> tree.put("created_at", "2025-01-09T18:00:00"),
                        "is not an ISO-8601 timestamp"),
                shape("a model id of another form", tree -> tree.put("model_id", "gpt-4"), "Invalid model id"),
                shape("a model id with a bad region", tree -> tree.put("model_id", "custom:US-EAST-1:anthropic:claude:0"),
                        "the region \"US-EAST-1\""),
                shape("no messages", tree -> tree.remove("messages"), "the field messages is missing"),
                shape("messages that are not an array", tree -> tree.put("messages", "none"), "messages is not an array"),
                shape("a message that is not an object", tree -> messages(tree).add(1), "messages[4] is not an object"),
                shape("a message without id", tree -> message(tree, 0).remove("id"), "messages[0].id is missing"),
                shape("an unknown role", tree -> message(tree, 0).put("role", "system"),
                        "role \"system\" is not one of user, assistant, tool_call, tool_result"),
                shape("a user message without content", tree -> message(tree, 0).remove("content"), "content is missing"),
                shape("a message without timestamp", tree -> message(tree, 1).remove("timestamp"), "timestamp is missing"),
                shape("a tool call without tool_name", tree -> message(tree, 2).remove("tool_name"), "tool_name is missing"),
                shape("tool arguments that are not an object", tree -> message(tree, 2).put("arguments", "x"),
                        "arguments is not an object"),
                shape("two messages with one id", tree -> message(tree, 1).put("id", "msg_001"),
                        "two messages with the id msg_001"),
                shape("a tool result naming no tool call", tree -> message(tree, 3).put("tool_call_id", "tool_call_999"),
                        "answers tool_call tool_call_999, which does not come before it"),
                shape("a tool result before its call", tree -> {
                    JsonNode call = messages(tree).remove(2);
                    messages(tree).add(call);
                }, "answers tool_call tool_call_001, which does not come before it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void loadingReportsThePathAndThePreciseReason(String description, String content, String reason) throws IOException {
        Files.writeString(file, content);

        assertThatThrownBy(() -> repository.find(ID))
                .isInstanceOfSatisfying(CorruptConversationException.class, e -> {
                    assertThat(e.location()).isEqualTo(file.toString());
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
        assertThatThrownBy(() -> repository.load(ID)).isInstanceOf(CorruptConversationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void readingMessageByMessageReportsTheSameAndGivesNothing(String description, String content, String reason)
            throws IOException {
        Files.writeString(file, content);
        ConversationReader nothingExpected = new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
                throw new AssertionError("an unreadable conversation reached the reader");
            }

            @Override
            public void message(Message message) {
                throw new AssertionError("an unreadable conversation reached the reader");
            }
        };

        assertThatThrownBy(() -> repository.read(ID, nothingExpected))
                .isInstanceOfSatisfying(CorruptConversationException.class, e -> {
                    assertThat(e.location()).isEqualTo(file.toString());
                    assertThat(e.reason()).contains(reason);
                });
        assertThatThrownBy(() -> repository.copyDocument(ID, new StringWriter()))
                .isInstanceOfSatisfying(CorruptConversationException.class, e -> assertThat(e.reason()).contains(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void listingReportsItAndKeepsGoing(String description, String content, String reason) throws IOException {
        Files.writeString(file, content);
        ConversationId good = ConversationId.random();
        Files.writeString(repository.fileOf(good), EXAMPLE.replace(ID.toString(), good.toString()));

        ConversationListing listing = repository.list();

        assertThat(listing.conversations()).extracting(ConversationSummary::id).containsExactly(good);
        assertThat(listing.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.location()).isEqualTo(file.toString());
            assertThat(unreadable.reason()).contains(reason);
        });
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    static Stream<Arguments> corruptFilesAndABadMessageTimestamp() {
        return Stream.concat(corruptFiles(), Stream.of(Arguments.of("a message timestamp that is no timestamp",
                EXAMPLE.replace("\"2025-01-09T18:00:05Z\"", "\"five past six\""), "is not an ISO-8601 timestamp")));
    }

    /** The format's rules live in one place: a load, a read message by message and a listing refuse alike. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFilesAndABadMessageTimestamp")
    void everyReaderGivesTheSameReason(String description, String content, String reason) throws IOException {
        Files.writeString(file, content);
        String loading = reasonOf(() -> repository.load(ID));
        ConversationReader ignoring = new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
            }

            @Override
            public void message(Message message) {
            }
        };

        assertThat(loading).contains(reason);
        assertThat(reasonOf(() -> repository.read(ID, ignoring))).isEqualTo(loading);
        assertThat(reasonOf(() -> repository.copyDocument(ID, new StringWriter()))).isEqualTo(loading);
        assertThat(repository.list().unreadable()).singleElement()
                .satisfies(unreadable -> assertThat(unreadable.reason()).isEqualTo(loading));
    }

    private static String reasonOf(Runnable reading) {
        try {
            reading.run();
        } catch (CorruptConversationException e) {
            return e.reason();
        }
        throw new AssertionError("read without complaint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void appendingNeverRewritesIt(String description, String content, String reason) throws IOException {
        Files.writeString(file, content);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> repository.append(ID, new UserMessage("new", Instant.now(), "lost?")))
                .isInstanceOf(CorruptConversationException.class);
        assertThatThrownBy(() -> repository.update(ID, conversation -> conversation))
                .isInstanceOf(CorruptConversationException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries.map(entry -> entry.getFileName().toString()))
                    .as("no temporary file left behind")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aMessageTimestampThatIsNoTimestampFailsTheLoadAndIsNeverRewritten() throws IOException {
        String content = EXAMPLE.replace("\"2025-01-09T18:00:05Z\"", "\"five past six\"");
        Files.writeString(file, content);

        assertThatThrownBy(() -> repository.find(ID))
                .isInstanceOfSatisfying(CorruptConversationException.class, e -> assertThat(e.reason())
                        .contains("messages[1] (id \"msg_002\").timestamp \"five past six\" is not an ISO-8601 timestamp"));
        assertThatThrownBy(() -> repository.append(ID, new UserMessage("new", Instant.now(), "lost?")))
                .isInstanceOf(CorruptConversationException.class);
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void aCorruptFileCanStillBeDeletedOnRequest() throws IOException {
        Files.writeString(file, "{ broken");

        repository.delete(ID);

        assertThat(file).doesNotExist();
    }

    private static Arguments corrupt(String description, String content, String reason) {
        return Arguments.of(description, content, reason);
    }

    private static Arguments shape(String description, Consumer<ObjectNode> change, String reason) {
        try {
            ObjectNode tree = (ObjectNode) JsonSupport.MAPPER.readTree(EXAMPLE);
            change.accept(tree);
            return Arguments.of(description, JsonSupport.PRETTY_WRITER.writeValueAsString(tree), reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode messages(ObjectNode tree) {
        return (ArrayNode) tree.get("messages");
    }

    private static ObjectNode message(ObjectNode tree, int index) {
        return (ObjectNode) messages(tree).get(index);
    }

}
