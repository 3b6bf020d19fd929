package io.redux.aws;

import io.redux.aws.http.NetworkSettings;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A stream that breaks is a failure, never an answer: cut short, an exception inside it, bytes that are not events,
 * a tool call whose input is not JSON, a stall. Retried like its HTTP counterpart while nothing reached the listener.
 */
class BedrockStreamFaultTest {

    private static final String MODEL = "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0";

    private final BedrockRuntimeStub stub = new BedrockRuntimeStub();
    private final BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.against(stub.endpoint()));
    private final List<ModelEvent> events = new CopyOnWriteArrayList<>();
    private final ModelStreamListener listener = events::add;

    @AfterEach
    void close() {
        gateway.close();
        stub.close();
    }

    private ModelInvocationException streamFails() {
        return catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converseStream(ask(MODEL, "hi"), listener));
    }

    @Test
    void aStreamCutAfterTextIsAFailureNotAnAnswer() {
        // messageStart and one delta, then the connection ends: no messageStop, no metadata.
        stub.enqueue(StubReply.text("The first half", " and the rest").withCutAfter(2), StubReply.text("never"));

        ModelInvocationException error = streamFails();

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains(MODEL).contains("ended");
        assertThat(events).containsExactly(new ModelEvent.TextDelta("The first half"));
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void aStreamCutBeforeAnythingWasShownIsTriedAgain() {
        stub.enqueue(StubReply.text("lost").withCutAfter(1), StubReply.text("second try"));

        ModelResponse response = gateway.converseStream(ask(MODEL, "hi"), listener);

        assertThat(response.text()).isEqualTo("second try");
        assertThat(stub.modelRequests()).hasSize(2);
    }

    @Test
    void aStreamCutBetweenMessageStopAndMetadataIsAFailure() {
        // messageStart, delta, contentBlockStop, messageStop: the usage never came.
        stub.enqueue(StubReply.text("all of it").withCutAfter(4), StubReply.text("never"));

        ModelInvocationException error = streamFails();

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains(MODEL).contains("ended");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void aToolCallWhoseInputIsNotJsonIsAnErrorNeverDropped() {
        stub.enqueue(StubReply.text("Let me look.").andToolUse("tooluse_1", "get_weather", "{\"city\":", "\"Par"),
                StubReply.text("never"));

        ModelInvocationException error = streamFails();

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("get_weather", "not valid JSON", "Unexpected end-of-input")
                .doesNotContain("Exception", "Source");
        assertThat(events).noneMatch(ModelEvent.ToolUse.class::isInstance);
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void aToolCallWhoseInputIsAbsurdlyDeepIsAnError() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        stub.enqueue(StubReply.toolUse("tooluse_1", "file_write", "{\"a\":", deep + "}"));

        ModelInvocationException error = streamFails();

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("file_write").contains("deep");
        assertThat(events).noneMatch(ModelEvent.ToolUse.class::isInstance);
    }

    @Test
    void aToolCallWhoseInputIsAbsurdlyLongIsAnError() {
        String chunk = "\"" + "x".repeat(1 << 20) + "\"";
        stub.enqueue(StubReply.toolUse("tooluse_1", "file_write", "{\"a\":[", chunk + ",", chunk + ",", chunk + "]}"));

        ModelInvocationException error = streamFails();

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("file_write").contains("long");
        assertThat(events).noneMatch(ModelEvent.ToolUse.class::isInstance);
    }

    @Test
    void throttlingInsideTheStreamIsRetriedLikeA429() {
        stub.enqueue(StubReply.text("lost").withStreamFailure(1, StubError.THROTTLING), StubReply.text("second try"));

        assertThat(gateway.converseStream(ask(MODEL, "hi"), listener).text()).isEqualTo("second try");
        assertThat(stub.modelRequests()).hasSize(2);
    }

    @Test
    void throttlingInsideEveryStreamEndsAsThrottledAfterEveryTry() {
        for (int i = 0; i < 4; i++) {
            stub.enqueue(StubReply.text("lost").withStreamFailure(1, StubError.THROTTLING));
        }

        ModelInvocationException error = streamFails();

        assertThat(error.reason()).isEqualTo(Reason.THROTTLED);
        assertThat(error.getMessage()).contains("after 4 tries").doesNotContain("rejected");
        assertThat(stub.modelRequests()).hasSize(4);
    }

    @Test
    void serverSideExceptionsInsideTheStreamAreRetriedThenServiceUnavailable() {
        for (StubError failure : new StubError[] {StubError.MODEL_STREAM_ERROR, StubError.INTERNAL,
                StubError.SERVICE_UNAVAILABLE}) {
            try (BedrockRuntimeStub own = new BedrockRuntimeStub();
                 BedrockModelGateway fresh = new BedrockModelGateway(TestGateways.against(own.endpoint()))) {
                for (int i = 0; i < 4; i++) {
                    own.enqueue(StubReply.text("lost").withStreamFailure(1, failure));
                }
                ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                        () -> fresh.converseStream(ask(MODEL, "hi"), listener));

                assertThat(error.reason()).as(failure.type()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
                assertThat(error.getMessage()).as(failure.type()).contains("after 4 tries").doesNotContain("rejected");
                assertThat(own.modelRequests()).as(failure.type()).hasSize(4);
            }
        }
    }

    @Test
    void aValidationExceptionInsideTheStreamIsNotRetried() {
        stub.enqueue(StubReply.text("lost").withStreamFailure(1, StubError.VALIDATION), StubReply.text("never"));

        ModelInvocationException error = streamFails();

        assertThat(error.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(error.getMessage()).contains("The provided request is not valid");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void bytesThatAreNotAnEventStreamAreAFailure() {
        stub.enqueue(StubReply.text("Hello", " there").withFault(2, new StubReply.Garbage()), StubReply.text("never"));

        ModelInvocationException error = streamFails();

        assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(error.getMessage()).contains(stub.endpoint().toString(), "its answer is not an AWS event stream")
                .doesNotContain("checksum");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void aStallAfterTextSaysTheModelStoppedSendingAndForHowLong() {
        NetworkSettings shortStall = NetworkSettings.DIRECT.withReadTimeout(Duration.ofMillis(300));
        try (BedrockModelGateway impatient = new BedrockModelGateway(TestGateways.against(stub.endpoint())
                .withNetwork(shortStall))) {
            stub.enqueue(StubReply.text("The first half", " and the rest")
                    .withStallAfter(2, StubReply.Stall.FOREVER), StubReply.text("never"));

            ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                    () -> impatient.converseStream(ask(MODEL, "hi"), listener));

            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("stopped sending", MODEL, stub.endpoint().toString(), "0.3 s")
                    .doesNotContain("ReadTimeoutException");
            assertThat(events).containsExactly(new ModelEvent.TextDelta("The first half"));
            assertThat(stub.modelRequests()).hasSize(1);
        }
    }
}
