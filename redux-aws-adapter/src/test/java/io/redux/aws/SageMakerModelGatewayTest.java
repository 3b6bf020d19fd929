package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.InferenceSettings;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.testkit.stub.SageMakerRuntimeStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SageMakerModelGatewayTest {

    private static final String ENDPOINT = "custom:eu-west-1:sagemaker:llama-chat:latest";

    private final SageMakerRuntimeStub stub = new SageMakerRuntimeStub();
    private final SageMakerModelGateway gateway = new SageMakerModelGateway(TestGateways.against(stub.endpoint()));
    private final List<ModelEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        gateway.close();
        stub.close();
    }

    @Test
    void streamsTextFromServerSentEventsSplitAcrossPayloadParts() {
        stub.enqueue(StubReply.text("Bon", "jour", "!").withUsage(9, 3));

        ModelResponse response = gateway.converseStream(ask(ENDPOINT, "say hello in French"), events::add);

        assertThat(events).containsExactly(new ModelEvent.TextDelta("Bon"), new ModelEvent.TextDelta("jour"),
                new ModelEvent.TextDelta("!"), new ModelEvent.Stop(StopReason.END_TURN, new TokenUsage(9, 3)));
        assertThat(response.text()).isEqualTo("Bonjour!");
        assertThat(stub.lastRequest().path()).isEqualTo("/endpoints/llama-chat/invocations-response-stream");
    }

    @Test
    void sendsAnOpenaiStyleMessagesPayloadWithSystemPromptAndSettings() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        ModelRequest request = new ModelRequest(ModelId.parse(ENDPOINT), "Be brief.", List.of(
                new UserMessage("m1", at, "hi"), new AssistantMessage("m2", at, "hello"), new UserMessage("m3", at, "and?")),
                List.of(), new InferenceSettings(64, 0.5));

        gateway.converse(request);

        assertThat(stub.lastRequest().bodyJson()).isEqualTo(Map.of(
                "messages", List.of(Map.of("role", "system", "content", "Be brief."), Map.of("role", "user", "content", "hi"),
                        Map.of("role", "assistant", "content", "hello"), Map.of("role", "user", "content", "and?")),
                "max_tokens", new java.math.BigDecimal("64"), "temperature", new java.math.BigDecimal("0.5"), "stream", true));
        assertThat(stub.lastRequest().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void converseCollectsTheStreamedChatCompletion() {
        stub.enqueue(StubReply.text("forty-two").withUsage(4, 2).withStopReason("max_tokens"));

        ModelResponse response = gateway.converse(ask(ENDPOINT, "answer?"));

        assertThat(response.text()).isEqualTo("forty-two");
        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(response.usage()).isEqualTo(new TokenUsage(4, 2));
        assertThat(stub.lastRequest().path()).isEqualTo("/endpoints/llama-chat/invocations-response-stream");
    }

    @Test
    void aNamedVersionIsTheTargetVariantAndComponentNamesAnInferenceComponent() {
        gateway.converse(ask("custom:eu-west-1:sagemaker:llama-chat:blue", "hi"));
        assertThat(stub.lastRequest().header("X-Amzn-SageMaker-Target-Variant")).isEqualTo("blue");

        gateway.converse(ask("custom:eu-west-1:sagemaker:llama-chat:component=llama-ic", "hi"));
        assertThat(stub.lastRequest().header("X-Amzn-SageMaker-Inference-Component")).isEqualTo("llama-ic");
        assertThat(stub.lastRequest().header("X-Amzn-SageMaker-Target-Variant")).isNull();
    }

    @Test
    void aMissingEndpointGetsSagemakerAdviceInWholeSentences() {
        stub.enqueue(StubReply.error(new StubError(400, "ValidationError",
                "Endpoint llama-chat of account 123456789012 not found")));

        ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converseStream(ask(ENDPOINT, "hi"), events::add));

        assertThat(error.getMessage())
                .contains("not found. Check the endpoint name",
                        "aws sagemaker describe-endpoint --endpoint-name llama-chat --region eu-west-1")
                .doesNotContain("inference profile", "Bedrock")
                .endsWith(".");
    }

    @Test
    void aMissingEndpointIsReportedAsNotAvailable() {
        stub.enqueue(StubReply.error(new StubError(400, "ValidationError",
                "Endpoint llama-chat of account 123456789012 not found.")));

        ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converse(ask(ENDPOINT, "hi")));

        assertThat(error.reason()).isEqualTo(Reason.MODEL_NOT_AVAILABLE);
        assertThat(error.getMessage()).contains("llama-chat", "eu-west-1");
    }

    @Test
    void throttlingIsRetriedAndAStreamFailureAfterTextIsNot() {
        stub.enqueue(StubReply.error(StubError.THROTTLING), StubReply.text("ok"));
        assertThat(gateway.converse(ask(ENDPOINT, "hi")).text()).isEqualTo("ok");
        assertThat(stub.requests()).hasSize(2);

        stub.enqueue(StubReply.text("first", " second").withStreamFailure(2, StubError.INTERNAL), StubReply.text("never"));
        ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converseStream(ask(ENDPOINT, "hi"), events::add));

        assertThat(error.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
        assertThat(events).containsExactly(new ModelEvent.TextDelta("first"));
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aStreamCutBeforeItsDoneLineIsAFailureNotAnAnswer() {
        // Four payload parts: the first chunk's line in two halves, then half of the next: no [DONE].
        stub.enqueue(StubReply.text("first", " second").withCutAfter(3), StubReply.text("never"));

        ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converseStream(ask(ENDPOINT, "hi"), events::add));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("ended", "early");
        assertThat(events).containsExactly(new ModelEvent.TextDelta("first"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theAwsGatewayRoutesSagemakerIdsToSagemaker() {
        try (AwsModelGateway aws = new AwsModelGateway(TestGateways.against(stub.endpoint()))) {
            assertThat(aws.converse(ask(ENDPOINT, "echo me")).text()).contains("echo me");
            assertThat(stub.lastRequest().path()).startsWith("/endpoints/llama-chat/");
        }
    }
}
