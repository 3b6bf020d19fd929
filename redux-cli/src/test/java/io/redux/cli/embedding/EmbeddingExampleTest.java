package io.redux.cli.embedding;

import io.redux.domain.model.ConversationId;
import io.redux.domain.model.Message;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program of docs/embedding.md, compiled and run against the Bedrock Runtime stub with real JSON files, and
 * checked to be the very code the document shows.
 */
class EmbeddingExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/io/redux/cli/embedding/AskOnce.java");
    private static final Path DOCUMENT = Path.of("..", "docs", "embedding.md");

    @TempDir
    Path folder;

    @Test
    void theDocumentedProgramStreamsAndStoresATurnThroughTheBedrockGateway() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConversationId id;
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            bedrock.enqueue(StubReply.text("Hello!", " How can I help?").withUsage(9, 6));
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234",
                    "AWS_SECRET_ACCESS_KEY", "fake-secret", "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_DISABLED", "true", "REDUX_ENDPOINT_URL", bedrock.endpoint().toString());

            id = AskOnce.ask("Hello", env, folder, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("Hello! How can I help?\n[" + id + ", 15 tokens]\n");
        assertThat(new JsonConversationRepository(folder).load(id).messages()).extracting(Message::text)
                .containsExactly("Hello", "Hello! How can I help?");
    }

    @Test
    void theDocumentShowsThisProgram() throws IOException {
        String source = Files.readString(SOURCE);
        String program = source.substring(source.indexOf("import io.redux.aws.AwsModelGateway;"));

        assertThat(Files.readString(DOCUMENT)).contains(program);
    }
}
