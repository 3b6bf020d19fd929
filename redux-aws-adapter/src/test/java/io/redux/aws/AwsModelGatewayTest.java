package io.redux.aws;

import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.CredentialSource;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The composition a CLI uses: a credential source and an environment map, nothing from the SDK. */
class AwsModelGatewayTest {

    private static final String MODEL = "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0";

    @TempDir
    Path home;

    private final BedrockRuntimeStub bedrock = new BedrockRuntimeStub();
    private final StsStub sts = new StsStub().identity("AKIACLIUSER000000001", "123456789012",
            "arn:aws:iam::123456789012:user/cli-user");

    @AfterEach
    void close() {
        bedrock.close();
        sts.close();
    }

    @Test
    void streamsAnAnswerFromTheEndpointInReduxEndpointUrlWithTheResolvedCredentials() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIACLIUSER000000001", "AWS_SECRET_ACCESS_KEY", "s",
                "REDUX_ENDPOINT_URL", bedrock.endpoint().toString(), "AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
        try (AwsCredentialSource credentials = source(env);
             AwsModelGateway gateway = gateway(credentials, env)) {
            assertThat(gateway.describe(ModelId.parse(MODEL)).target()).isEqualTo("bedrock");
            assertThat(gateway.converseStream(ask(MODEL, "hello cli"), e -> { }).text()).contains("hello cli");
            assertThat(bedrock.lastRequest().header("Authorization")).contains("AKIACLIUSER000000001");
        }
    }

    @Test
    void accessDeniedNamesTheCallerFoundThroughSts() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIACLIUSER000000001", "AWS_SECRET_ACCESS_KEY", "s",
                "REDUX_ENDPOINT_URL", bedrock.endpoint().toString(), "AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
        bedrock.enqueue(StubReply.error(StubError.ACCESS_DENIED));
        try (AwsCredentialSource credentials = source(env);
             AwsModelGateway gateway = gateway(credentials, env)) {
            ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                    () -> gateway.converse(ask(MODEL, "hi")));
            assertThat(error.getMessage()).contains("arn:aws:iam::123456789012:user/cli-user");
        }
    }

    @Test
    void withoutCredentialsTheCallFailsWithTheChainErrorAndSendsNothing() {
        Map<String, String> env = Map.of("REDUX_ENDPOINT_URL", bedrock.endpoint().toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
        try (AwsCredentialSource credentials = source(env);
             AwsModelGateway gateway = gateway(credentials, env)) {
            assertThatThrownBy(() -> gateway.converseStream(ask(MODEL, "hi"), e -> { }))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("No AWS credentials found");
        }
        assertThat(bedrock.modelRequests()).isEmpty();
    }

    @Test
    void aMalformedMetadataEndpointFailsTheCallWithTheUsageErrorNamingIt() {
        Map<String, String> env = Map.of("REDUX_ENDPOINT_URL", bedrock.endpoint().toString(),
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://[::1");
        try (AwsCredentialSource credentials = source(env);
             AwsModelGateway gateway = gateway(credentials, env)) {
            assertThatThrownBy(() -> gateway.converseStream(ask(MODEL, "hi"), e -> { }))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        }
        assertThat(bedrock.modelRequests()).isEmpty();
    }

    @Test
    void settingsFromTheEnvironmentHonourProxiesAndTheCaBundleAndNameTheCaller() {
        ModelGatewaySettings settings = ModelGatewaySettings.fromEnvironment(TestGateways.FakeKeys.fixed(), Map.of(
                "HTTPS_PROXY", "http://proxy.example.com:8080", "NO_PROXY", ".internal", "AWS_CA_BUNDLE", "/etc/ca.pem"));

        assertThat(settings.network().httpsProxy()).hasToString("http://proxy.example.com:8080");
        assertThat(settings.network().noProxy()).containsExactly(".internal");
        assertThat(settings.network().caBundle()).isEqualTo(Path.of("/etc/ca.pem"));
        assertThat(settings.caller().get()).isEqualTo("arn:aws:iam::123456789012:user/tester");
    }

    @Test
    void aCredentialSourceThatCannotSignRequestsIsRefusedWhenTheSettingsAreMade() {
        CredentialSource identityOnly = () -> null;

        assertThatThrownBy(() -> ModelGatewaySettings.of(identityOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AwsCredentialSource");
    }

    /** As the CLI composes it: the endpoint of REDUX_ENDPOINT_URL, the network of the environment, the caller. */
    private static AwsModelGateway gateway(AwsCredentialSource credentials, Map<String, String> env) {
        return new AwsModelGateway(ModelGatewaySettings.fromEnvironment(credentials, env)
                .withRouter(ModelRouter.withEndpointUrl(env.get("REDUX_ENDPOINT_URL"), "REDUX_ENDPOINT_URL")));
    }

    private AwsCredentialSource source(Map<String, String> env) {
        return AwsCredentialSource.builder().environment(new AwsEnvironment(env, home)).build();
    }
}
