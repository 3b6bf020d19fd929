package io.redux.storage.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.Role;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationStateMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    private final ConversationStateMapper mapper = new ConversationStateMapper(new ObjectMapper());

    private ConversationStateMapper.Mapped map(String value) throws UnreadableRowException {
        return mapper.map(new SourceRow("conversations", "/work/project", null, value.getBytes(StandardCharsets.UTF_8), null, null), NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {SourceStore.BASIC, SourceStore.CHAINS, SourceStore.CANCELLED, SourceStore.COMPACTED})
    void everyFixtureMapsToAValidOrderedHistory(String fixture) throws Exception {
        ConversationStateMapper.Mapped mapped = map(SourceStore.fixture(fixture));

        assertThat(mapped.messages()).isNotEmpty();
        assertEveryResultAnswersAnEarlierCall(mapped.messages());
        for (int i = 1; i < mapped.messages().size(); i++) {
            assertThat(mapped.messages().get(i).timestamp()).isAfterOrEqualTo(mapped.messages().get(i - 1).timestamp());
        }
        assertThat(mapped.messages().stream().map(Message::id)).doesNotHaveDuplicates();
        assertThat(mapped.createdAt()).isEqualTo(mapped.messages().get(0).timestamp());
        assertThat(mapped.updatedAt()).isEqualTo(mapped.messages().get(mapped.messages().size() - 1).timestamp());
        assertThat(mapped.sourceModel()).startsWith("claude-");
        assertThat(mapped.repairs()).isZero();
    }

    @Test
    void promptsResponsesToolCallsAndResultsKeepTheirContentIdsAndTimes() throws Exception {
        ConversationStateMapper.Mapped mapped = map(SourceStore.fixture(SourceStore.BASIC));
        List<Message> messages = mapped.messages();

        assertThat(mapped.sourceConversationId()).isEqualTo("26a591e0-dd86-44ee-84e2-7c44ddda8fdb");
        assertThat(mapped.sourceModel()).isEqualTo("claude-opus-4.6-1m");
        UserMessage first = (UserMessage) messages.get(0);
        assertThat(first.content()).isEqualTo("Create hello world in three different languages, write them to files."
                + " Use c, python, and javascript");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-03-28T00:14:59.421838Z"));

        AssistantMessage intro = (AssistantMessage) messages.get(1);
        assertThat(intro.id()).isEqualTo("64aec3f2-62ff-44bb-a6e7-62843af13560");
        assertThat(intro.content()).isEqualTo("\n\nCreating all three files:");
        assertThat(intro.timestamp()).isEqualTo(Instant.ofEpochMilli(1774656906282L));

        ToolCall write = (ToolCall) messages.get(2);
        assertThat(write.id()).isEqualTo("tooluse_dhOLqLgbVkwuIOci0LtiWa");
        assertThat(write.toolName()).isEqualTo("fs_write");
        assertThat(((JsonValue.JsonObject) write.arguments()).getString("command")).isEqualTo("create");

        ToolResult echo = messages.stream().filter(ToolResult.class::isInstance).map(ToolResult.class::cast)
                .filter(r -> r.toolCallId().equals("tooluse_qucUidjMAJRLux6esxsCtM")).findFirst().orElseThrow();
        assertThat(echo.content()).isEqualTo("{\"exit_status\":\"0\",\"stdout\":\"Hello, World!\\n\",\"stderr\":\"\"}");
        assertThat(echo.status()).isEqualTo(ToolResultStatus.SUCCESS);
        assertThat(echo.timestamp()).isEqualTo(Instant.ofEpochMilli(1774656933953L));

        // 10 entries: 5 prompts, 5 answers; 7 tool uses, each answered.
        assertThat(messages.stream().filter(m -> m.role() == Role.USER)).hasSize(5);
        assertThat(messages.stream().filter(m -> m.role() == Role.TOOL_CALL)).hasSize(7);
        assertThat(messages.stream().filter(m -> m.role() == Role.TOOL_RESULT)).hasSize(7);
    }

    @Test
    void cancelledToolUsesBecomeErrorResultsFollowedByThePrompt() throws Exception {
        List<Message> messages = map(SourceStore.fixture(SourceStore.CANCELLED)).messages();

        int cancelled = indexOf(messages, m -> m instanceof ToolResult r && r.toolCallId().equals("tooluse_9EUOdtYbOnsRomsIZYz9r7"));
        ToolResult result = (ToolResult) messages.get(cancelled);
        assertThat(result.status()).isEqualTo(ToolResultStatus.ERROR);
        assertThat(result.content()).isEqualTo("Tool use was cancelled by the user");
        assertThat(messages.get(cancelled + 1)).isInstanceOfSatisfying(UserMessage.class,
                user -> assertThat(user.content()).isEqualTo("thats cool"));
    }

    @Test
    void theCompactSummaryIsAnAssistantMessageWhereCompactRan() throws Exception {
        List<Message> messages = map(SourceStore.fixture(SourceStore.COMPACTED)).messages();

        int summary = indexOf(messages, m -> m.id().equals(ConversationStateMapper.SUMMARY_ID));
        assertThat(messages.get(summary)).isInstanceOfSatisfying(AssistantMessage.class, message -> {
            assertThat(message.content()).startsWith(ConversationStateMapper.SUMMARY_PREFIX + "## OBJECTIVE");
            assertThat(message.timestamp()).isEqualTo(Instant.ofEpochMilli(1774658413600L));
        });
        // /compact ran after the fourth answer and before the last prompt.
        assertThat(messages.get(summary - 1).id()).isEqualTo("21fd78b5-3e47-4106-8865-76b77337145f");
        assertThat(messages.get(summary + 1)).isInstanceOfSatisfying(UserMessage.class,
                user -> assertThat(user.content()).isEqualTo("what have we talked about so far?"));
    }

    @Test
    void aSummaryWithoutATimeComesFirst() throws Exception {
        List<Message> messages = map("""
                {"conversation_id":"c","history":[%s],"latest_summary":"We fixed the build."}
                """.formatted(promptEntry("next?", "2026-01-01T10:00:00Z"))).messages();

        assertThat(messages.get(0).id()).isEqualTo(ConversationStateMapper.SUMMARY_ID);
        assertThat(messages.get(0).text()).endsWith("We fixed the build.");
        assertThat(messages.get(1).text()).isEqualTo("next?");
    }

    @Test
    void unknownFieldsAnywhereAreIgnored() throws Exception {
        String withExtras = SourceStore.fixture(SourceStore.BASIC)
                .replaceFirst("\\{\"conversation_id\"", "{\"brand_new\":{\"nested\":[1,2]},\"conversation_id\"")
                .replace("\"orig_name\":", "\"risk_level\":\"low\",\"orig_name\":")
                .replace("\"images\":null", "\"images\":null,\"attachments\":[]");

        ConversationStateMapper.Mapped mapped = map(withExtras);

        assertThat(mapped.messages()).hasSameSizeAs(map(SourceStore.fixture(SourceStore.BASIC)).messages());
    }

    @Test
    void theLegacyModelFieldAndPairEntriesOfOlderVersionsAreRead() throws Exception {
        ConversationStateMapper.Mapped mapped = map("""
                {"conversation_id":"0f0e0d0c-0b0a-4909-8807-060504030201","model":"CLAUDE_3_7_SONNET_20250219_V1_0",
                 "history":[[
                   {"additional_context":"","env_context":{"env_state":null},"content":{"Prompt":{"prompt":"hi"}},"timestamp":null,"images":null},
                   {"Response":{"message_id":null,"content":"hello"}}
                 ]]}
                """);

        assertThat(mapped.sourceModel()).isEqualTo("CLAUDE_3_7_SONNET_20250219_V1_0");
        assertThat(mapped.messages()).extracting(Message::text).containsExactly("hi", "hello");
        // No time anywhere in the document: the migration's clock.
        assertThat(mapped.messages()).allSatisfy(m -> assertThat(m.timestamp()).isEqualTo(NOW));
    }

    @Test
    void imagesBecomeAShortPlaceholderAndAreCounted() throws Exception {
        ConversationStateMapper.Mapped mapped = map("""
                {"conversation_id":"c","history":[{
                   "user":{"content":{"Prompt":{"prompt":"what is in this picture?"}},"timestamp":"2026-01-01T10:00:00+01:00",
                           "images":[{"format":"Png","source":{"Bytes":[137,80,78,71,13,10,26,10,0,0,0,13]}},
                                     {"format":"Jpeg","source":{"Bytes":[255,216,255]}}]},
                   "assistant":{"Response":{"message_id":"a1","content":"A cat."}},"request_metadata":null}]}
                """);

        assertThat(mapped.imagesReplaced()).isEqualTo(2);
        assertThat(mapped.messages().get(0).text())
                .isEqualTo("what is in this picture?\n\n[image: png, 12 bytes]\n[image: jpeg, 3 bytes]")
                .doesNotContain("137");
    }

    @Test
    void aScreenshotSizedImageIsCountedWithoutKeepingItsBytes() throws Exception {
        String bytes = String.join(",", java.util.Collections.nCopies(300_000, "255"));
        ConversationStateMapper.Mapped mapped = map("""
                {"conversation_id":"c","history":[{
                   "user":{"content":{"Prompt":{"prompt":"see"}},"timestamp":null,
                           "images":[{"format":"Png","source":{"Bytes":[%s]}}]},
                   "assistant":{"Response":{"message_id":"a1","content":"ok"}}}]}
                """.formatted(bytes));

        assertThat(mapped.messages().get(0).text()).isEqualTo("see\n\n[image: png, 300000 bytes]");
    }

    @Test
    void aDanglingToolUseGetsAnErrorResultAndAnOrphanResultAPlaceholderCall() throws Exception {
        ConversationStateMapper.Mapped mapped = map("""
                {"conversation_id":"c","history":[
                  {"user":{"content":{"ToolUseResults":{"tool_use_results":[
                      {"tool_use_id":"tooluse_trimmed","content":[{"Text":"old output"}],"status":"Success"}]}},"timestamp":null,"images":null},
                   "assistant":{"ToolUse":{"message_id":"a1","content":"","tool_uses":[{"id":"t1","name":"fs_read","args":{"path":"/x"}}]}},
                   "request_metadata":{"request_start_timestamp_ms":1000,"stream_end_timestamp_ms":2000}},
                  %s
                ]}
                """.formatted(promptEntry("never mind", "2026-01-01T10:00:00Z")));
        List<Message> messages = mapped.messages();

        assertThat(mapped.repairs()).isEqualTo(2);
        assertEveryResultAnswersAnEarlierCall(messages);
        assertThat(messages.get(0)).isInstanceOfSatisfying(ToolCall.class,
                call -> assertThat(call.toolName()).isEqualTo(ConversationStateMapper.PLACEHOLDER_TOOL_NAME));
        assertThat(messages.get(1)).isInstanceOfSatisfying(ToolResult.class,
                result -> assertThat(result.content()).isEqualTo("old output"));
        assertThat(messages.get(3)).isInstanceOfSatisfying(ToolResult.class, result -> {
            assertThat(result.toolCallId()).isEqualTo("t1");
            assertThat(result.isError()).isTrue();
        });
        assertThat(messages.get(4).text()).isEqualTo("never mind");
    }

    @Test
    void aToolUseIdUsedTwiceGetsADerivedIdAndItsResultFollowsIt() throws Exception {
        String turn = """
                {"user":{"content":{"Prompt":{"prompt":"again"}},"timestamp":null,"images":null},
                 "assistant":{"ToolUse":{"message_id":null,"content":"","tool_uses":[{"id":"t1","name":"ls","args":{}}]}}},
                {"user":{"content":{"ToolUseResults":{"tool_use_results":[{"tool_use_id":"t1","content":[{"Text":"ok"}],"status":"Success"}]}},"timestamp":null,"images":null},
                 "assistant":{"Response":{"message_id":null,"content":"done"}}}""";
        ConversationStateMapper.Mapped mapped = map("{\"conversation_id\":\"c\",\"history\":[" + turn + "," + turn + "]}");

        List<String> callIds = mapped.messages().stream().filter(ToolCall.class::isInstance).map(Message::id).toList();
        assertThat(callIds).containsExactly("t1", "t1-2");
        assertThat(mapped.messages().stream().filter(ToolResult.class::isInstance).map(m -> ((ToolResult) m).toolCallId()))
                .containsExactly("t1", "t1-2");
        assertThat(mapped.repairs()).isEqualTo(1);
        assertEveryResultAnswersAnEarlierCall(mapped.messages());
    }

    @Test
    void aPendingNextMessageIsKept() throws Exception {
        List<Message> messages = map("""
                {"conversation_id":"c","history":[],"next_message":
                  {"content":{"Prompt":{"prompt":"unanswered question"}},"timestamp":"2026-01-01T10:00:00Z","images":null}}
                """).messages();

        assertThat(messages).extracting(Message::text).containsExactly("unanswered question");
    }

    @Test
    void v2ColumnsGiveTheConversationItsCreationAndUpdateTimes() throws Exception {
        ConversationStateMapper.Mapped mapped = mapper.map(new SourceRow("conversations_v2", "/p", "id-1",
                ("{\"history\":[" + promptEntry("hi", "2026-01-01T10:00:00Z") + "]}").getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L, 1_800_000_000_000L), NOW);

        assertThat(mapped.sourceConversationId()).isEqualTo("id-1");
        assertThat(mapped.createdAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_800_000_000_000L));
    }

    @Test
    void invalidJsonIsReportedByPositionWithoutQuotingTheContent() {
        assertThatThrownBy(() -> map("{\"conversation_id\": \"c\", \"history\": [ sk-SECRET-TOKEN"))
                .isInstanceOf(UnreadableRowException.class)
                .hasMessageStartingWith("the value is not valid JSON (line 1, column")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void aDocumentEndingInsideAnImagesBytesIsInvalidJson() {
        assertThatThrownBy(() -> map("{\"history\":[{\"user\":{\"images\":[{\"source\":{\"Bytes\":[137,80"))
                .isInstanceOf(UnreadableRowException.class)
                .hasMessageStartingWith("the value is not valid JSON (line 1, column");
    }

    @Test
    void aDocumentThatIsNotAConversationStateIsReported() {
        assertThatThrownBy(() -> map("[1,2,3]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> map("{\"history\":[]} {}")).hasMessageContaining("more after its JSON document");
        assertThatThrownBy(() -> map("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> map("{\"foo\":1}")).hasMessageContaining("no \"history\" array");
        assertThatThrownBy(() -> map("{\"history\":[{\"user\":{\"content\":{\"Telepathy\":{}}},\"assistant\":{\"Response\":{}}}]}"))
                .hasMessageContaining("history entry 0: unknown user content kind \"Telepathy\"");
    }

    private static String promptEntry(String prompt, String timestamp) {
        return """
                {"user":{"content":{"Prompt":{"prompt":"%s"}},"timestamp":"%s","images":null},
                 "assistant":{"Response":{"message_id":null,"content":"ok"}},"request_metadata":null}""".formatted(prompt, timestamp);
    }

    static void assertEveryResultAnswersAnEarlierCall(List<Message> messages) {
        Set<String> calls = new HashSet<>();
        for (Message message : messages) {
            if (message instanceof ToolCall) {
                calls.add(message.id());
            } else if (message instanceof ToolResult result) {
                assertThat(calls).as("tool_result %s answers an earlier tool_call", result.id()).contains(result.toolCallId());
            }
        }
    }

    private static int indexOf(List<Message> messages, java.util.function.Predicate<Message> test) {
        for (int i = 0; i < messages.size(); i++) {
            if (test.test(messages.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such message");
    }
}
