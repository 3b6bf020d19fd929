package io.redux.aws;

import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelGateway;
import io.redux.testkit.ModelGatewayContract;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Bedrock gateway honours the {@link ModelGatewayContract}, with the real SDK against the wire stub. */
class BedrockModelGatewayContractTest extends ModelGatewayContract {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Override
    protected ModelGateway gatewayAnswering(String text, TokenUsage usage) {
        return gateway(StubReply.text(chunks(text, 5)).withUsage((int) usage.inputTokens(), (int) usage.outputTokens()));
    }

    @Override
    protected ModelGateway gatewayAskingForTool(String toolUseId, String toolName, JsonValue.JsonObject input) {
        return gateway(StubReply.toolUse(toolUseId, toolName, chunks(input.toJson(), 7)));
    }

    @Override
    protected ModelGateway gatewayFailingWith(Reason reason) {
        Map<Reason, StubError> errors = Map.of(
                Reason.ACCESS_DENIED, StubError.ACCESS_DENIED,
                Reason.MODEL_NOT_AVAILABLE, StubError.RESOURCE_NOT_FOUND,
                Reason.THROTTLED, StubError.THROTTLING,
                Reason.INPUT_TOO_LONG, StubError.INPUT_TOO_LONG,
                Reason.SERVICE_UNAVAILABLE, StubError.SERVICE_UNAVAILABLE,
                Reason.INVALID_REQUEST, StubError.VALIDATION);
        return gateway(StubReply.error(errors.get(reason)));
    }

    @Override
    protected List<Reason> stagedFailures() {
        List<Reason> reasons = new ArrayList<>(super.stagedFailures());
        reasons.add(Reason.SERVICE_UNAVAILABLE);
        reasons.add(Reason.INVALID_REQUEST);
        return reasons;
    }

    private ModelGateway gateway(StubReply always) {
        BedrockRuntimeStub stub = new BedrockRuntimeStub().always(always);
        BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.against(stub.endpoint()));
        opened.add(gateway);
        opened.add(stub);
        return gateway;
    }

    private static String[] chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            chunks.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return chunks.toArray(String[]::new);
    }
}
