package io.redux.aws;

import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** Settings for gateways under test: fake keys, the stub's endpoint, retries without real waiting. */
public final class TestGateways {

    public static final ResilienceSettings FAST_RETRIES = ResilienceSettings.builder()
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build();

    /**
     * How a caller names its endpoint setting, as the adapter's errors then name it: the CLI's variable, so the
     * messages read as a CLI user sees them.
     */
    public static final String ENDPOINT_SETTING = "REDUX_ENDPOINT_URL";

    private TestGateways() {
    }

    public static ModelGatewaySettings against(URI endpoint) {
        return ModelGatewaySettings.of(FakeKeys.fixed())
                .withRouter(new ModelRouter(endpoint, ENDPOINT_SETTING))
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
        FakeKeys counting = new FakeKeys((id, secret) -> {
            if (clientBuilt.getAndSet(true)) {
                tries.incrementAndGet();
            }
            return AwsBasicCredentials.create(id, secret);
        });
        return ModelGatewaySettings.of(counting).withRouter(new ModelRouter(endpoint, ENDPOINT_SETTING)).withResilience(FAST_RETRIES);
    }

    /**
     * Fake keys, given to the SDK through {@code create} at every lookup: a {@link CredentialSource} that is also the
     * SDK's provider, as an embedder's own source may be.
     */
    public static final class FakeKeys implements CredentialSource, AwsCredentialsProvider {

        private final BiFunction<String, String, AwsCredentials> create;

        public FakeKeys(BiFunction<String, String, AwsCredentials> create) {
            this.create = create;
        }

        public static FakeKeys fixed() {
            return new FakeKeys(AwsBasicCredentials::create);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return create.apply("AKIAFAKEFORTESTS0001", "fake-secret-for-tests");
        }

        @Override
        public CallerIdentity identity() {
            return new CallerIdentity(CredentialOrigin.ENVIRONMENT, null, "123456789012",
                    "arn:aws:iam::123456789012:user/tester", null, "AKIA****0001");
        }
    }

    public static ModelRequest ask(String model, String prompt) {
        return new ModelRequest(ModelId.parse(model), null,
                List.of(new UserMessage("msg_1", Instant.parse("2026-01-01T00:00:00Z"), prompt)), List.of(), null);
    }
}
