package io.redux.aws;

import io.redux.aws.resilience.ResilienceSettings;
import io.redux.aws.routing.ModelRouter;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ModelRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Settings for gateways under test: fake keys, the stub's endpoint, retries without real waiting. */
public final class TestGateways {

    public static final ResilienceSettings FAST_RETRIES = ResilienceSettings.builder()
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build();

    private TestGateways() {
    }

    public static ModelGatewaySettings against(URI endpoint) {
        return ModelGatewaySettings.of(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFORTESTS0001", "fake-secret-for-tests")))
                .withRouter(new ModelRouter(endpoint))
                .withResilience(FAST_RETRIES)
                .withCaller(() -> "arn:aws:iam::123456789012:user/tester");
    }

    /**
     * Like {@link #against} without a caller, counting the tries in {@code tries}: the SDK asks for credentials to
     * sign every try; before that, {@code RegionalClients} asks once as it builds the client (so a malformed profile
     * file is reported as such), which is not a try and is not counted.
     */
    public static ModelGatewaySettings counting(URI endpoint, AtomicInteger tries) {
        AtomicBoolean clientBuilt = new AtomicBoolean();
        AwsCredentialsProvider counting = () -> {
            if (clientBuilt.getAndSet(true)) {
                tries.incrementAndGet();
            }
            return AwsBasicCredentials.create("AKIAFAKEFORTESTS0001", "fake-secret-for-tests");
        };
        return ModelGatewaySettings.of(counting).withRouter(new ModelRouter(endpoint)).withResilience(FAST_RETRIES);
    }

    public static ModelRequest ask(String model, String prompt) {
        return new ModelRequest(ModelId.parse(model), null,
                List.of(new UserMessage("msg_1", Instant.parse("2026-01-01T00:00:00Z"), prompt)), List.of(), null);
    }
}
