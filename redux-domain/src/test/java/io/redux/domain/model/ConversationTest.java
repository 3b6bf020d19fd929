package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
    private static final Instant T0 = Instant.parse("2025-01-09T18:00:00Z");

    @Test
    void startsEmptyInTheModelsRegion() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0);

        assertThat(conversation.messages()).isEmpty();
        assertThat(conversation.region()).isEqualTo("us-east-1");
        assertThat(conversation.createdAt()).isEqualTo(T0).isEqualTo(conversation.updatedAt());
    }

    @Test
    void appendingMovesUpdatedAtToTheMessageAndLeavesTheOriginalUnchanged() {
        Conversation empty = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0);
        Instant later = T0.plusSeconds(5);

        Conversation grown = empty.append(new UserMessage("msg_001", later, "Hello"));

        assertThat(grown.messages()).hasSize(1);
        assertThat(grown.updatedAt()).isEqualTo(later);
        assertThat(empty.messages()).isEmpty();
    }

    @Test
    void updatedAtNeverMovesBack() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new UserMessage("msg_001", T0.minusSeconds(60), "from a skewed clock"));

        assertThat(conversation.updatedAt()).isEqualTo(T0);
    }

    @Test
    void refusesTwoMessagesWithOneId() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new UserMessage("msg_001", T0, "one"));

        assertThatThrownBy(() -> conversation.append(new AssistantMessage("msg_001", T0, "two")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("msg_001");
    }

    @Test
    void refusesAToolResultWithoutItsToolCall() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0);

        assertThatThrownBy(() -> conversation.append(new ToolResult("r1", T0, "missing_call", "out")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing_call");
    }

    @Test
    void acceptsAToolResultAfterItsToolCall() {
        JsonValue args = new JsonValue.JsonObject(Map.of("path", JsonValue.of("/src/main.rs")));

        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new ToolCall("tool_call_001", T0, "file_read", args))
                .append(new ToolResult("tool_result_001", T0, "tool_call_001", "File contents here..."));

        assertThat(conversation.messages()).extracting(Message::role).containsExactly(Role.TOOL_CALL, Role.TOOL_RESULT);
    }

    @Test
    void titleIsTheFirstUserPromptOnOneShortLine() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new AssistantMessage("a0", T0, "Welcome"))
                .append(new UserMessage("u1", T0, "  Explain this stack trace, which is rather long and goes on and on and on and on  "));

        assertThat(conversation.title())
                .startsWith("Explain this stack trace")
                .hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH)
                .endsWith("…")
                .doesNotContain("\n");
    }

    @Test
    void titleIsTheFirstLineOfThePromptNotTheInputPipedAfterIt() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new UserMessage("u1", T0, "\n Review this change\n\n<stdin>\ndiff --git a/README.md b/README.md\n</stdin>"));

        assertThat(conversation.title()).isEqualTo("Review this change");
    }

    @Test
    void switchingTheModelMovesTheRegionWithIt() {
        Conversation conversation = Conversation.start(ID, MODEL, ConversationMetadata.EMPTY, T0)
                .withModel(ModelId.parse("custom:eu-west-1:bedrock:claude-3-haiku:1"), T0.plusSeconds(1));

        assertThat(conversation.region()).isEqualTo("eu-west-1");
        assertThat(conversation.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void messagesCannotBeChangedFromOutside() {
        Conversation conversation = new Conversation(ID, T0, T0, MODEL, null, List.of(), null);

        assertThatThrownBy(() -> conversation.messages().add(new UserMessage("x", T0, "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
