package io.redux.testkit;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.InferenceSettings;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ToolSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link ModelGateway} must do, whatever it talks to. An adapter's test extends this class and
 * implements the hooks by scripting whatever stands behind the gateway (a wire stub, a fake).
 *
 * <p>Each hook returns a gateway whose every call, until the test ends, answers as the hook says.
 */
public abstract class ModelGatewayContract {

    /** Text with multi-byte characters and several words, so a stub can split it anywhere. */
    protected static final String ANSWER = "Hello from the model: ünïcødé ✓, \"quotes\", and a\nsecond line.";
    protected static final TokenUsage USAGE = new TokenUsage(21, 13);

    /** A gateway that answers {@code text}, stopping with END_TURN and reporting {@code usage}. */
    protected abstract ModelGateway gatewayAnswering(String text, TokenUsage usage);

    /** A gateway that answers with no text and one tool use, stopping with TOOL_USE. */
    protected abstract ModelGateway gatewayAskingForTool(String toolUseId, String toolName, JsonValue.JsonObject input);

    /** A gateway whose calls fail the way the model service fails when {@code reason} applies. */
    protected abstract ModelGateway gatewayFailingWith(ModelInvocationException.Reason reason);

    /** The failures {@link #gatewayFailingWith} can stage; override to add the ones the adapter can map. */
    protected List<ModelInvocationException.Reason> stagedFailures() {
        return List.of(
                ModelInvocationException.Reason.ACCESS_DENIED,
                ModelInvocationException.Reason.MODEL_NOT_AVAILABLE,
                ModelInvocationException.Reason.THROTTLED,
                ModelInvocationException.Reason.INPUT_TOO_LONG);
    }

    /** The model named in requests. */
    protected ModelId model() {
        return ModelId.parse(ModelId.EXAMPLE);
    }

    protected ModelRequest request(String prompt) {
        JsonValue.JsonObject schema = new JsonValue.JsonObject(Map.of(
                "type", JsonValue.of("object"),
                "properties", new JsonValue.JsonObject(Map.of("path", new JsonValue.JsonObject(Map.of(
                        "type", JsonValue.of("string"))))),
                "required", new JsonValue.JsonArray(List.of(JsonValue.of("path")))));
        return new ModelRequest(model(), "You are a test.",
                List.of(new UserMessage("msg_1", Instant.parse("2025-01-09T18:00:00Z"), prompt)),
                List.of(new ToolSpec("file_read", "Reads a file", schema)),
                InferenceSettings.DEFAULTS);
    }

    @Test
    void streamedDeltasMakeUpTheAnswerAndAllComeBeforeTheStop() {
        List<ModelEvent> events = new CopyOnWriteArrayList<>();

        ModelResponse response = gatewayAnswering(ANSWER, USAGE).converseStream(request("Say hello"), events::add);

        StringBuilder streamed = new StringBuilder();
        events.stream().filter(ModelEvent.TextDelta.class::isInstance)
                .forEach(e -> streamed.append(((ModelEvent.TextDelta) e).text()));
        assertThat(streamed.toString()).isEqualTo(ANSWER);
        assertThat(response.text()).isEqualTo(ANSWER);
        assertThat(events).last().isInstanceOf(ModelEvent.Stop.class);
        assertThat(events).filteredOn(ModelEvent.Stop.class::isInstance).hasSize(1);
    }

    @Test
    void theStopEventCarriesTheStopReasonAndUsage() {
        List<ModelEvent> events = new CopyOnWriteArrayList<>();

        ModelResponse response = gatewayAnswering(ANSWER, USAGE).converseStream(request("Say hello"), events::add);

        assertThat(events).last().isEqualTo(new ModelEvent.Stop(StopReason.END_TURN, USAGE));
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(USAGE);
        assertThat(response.toolUses()).isEmpty();
    }

    @Test
    void converseGivesTheSameAnswerAsTheStream() {
        ModelGateway gateway = gatewayAnswering(ANSWER, USAGE);

        ModelResponse streamed = gateway.converseStream(request("Say hello"), event -> { });
        ModelResponse whole = gateway.converse(request("Say hello"));

        assertThat(whole).isEqualTo(streamed);
        assertThat(whole.text()).isEqualTo(ANSWER);
    }

    @Test
    void aToolUseArrivesAsOneCompleteEventWithItsInput() {
        JsonValue.JsonObject input = new JsonValue.JsonObject(Map.of(
                "path", JsonValue.of("/src/main.rs"),
                "start_line", new JsonValue.JsonNumber(BigDecimal.valueOf(3)),
                "options", new JsonValue.JsonArray(List.of(new JsonValue.JsonBoolean(true), JsonValue.JsonNull.INSTANCE))));
        List<ModelEvent> events = new CopyOnWriteArrayList<>();

        ModelResponse response = gatewayAskingForTool("tooluse_abc123", "file_read", input)
                .converseStream(request("Read main.rs"), events::add);

        ModelEvent.ToolUse expected = new ModelEvent.ToolUse("tooluse_abc123", "file_read", input);
        assertThat(events).filteredOn(ModelEvent.ToolUse.class::isInstance).containsExactly(expected);
        assertThat(events).last().isInstanceOf(ModelEvent.Stop.class);
        assertThat(((ModelEvent.Stop) events.get(events.size() - 1)).reason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.toolUses()).containsExactly(expected);
        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void converseReturnsTheToolUseToo() {
        JsonValue.JsonObject input = new JsonValue.JsonObject(Map.of("path", JsonValue.of("notes.txt")));

        ModelResponse response = gatewayAskingForTool("tooluse_xyz", "file_read", input).converse(request("Read it"));

        assertThat(response.toolUses()).containsExactly(new ModelEvent.ToolUse("tooluse_xyz", "file_read", input));
        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    /** A chat session stops a stream by throwing from its listener: the stream must stop and the throw come back. */
    @Test
    void anExceptionFromTheListenerStopsTheStreamAndReachesTheCaller() {
        RuntimeException stop = new IllegalStateException("listener gave up");
        List<ModelEvent> events = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> gatewayAnswering(ANSWER, USAGE).converseStream(request("Say hello"),
                event -> {
                    events.add(event);
                    throw stop;
                }));

        assertThat(thrown).isSameAs(stop);
        assertThat(events).hasSize(1);
    }

    /** Stored histories are often odd (crashes, interruptions, migrations); a gateway sends them repaired. */
    @Test
    void aHistoryThatNeedsRepairIsSentAndAnswered() {
        Instant t = Instant.parse("2025-01-09T18:00:00Z");
        List<Message> history = List.of(
                new AssistantMessage("msg_0", t, "An answer before any question"),
                new UserMessage("msg_1", t, "first"),
                new UserMessage("msg_2", t, "second"),
                new AssistantMessage("msg_3", t, ""),
                new ToolCall("call with spaces", t, "file_read", JsonValue.of("not an object")),
                new ToolResult("msg_4", t, "no such call", "orphan"),
                new UserMessage("msg_5", t, "Say hello"));
        ModelRequest messy = new ModelRequest(model(), null, history, request("unused").tools(), null);

        ModelResponse response = gatewayAnswering(ANSWER, USAGE).converse(messy);

        assertThat(response.text()).isEqualTo(ANSWER);
    }

    @TestFactory
    Stream<DynamicTest> failuresSurfaceAsModelInvocationExceptionsWithTheirReason() {
        return stagedFailures().stream().flatMap(reason -> Stream.of(
                DynamicTest.dynamicTest("converseStream fails with " + reason, () ->
                        assertThatThrownBy(() -> gatewayFailingWith(reason).converseStream(request("Hi"), event -> { }))
                                .isInstanceOfSatisfying(ModelInvocationException.class, e -> {
                                    assertThat(e.reason()).isEqualTo(reason);
                                    assertThat(e.getMessage()).isNotBlank();
                                })),
                DynamicTest.dynamicTest("converse fails with " + reason, () ->
                        assertThatThrownBy(() -> gatewayFailingWith(reason).converse(request("Hi")))
                                .isInstanceOfSatisfying(ModelInvocationException.class,
                                        e -> assertThat(e.reason()).isEqualTo(reason)))));
    }
}
