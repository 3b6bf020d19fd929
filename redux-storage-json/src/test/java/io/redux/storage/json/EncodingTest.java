package io.redux.storage.json;

import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.Message;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversation files are UTF-8: any other encoding is unreadable, never guessed, and never rewritten as UTF-8. */
class EncodingTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
    private static final String EXAMPLE = TestFiles.formatExample().replace("Hello, can you help me?", "Caf\u00e9?");

    @TempDir
    Path directory;
    private JsonConversationRepository repository;
    private Path file;

    @BeforeEach
    void setUp() {
        repository = new JsonConversationRepository(directory);
        file = repository.fileOf(ID);
    }

    static Stream<Arguments> otherEncodings() {
        return Stream.of(
                Arguments.of("UTF-16 with a byte order mark", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        EXAMPLE, StandardCharsets.UTF_16LE), "UTF-16"),
                Arguments.of("UTF-16 big-endian, no byte order mark", bytes(new byte[0], EXAMPLE,
                        StandardCharsets.UTF_16BE), "not UTF-8"),
                Arguments.of("UTF-32 with a byte order mark", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                        EXAMPLE, Charset.forName("UTF-32LE")), "UTF-32"),
                Arguments.of("Latin-1", bytes(new byte[0], EXAMPLE, StandardCharsets.ISO_8859_1), "UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherEncodings")
    void isUnreadableAndNeverRewritten(String description, byte[] content, String reason) throws IOException {
        Files.write(file, content);

        assertThatThrownBy(() -> repository.find(ID)).isInstanceOfSatisfying(CorruptConversationException.class,
                e -> assertThat(e.reason()).contains(reason));
        assertThatThrownBy(() -> repository.append(ID, new UserMessage("new", Instant.now(), "lost?")))
                .isInstanceOf(CorruptConversationException.class);
        ConversationListing listing = repository.list();
        assertThat(listing.conversations()).isEmpty();
        assertThat(listing.unreadable()).singleElement().satisfies(unreadable ->
                assertThat(unreadable.reason()).contains(reason));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    /** docs/conversation-format.md: "a UTF-8 byte order mark is ignored", by a load, a listing and a streamed read. */
    @Test
    void aUtf8ByteOrderMarkIsIgnored() throws IOException {
        Files.write(file, bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, EXAMPLE, StandardCharsets.UTF_8));
        List<Message> streamed = new ArrayList<>();

        repository.read(ID, new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
            }

            @Override
            public void message(Message message) {
                streamed.add(message);
            }
        });

        assertThat(repository.load(ID).messages().get(0).text()).isEqualTo("Caf\u00e9?");
        assertThat(streamed).isEqualTo(repository.load(ID).messages());
        assertThat(repository.list().conversations()).singleElement()
                .satisfies(summary -> assertThat(summary.title()).isEqualTo("Caf\u00e9?"));
    }

    private static byte[] bytes(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }
}
