package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every error Bedrock sends becomes a domain error a user can act on, retried only when another try may pass. */
class BedrockErrorMappingTest {

    private static final String MODEL = "custom:eu-west-1:bedrock:anthropic.claude-3-haiku-20240307-v1:0";

    private final BedrockRuntimeStub stub = new BedrockRuntimeStub();
    private final BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.against(stub.endpoint()));

    @AfterEach
    void close() {
        gateway.close();
        stub.close();
    }

    @Test
    void accessDeniedNamesTheIdentityTheModelAndTheRegion() {
        ModelInvocationException error = failWith(StubError.ACCESS_DENIED);

        assertThat(error.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(error.getMessage()).contains("arn:aws:iam::123456789012:user/tester",
                "anthropic.claude-3-haiku-20240307-v1:0", "eu-west-1", "bedrock:InvokeModelWithResponseStream");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void resourceNotFoundMeansTheModelIsNotAvailableInTheRegion() {
        ModelInvocationException error = failWith(StubError.RESOURCE_NOT_FOUND);

        assertThat(error.reason()).isEqualTo(Reason.MODEL_NOT_AVAILABLE);
        assertThat(error.getMessage()).contains("eu-west-1", "not available");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void inputTooLongSaysToShortenTheConversation() {
        ModelInvocationException error = failWith(StubError.INPUT_TOO_LONG);

        assertThat(error.reason()).isEqualTo(Reason.INPUT_TOO_LONG);
        assertThat(error.getMessage()).contains("too long", "new conversation");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void otherValidationErrorsAreInvalidRequestsWithTheAwsMessage() {
        ModelInvocationException error = failWith(StubError.VALIDATION);

        assertThat(error.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(error.getMessage()).contains("The provided request is not valid");
        assertThat(stub.modelRequests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsServiceUnavailable() {
        for (StubError error : new StubError[] {StubError.INTERNAL, StubError.SERVICE_UNAVAILABLE,
                StubError.MODEL_NOT_READY, StubError.MODEL_TIMEOUT}) {
            try (BedrockRuntimeStub own = new BedrockRuntimeStub();
                 BedrockModelGateway fresh = new BedrockModelGateway(TestGateways.against(own.endpoint()))) {
                for (int i = 0; i < 4; i++) {
                    own.enqueue(StubReply.error(error));
                }
                ModelInvocationException thrown = catchThrowableOfType(ModelInvocationException.class,
                        () -> fresh.converse(ask(MODEL, "hi")));

                assertThat(thrown.reason()).as(error.type()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
                assertThat(thrown.getMessage()).as(error.type()).contains("after 4 tries");
                assertThat(own.modelRequests()).as(error.type()).hasSize(4);
            }
        }
    }

    @Test
    void aServerErrorThenSuccessIsOneAnswer() {
        stub.enqueue(StubReply.error(StubError.SERVICE_UNAVAILABLE), StubReply.text("fine"));

        assertThat(gateway.converse(ask(MODEL, "hi")).text()).isEqualTo("fine");
    }

    @Test
    void anUnreachableEndpointSaysWhichEndpointAndWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (BedrockModelGateway unreachable = new BedrockModelGateway(TestGateways.against(nowhere))) {
            ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                    () -> unreachable.converseStream(ask(MODEL, "hi"), e -> { }));

            assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
            assertThat(error.getMessage()).contains(nowhere.toString(), "HTTPS_PROXY", "REDUX_ENDPOINT_URL");
        }
    }

    @Test
    void theCircuitBreakerStopsCallingAnEndpointThatKeepsFailing() {
        for (int i = 0; i < 40; i++) {
            stub.enqueue(StubReply.error(StubError.INTERNAL));
        }
        for (int i = 0; i < 2; i++) {
            catchThrowableOfType(ModelInvocationException.class, () -> gateway.converse(ask(MODEL, "hi")));
        }
        int sent = stub.modelRequests().size();

        ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converse(ask(MODEL, "hi")));

        assertThat(error.getMessage()).contains("pauses calls", "The last failure: Bedrock could not answer for " + MODEL);
        assertThat(stub.modelRequests()).hasSize(sent);
    }

    private ModelInvocationException failWith(StubError error) {
        stub.enqueue(StubReply.error(error));
        return catchThrowableOfType(ModelInvocationException.class,
                () -> gateway.converseStream(ask(MODEL, "hi"), e -> { }));
    }
}
