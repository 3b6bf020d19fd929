package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockModelGatewayTest {

    private static final String CLAUDE = "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0";

    private final BedrockRuntimeStub stub = new BedrockRuntimeStub();
    private final BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.against(stub.endpoint()));
    private final List<ModelEvent> events = new CopyOnWriteArrayList<>();
    private final ModelStreamListener listener = events::add;

    @AfterEach
    void close() {
        gateway.close();
        stub.close();
    }

    @Test
    void streamsTextDeltasInOrderThenOneStopWithUsage() {
        stub.enqueue(StubReply.text("Hel", "lo", " there").withUsage(12, 3));

        ModelResponse response = gateway.converseStream(ask(CLAUDE, "hi"), listener);

        assertThat(events).containsExactly(new ModelEvent.TextDelta("Hel"), new ModelEvent.TextDelta("lo"),
                new ModelEvent.TextDelta(" there"), new ModelEvent.Stop(StopReason.END_TURN, new TokenUsage(12, 3)));
        assertThat(response.text()).isEqualTo("Hello there");
        assertThat(response.usage()).isEqualTo(new TokenUsage(12, 3));
    }

    @Test
    void sendsTheRoutedModelIdentifierAndThePrompt() {
        gateway.converseStream(ask(CLAUDE, "what is 2+2?"), listener);

        assertThat(BedrockRuntimeStub.modelIdOf(stub.lastRequest())).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(stub.lastRequest().path()).endsWith("/converse-stream");
        assertThat(stub.lastRequest().bodyText()).contains("what is 2+2?");
        assertThat(stub.lastRequest().header("Authorization")).contains("Credential=AKIAFAKEFORTESTS0001/");
    }

    @Test
    void assemblesAToolUseFromItsStreamedJsonInput() {
        stub.enqueue(StubReply.text("Let me look.").andToolUse("tooluse_1", "get_weather", "{\"city\":", "\"Paris\",\"days\":", "3}"));

        ModelResponse response = gateway.converseStream(ask(CLAUDE, "weather?"), listener);

        ModelEvent.ToolUse expected = new ModelEvent.ToolUse("tooluse_1", "get_weather", new JsonValue.JsonObject(
                Map.of("city", JsonValue.of("Paris"), "days", new JsonValue.JsonNumber(new BigDecimal("3")))));
        assertThat(events).contains(expected);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ModelEvent.Stop.class);
        assertThat(response.toolUses()).containsExactly(expected);
        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.text()).isEqualTo("Let me look.");
    }

    @Test
    void converseAnswersTextAndToolUseInOnePieceCollectedFromTheStream() {
        stub.enqueue(StubReply.text("Checking.").andToolUse("t2", "file_read", "{\"path\":\"/a\"}").withUsage(5, 7));

        ModelResponse response = gateway.converse(ask(CLAUDE, "read /a"));

        assertThat(stub.lastRequest().path()).endsWith("/converse-stream");
        assertThat(response.text()).isEqualTo("Checking.");
        assertThat(response.toolUses()).containsExactly(new ModelEvent.ToolUse("t2", "file_read",
                new JsonValue.JsonObject(Map.of("path", JsonValue.of("/a")))));
        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.usage()).isEqualTo(new TokenUsage(5, 7));
    }

    @Test
    void throttledTwiceThenSuccessGivesOneAnswerWithoutDuplicatedText() {
        stub.throttle(2).enqueue(StubReply.text("only ", "once"));

        ModelResponse response = gateway.converseStream(ask(CLAUDE, "hi"), listener);

        assertThat(stub.modelRequests()).hasSize(3);
        assertThat(response.text()).isEqualTo("only once");
        assertThat(events.stream().filter(ModelEvent.TextDelta.class::isInstance)).hasSize(2);
    }

    @Test
    void givesUpOnThrottlingAfterTheConfiguredTriesAndSaysSo() {
        stub.throttle(10);

        assertThatThrownBy(() -> gateway.converse(ask(CLAUDE, "hi")))
                .isInstanceOfSatisfying(ModelInvocationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.THROTTLED))
                .hasMessageContaining("after 4 tries");
        assertThat(stub.modelRequests()).hasSize(4);
    }

    @Test
    void retriesAStreamThatFailsBeforeItsFirstToken() {
        stub.enqueue(StubReply.text("lost").withStreamFailure(1, StubError.INTERNAL), StubReply.text("second try"));

        ModelResponse response = gateway.converseStream(ask(CLAUDE, "hi"), listener);

        assertThat(response.text()).isEqualTo("second try");
        assertThat(stub.modelRequests()).hasSize(2);
    }

    @Test
    void doesNotRetryAStreamThatFailedAfterTextReachedTheListener() {
        stub.enqueue(StubReply.text("part one", " part two").withStreamFailure(2, StubError.THROTTLING),
                StubReply.text("never sent"));

        assertThatThrownBy(() -> gateway.converseStream(ask(CLAUDE, "hi"), listener))
                .isInstanceOf(ModelInvocationException.class);
        assertThat(stub.modelRequests()).hasSize(1);
        assertThat(events).containsExactly(new ModelEvent.TextDelta("part one"));
    }

    @Test
    void withoutAScriptTheStubEchoesThePromptInSeveralChunks() {
        ModelResponse response = gateway.converseStream(ask(CLAUDE, "ping pong"), listener);

        assertThat(response.text()).contains("ping pong");
        assertThat(events.stream().filter(ModelEvent.TextDelta.class::isInstance).count()).isGreaterThan(2);
    }

    @Test
    void sendsSystemPromptInferenceSettingsAndToolSchemas() {
        ModelRequest base = ask(CLAUDE, "hi");
        ModelRequest request = new ModelRequest(base.model(), "Be brief.", base.history(),
                List.of(new io.redux.domain.port.ToolSpec("file_read", "Reads a file", new JsonValue.JsonObject(Map.of(
                        "type", JsonValue.of("object"),
                        "properties", new JsonValue.JsonObject(Map.of("path", new JsonValue.JsonObject(Map.of("type", JsonValue.of("string"))))))))),
                new io.redux.domain.port.InferenceSettings(256, 0.2));

        gateway.converseStream(request, listener);

        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) stub.lastRequest().bodyJson();
        assertThat(body.get("system")).isEqualTo(List.of(Map.of("text", "Be brief.")));
        assertThat(body.get("inferenceConfig").toString()).contains("maxTokens=256").contains("temperature=0.2");
        assertThat(body.get("toolConfig")).isEqualTo(Map.of("tools", List.of(Map.of("toolSpec", Map.of(
                "name", "file_read", "description", "Reads a file", "inputSchema", Map.of("json", Map.of(
                        "type", "object", "properties", Map.of("path", Map.of("type", "string")))))))));
    }
}
