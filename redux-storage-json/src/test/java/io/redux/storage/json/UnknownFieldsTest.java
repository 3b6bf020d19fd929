package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields a newer version wrote survive a rewrite by this one, wherever they are. */
class UnknownFieldsTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");

    @TempDir
    Path directory;
    private JsonConversationRepository repository;
    private ObjectNode original;

    @BeforeEach
    void writeAFileWithExtraFieldsEverywhere() throws IOException {
        repository = new JsonConversationRepository(directory);
        original = (ObjectNode) JsonSupport.MAPPER.readTree(TestFiles.formatExample());
        original.putObject("x_top").putArray("nested").add(1).add(2.50);
        metadata(original).put("x_meta", "kept");
        metadata(original).putObject("migrated_from").put("source", "amazon-q").put("x_origin", true);
        for (int i = 0; i < messages(original).size(); i++) {
            message(original, i).put("x_message", i);
        }
        message(original, 1).putObject("usage").put("input_tokens", 10).put("output_tokens", 20).put("cache_read_tokens", 7);
        message(original, 1).put("stop_reason", "a_reason_from_the_future");
        message(original, 3).put("status", "partial");
        Files.write(repository.fileOf(ID), JsonSupport.PRETTY_WRITER.writeValueAsBytes(original));
        // Compare with the tree as read back, where every number has the type a reader gives it.
        original = (ObjectNode) JsonSupport.MAPPER.readTree(repository.fileOf(ID).toFile());
    }

    @Test
    void anAppendKeepsEveryUnknownFieldAndChangesOnlyWhatItMust() throws IOException {
        Instant at = Instant.parse("2025-01-09T18:45:00Z");
        repository.append(ID, new AssistantMessage("msg_003", at, "Appended.", new TokenUsage(1, 2), StopReason.END_TURN));

        ObjectNode expected = original.deepCopy();
        expected.put("updated_at", "2025-01-09T18:45:00Z");
        messages(expected).addObject().put("id", "msg_003").put("role", "assistant").put("content", "Appended.")
                .put("timestamp", "2025-01-09T18:45:00Z")
                .<ObjectNode>set("usage", JsonSupport.MAPPER.createObjectNode().put("input_tokens", 1).put("output_tokens", 2))
                .put("stop_reason", "end_turn");
        assertThat(stored()).isEqualTo(expected);
    }

    @Test
    void valuesThisVersionCannotReadAreKeptUntilTheDomainSetsThem() throws IOException {
        Conversation loaded = repository.load(ID);
        AssistantMessage answer = (AssistantMessage) loaded.messages().get(1);
        ToolResult result = (ToolResult) loaded.messages().get(3);
        assertThat(answer.stopReason()).isNull();
        assertThat(answer.usage()).isEqualTo(new TokenUsage(10, 20));
        assertThat(result.status()).isNull();

        repository.update(ID, conversation -> {
            List<io.redux.domain.model.Message> messages = new ArrayList<>(conversation.messages());
            messages.set(1, new AssistantMessage(answer.id(), answer.timestamp(), answer.content(), new TokenUsage(11, 21),
                    StopReason.MAX_TOKENS));
            return new Conversation(conversation.id(), conversation.createdAt(), conversation.updatedAt(),
                    conversation.modelId(), conversation.region(), messages, conversation.metadata());
        });

        JsonNode stored = stored();
        assertThat(stored.get("messages").get(1).get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(stored.get("messages").get(1).get("usage").toString())
                .isEqualTo("{\"input_tokens\":11,\"output_tokens\":21,\"cache_read_tokens\":7}");
        assertThat(stored.get("messages").get(3).get("status").asText()).isEqualTo("partial");
        assertThat(stored.get("x_top")).isEqualTo(original.get("x_top"));
    }

    @Test
    void metadataChangesKeepTheUnknownMetadataFields() throws IOException {
        repository.update(ID, conversation -> conversation.withMetadata(
                conversation.metadata().withWorkingDirectory("/work/project").withIdentity(null, "123456789012", null)));

        ObjectNode expected = original.deepCopy();
        metadata(expected).remove("aws_profile");
        metadata(expected).remove("user_arn");
        metadata(expected).put("working_directory", "/work/project");
        assertThat(stored()).isEqualTo(expected);
    }

    @Test
    void aMessageTheDomainDropsLeavesTheFileWithItsUnknownFields() throws IOException {
        repository.update(ID, conversation -> new Conversation(conversation.id(), conversation.createdAt(),
                conversation.updatedAt(), conversation.modelId(), conversation.region(),
                conversation.messages().subList(0, 2), conversation.metadata()));

        ObjectNode expected = original.deepCopy();
        messages(expected).remove(3);
        messages(expected).remove(2);
        assertThat(stored()).isEqualTo(expected);
    }

    private JsonNode stored() throws IOException {
        return JsonSupport.MAPPER.readTree(repository.fileOf(ID).toFile());
    }

    private static ObjectNode metadata(ObjectNode tree) {
        return (ObjectNode) tree.get("metadata");
    }

    private static ArrayNode messages(ObjectNode tree) {
        return (ArrayNode) tree.get("messages");
    }

    private static ObjectNode message(ObjectNode tree, int index) {
        return (ObjectNode) messages(tree).get(index);
    }
}
