package io.redux.aws;

import io.redux.aws.http.NetworkSettings;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.TunnelProxyStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Model calls go through the configured proxy; the stub plays the proxy, the endpoint host does not even resolve. */
class ProxyTest {

    private static final URI UNRESOLVABLE = URI.create("http://bedrock.redux-test.invalid:8080");
    private static final String MODEL = "custom:us-east-1:amazon:nova-lite-v1:0";

    private final BedrockRuntimeStub proxy = new BedrockRuntimeStub();

    @AfterEach
    void close() {
        proxy.close();
    }

    /** The async (Netty) client always tunnels through a proxy with CONNECT, as it does to HTTPS endpoints. */
    @Test
    void theStreamGoesThroughATunnellingProxy() {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub();
             TunnelProxyStub tunnel = new TunnelProxyStub(bedrock.endpoint());
             BedrockModelGateway gateway = gatewayVia(Map.of("HTTP_PROXY", tunnel.endpoint().toString()))) {
            assertThat(gateway.converseStream(ask(MODEL, "streamed via proxy"), e -> { }).text()).contains("streamed via proxy");
            assertThat(tunnel.tunnels()).containsExactly("bedrock.redux-test.invalid:8080");
            assertThat(bedrock.modelRequests()).hasSize(1);
        }
    }

    @Test
    void noProxySendsTheCallDirectly() {
        try (BedrockRuntimeStub direct = new BedrockRuntimeStub();
             BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.against(direct.endpoint())
                     .withNetwork(NetworkSettings.fromEnvironment(Map.of(
                             "HTTP_PROXY", proxy.endpoint().toString(), "NO_PROXY", "127.0.0.1"))))) {
            gateway.converse(ask(MODEL, "direct"));
            assertThat(direct.modelRequests()).hasSize(1);
        }
        assertThat(proxy.requests()).isEmpty();
    }

    private static BedrockModelGateway gatewayVia(Map<String, String> env) {
        return new BedrockModelGateway(TestGateways.against(UNRESOLVABLE)
                .withRouter(new ModelRouter(UNRESOLVABLE))
                .withNetwork(NetworkSettings.fromEnvironment(env)));
    }
}
