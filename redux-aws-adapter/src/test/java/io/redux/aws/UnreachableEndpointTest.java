package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.port.ModelGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An endpoint that cannot be reached at all (unknown host, nothing listening) is reported on the first try, naming
 * the host, for every kind of call: another try a second later would fail the same way. The SDK signs every try, so
 * the credentials asked for count the tries.
 */
class UnreachableEndpointTest {

    private static final String BEDROCK = "custom:eu-west-1:bedrock:anthropic.claude-3-haiku-20240307-v1:0";
    private static final String SAGEMAKER = "custom:eu-west-1:sagemaker:llama-chat:latest";
    /** RFC 6761: names under .invalid never resolve, so no DNS server is ever asked to find this one. */
    private static final URI UNKNOWN_HOST = URI.create("http://no-such-host.invalid:8999");

    private final AtomicInteger tries = new AtomicInteger();

    @Test
    void anUnknownHostFailsABedrockStreamAtOnceNamingTheHost() {
        ModelInvocationException error = streamFails(BedrockModelGateway::new, BEDROCK, UNKNOWN_HOST);

        assertUnknownHost(error);
    }

    @Test
    void anUnknownHostFailsASagemakerStreamAtOnceNamingTheHost() {
        ModelInvocationException error = streamFails(SageMakerModelGateway::new, SAGEMAKER, UNKNOWN_HOST);

        assertUnknownHost(error);
    }

    @Test
    void anUnknownHostFailsPlainCallsAtOnceNamingTheHost() {
        assertUnknownHost(converseFails(BedrockModelGateway::new, BEDROCK, UNKNOWN_HOST));
        tries.set(0);
        assertUnknownHost(converseFails(SageMakerModelGateway::new, SAGEMAKER, UNKNOWN_HOST));
    }

    @Test
    void aRefusedConnectionIsNotRetriedOnAnyPath() throws IOException {
        URI closed = closedPort();

        assertRefused(streamFails(BedrockModelGateway::new, BEDROCK, closed), closed);
        tries.set(0);
        assertRefused(streamFails(SageMakerModelGateway::new, SAGEMAKER, closed), closed);
        tries.set(0);
        assertRefused(converseFails(BedrockModelGateway::new, BEDROCK, closed), closed);
        tries.set(0);
        assertRefused(converseFails(SageMakerModelGateway::new, SAGEMAKER, closed), closed);
    }

    private void assertUnknownHost(ModelInvocationException error) {
        assertThat(error).isNotInstanceOf(RetryableModelException.class);
        assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(error.getMessage()).contains("unknown host no-such-host.invalid", UNKNOWN_HOST.toString(),
                "REDUX_ENDPOINT_URL").doesNotContain("did not answer in time", "gave up");
        assertThat(tries).hasValue(1);
    }

    private void assertRefused(ModelInvocationException error, URI endpoint) {
        assertThat(error).isNotInstanceOf(RetryableModelException.class);
        assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(error.getMessage()).contains(endpoint.toString(), "refused the connection")
                .doesNotContain("gave up");
        assertThat(tries).hasValue(1);
    }

    private <G extends ModelGateway & AutoCloseable> ModelInvocationException streamFails(
            Function<ModelGatewaySettings, G> gateway, String model, URI endpoint) {
        try (G g = gateway.apply(settings(endpoint))) {
            return catchThrowableOfType(ModelInvocationException.class,
                    () -> g.converseStream(ask(model, "hi"), event -> { }));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private <G extends ModelGateway & AutoCloseable> ModelInvocationException converseFails(
            Function<ModelGatewaySettings, G> gateway, String model, URI endpoint) {
        try (G g = gateway.apply(settings(endpoint))) {
            return catchThrowableOfType(ModelInvocationException.class, () -> g.converse(ask(model, "hi")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ModelGatewaySettings settings(URI endpoint) {
        return TestGateways.counting(endpoint, tries);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
