package io.redux.testkit;

import io.redux.domain.chat.Chat;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.chat.TurnResult;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The program of docs/embedding.md, line for line, with the testkit's fakes standing in for the JSON files and
 * Bedrock until those adapters are merged (then: JsonConversationRepository on a temp folder, the gateway on the stub).
 */
class EmbeddingExampleTest {

    @Test
    void theEmbeddingExampleStreamsAndStoresOneTurn() {
        var out = new ByteArrayOutputStream();
        var conversations = new InMemoryConversationRepository();
        var gateway = FakeModelGateway.builder().answer("Hello! How can I help?").build();

        ChatSession session = askOnce(new String[] {"Hello"}, conversations, gateway, new PrintStream(out, true,
                StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Hello! How can I help?\n[" + session.id() + ", 15 tokens]");
        assertThat(conversations.load(session.id()).messages()).extracting(Message::role, Message::text)
                .containsExactly(tuple(Role.USER, "Hello"),
                        tuple(Role.ASSISTANT, "Hello! How can I help?"));
        assertThat(conversations.load(session.id()).metadata().workingDirectory())
                .isEqualTo(Path.of("").toAbsolutePath().toString());
    }

    /** The body of the documented main(). */
    private static ChatSession askOnce(String[] args, InMemoryConversationRepository conversations,
                                       FakeModelGateway gateway, PrintStream out) {
        Chat chat = Chat.builder().conversations(conversations).gateway(gateway).build();
        ChatSession session = chat.open(OpenConversation.start(
                ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                ConversationMetadata.EMPTY.withWorkingDirectory(Path.of("").toAbsolutePath().toString())));
        TurnResult result = session.send(args[0], ChatListener.streamingTextTo(out::print));
        out.printf("%n[%s, %d tokens]%n", session.id(), result.usage().totalTokens());
        return session;
    }
}
