package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.Role;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.testkit.ConversationRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example document of {@code docs/conversation-format.md} is the format users rely on: it loads, lists and is
 * written back equal in meaning, and it and every file Redux writes satisfy {@code docs/conversation.schema.json}.
 */
class FormatExampleTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
    private static JsonSchema schema;

    @TempDir
    Path directory;
    private JsonConversationRepository repository;

    @BeforeAll
    static void loadSchema() throws IOException {
        // The docs file is the one source of truth; the test reads it where users read it.
        try (InputStream in = Files.newInputStream(TestFiles.repositoryRoot().resolve("docs/conversation.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @BeforeEach
    void putTheExampleInAFolder() throws IOException {
        repository = new JsonConversationRepository(directory);
        Files.writeString(repository.fileOf(ID), TestFiles.formatExample());
    }

    @Test
    void theExampleLoadsWithEveryField() {
        Conversation conversation = repository.load(ID);

        assertThat(conversation.createdAt()).isEqualTo(Instant.parse("2025-01-09T18:00:00Z"));
        assertThat(conversation.updatedAt()).isEqualTo(Instant.parse("2025-01-09T18:30:00Z"));
        assertThat(conversation.modelId().toString()).isEqualTo("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
        assertThat(conversation.region()).isEqualTo("us-east-1");
        assertThat(conversation.messages()).extracting(m -> m.role()).containsExactly(
                Role.USER, Role.ASSISTANT, Role.TOOL_CALL, Role.TOOL_RESULT);
        assertThat(((AssistantMessage) conversation.messages().get(1)).content()).isEqualTo("Of course! How can I help you today?");
        ToolCall call = (ToolCall) conversation.messages().get(2);
        assertThat(call.toolName()).isEqualTo("file_read");
        assertThat(call.arguments().toJson()).isEqualTo("{\"path\":\"/src/main.rs\"}");
        ToolResult result = (ToolResult) conversation.messages().get(3);
        assertThat(result.toolCallId()).isEqualTo("tool_call_001");
        assertThat(result.content()).isEqualTo("File contents here...");
        assertThat(conversation.metadata().awsProfile()).isEqualTo("production");
        assertThat(conversation.metadata().awsAccountId()).isEqualTo("123456789012");
        assertThat(conversation.metadata().userArn()).isEqualTo("arn:aws:iam::123456789012:user/developer");
        assertThat(conversation.metadata().sessionType()).isEqualTo("interactive");
    }

    @Test
    void theExampleListsAsItsFullLoadSummarises() {
        ConversationSummary listed = repository.list().conversations().get(0);

        assertThat(listed).isEqualTo(repository.load(ID).summary());
        assertThat(listed.title()).isEqualTo("Hello, can you help me?");
        assertThat(listed.messageCount()).isEqualTo(4);
    }

    @Test
    void rewritingTheExampleKeepsItEqualInMeaning() throws IOException {
        JsonNode original = JsonSupport.MAPPER.readTree(TestFiles.formatExample());

        repository.update(ID, conversation -> conversation);

        JsonNode rewritten = JsonSupport.MAPPER.readTree(repository.fileOf(ID).toFile());
        assertThat(rewritten).isEqualTo(original);
    }

    @Test
    void theExampleSatisfiesTheSchema() throws IOException {
        assertThat(validate(JsonSupport.MAPPER.readTree(TestFiles.formatExample()))).isEmpty();
    }

    @Test
    void everyFileReduxWritesSatisfiesTheSchema() throws IOException {
        ConversationId id = ConversationId.random();
        Conversation rich = ConversationRepositoryContract.richConversation(id);
        repository.create(rich);

        assertThat(validate(JsonSupport.MAPPER.readTree(repository.fileOf(id).toFile()))).isEmpty();
        repository.append(ID, new AssistantMessage("msg_003", Instant.parse("2025-01-09T18:31:00Z"), "Here it is."));
        assertThat(validate(JsonSupport.MAPPER.readTree(repository.fileOf(ID).toFile()))).isEmpty();
    }

    @Test
    void theExampleOfTheFormatDocumentLoadsAndSatisfiesTheSchema() throws IOException {
        String doc = Files.readString(TestFiles.repositoryRoot().resolve("docs/conversation-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Files.writeString(repository.fileOf(ID), example);

        assertThat(validate(JsonSupport.MAPPER.readTree(example))).isEmpty();
        Conversation loaded = repository.load(ID);
        assertThat(((AssistantMessage) loaded.messages().get(1)).stopReason()).isNotNull();
        assertThat(((ToolResult) loaded.messages().get(3)).status()).isNotNull();
        assertThat(repository.list().conversations().get(0).workingDirectory()).isEqualTo("/home/dev/project");
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() throws IOException {
        String example = TestFiles.formatExample();
        for (String broken : new String[] {
                example.replace("\"role\": \"user\"", "\"role\": \"system\""),
                example.replace("\"tool_name\": \"file_read\", ", ""),
                example.replace("\"model_id\": \"custom:us-east-1:", "\"model_id\": \"custom:US-EAST-1:"),
                example.replace("\"created_at\": \"2025-01-09T18:00:00Z\"", "\"created_at\": \"yesterday\""),
                example.replace("\"conversation_id\": \"550e8400-e29b-41d4-a716-446655440000\",", "")}) {
            assertThat(broken).isNotEqualTo(example);
            assertThat(validate(JsonSupport.MAPPER.readTree(broken))).as(broken).isNotEmpty();
        }
    }

    private static Set<ValidationMessage> validate(JsonNode document) {
        return schema.validate(document);
    }
}
