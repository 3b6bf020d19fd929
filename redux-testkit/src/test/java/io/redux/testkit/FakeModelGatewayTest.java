package io.redux.testkit;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeModelGatewayTest extends ModelGatewayContract {

    private static final int CALLS_PER_TEST = 4;

    @Override
    protected ModelGateway gatewayAnswering(String text, TokenUsage usage) {
        FakeModelGateway.Builder builder = FakeModelGateway.builder();
        IntStream.range(0, CALLS_PER_TEST).forEach(i -> builder.answer(text, usage));
        return builder.build();
    }

    @Override
    protected ModelGateway gatewayAskingForTool(String toolUseId, String toolName, JsonValue.JsonObject input) {
        FakeModelGateway.Builder builder = FakeModelGateway.builder();
        IntStream.range(0, CALLS_PER_TEST).forEach(i -> builder.toolUse(toolUseId, toolName, input));
        return builder.build();
    }

    @Override
    protected ModelGateway gatewayFailingWith(ModelInvocationException.Reason reason) {
        FakeModelGateway.Builder builder = FakeModelGateway.builder();
        IntStream.range(0, CALLS_PER_TEST).forEach(i -> builder.failure(reason));
        return builder.build();
    }

    @Override
    protected List<ModelInvocationException.Reason> stagedFailures() {
        return List.of(ModelInvocationException.Reason.values());
    }

    @Test
    void recordsEveryRequestInOrder() {
        FakeModelGateway gateway = FakeModelGateway.builder().answer("one").answer("two").build();

        gateway.converse(request("first"));
        gateway.converseStream(request("second"), event -> { });

        assertThat(gateway.requests()).extracting(r -> r.history().get(0).text()).containsExactly("first", "second");
        assertThat(gateway.lastRequest().history().get(0).text()).isEqualTo("second");
        assertThat(gateway.remainingSteps()).isZero();
    }

    @Test
    void streamsTextInTheScriptedDeltas() {
        FakeModelGateway gateway = FakeModelGateway.builder().answerInDeltas("Hel", "lo", "!").build();
        List<ModelEvent> events = new ArrayList<>();

        gateway.converseStream(request("hi"), events::add);

        assertThat(events).containsExactly(new ModelEvent.TextDelta("Hel"), new ModelEvent.TextDelta("lo"),
                new ModelEvent.TextDelta("!"), new ModelEvent.Stop(StopReason.END_TURN, FakeModelGateway.DEFAULT_USAGE));
    }

    @Test
    void splitsAnAnswerIntoWordSizedDeltas() {
        FakeModelGateway gateway = FakeModelGateway.builder().answer("a bc d").build();
        List<ModelEvent> events = new ArrayList<>();

        gateway.converseStream(request("hi"), events::add);

        assertThat(events).startsWith(new ModelEvent.TextDelta("a "), new ModelEvent.TextDelta("bc "),
                new ModelEvent.TextDelta("d"));
    }

    @Test
    void aFailureAfterSomeDeltasStreamsThemAndThenThrows() {
        ModelInvocationException error = new ModelInvocationException(
                ModelInvocationException.Reason.SERVICE_UNAVAILABLE, "gone");
        FakeModelGateway gateway = FakeModelGateway.builder().failureAfter(error, "par", "tial").build();
        List<ModelEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> gateway.converseStream(request("hi"), events::add)).isSameAs(error);
        assertThat(events).containsExactly(new ModelEvent.TextDelta("par"), new ModelEvent.TextDelta("tial"));
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedFailure() {
        FakeModelGateway gateway = FakeModelGateway.builder().answer("never seen").build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> gateway.converseStream(request("hi"), event -> { }))
                    .isInstanceOfSatisfying(ModelInvocationException.class,
                            e -> assertThat(e.reason()).isEqualTo(ModelInvocationException.Reason.INTERRUPTED));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTurnCanHaveTextAndAToolUse() {
        JsonValue.JsonObject input = new JsonValue.JsonObject(java.util.Map.of("path", JsonValue.of("a.txt")));
        FakeModelGateway gateway = FakeModelGateway.builder()
                .textThenToolUse("Let me look.", "tooluse_1", "file_read", input).build();

        ModelResponse response = gateway.converse(request("hi"));

        assertThat(response.text()).isEqualTo("Let me look.");
        assertThat(response.toolUses()).containsExactly(new ModelEvent.ToolUse("tooluse_1", "file_read", input));
        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void runningOutOfScriptIsAClearError() {
        FakeModelGateway gateway = FakeModelGateway.builder().answer("only one").build();
        gateway.converse(request("first"));

        assertThatThrownBy(() -> gateway.converse(request("second")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call 2 has no scripted answer")
                .hasMessageContaining("\"second\"");
    }

    @Test
    void stepsCanBeAddedAsTheTestGoes() {
        FakeModelGateway gateway = FakeModelGateway.builder().build();

        gateway.then(FakeModelGateway.answer("late"));

        assertThat(gateway.converse(request("hi")).text()).isEqualTo("late");
    }

    @Test
    void isSafeToCallFromManyThreads() throws Exception {
        int calls = 200;
        FakeModelGateway.Builder builder = FakeModelGateway.builder();
        IntStream.range(0, calls).forEach(i -> builder.answer("answer " + i));
        FakeModelGateway gateway = builder.build();
        List<Thread> threads = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < calls / 4; i++) {
                    answers.add(gateway.converse(request("hi")).text());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(answers).hasSize(calls).doesNotHaveDuplicates();
        assertThat(gateway.requests()).hasSize(calls);
        assertThat(gateway.remainingSteps()).isZero();
    }
}
