package io.redux.aws.http;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkSettingsTest {

    private static final URI BEDROCK = URI.create("https://bedrock-runtime.us-east-1.amazonaws.com");

    @Test
    void httpsProxyAppliesToHttpsEndpointsAndHttpProxyToHttpOnes() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "http_proxy", "proxy.corp:8080"));

        assertThat(settings.proxyFor(BEDROCK)).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThat(settings.proxyFor(URI.create("http://127.0.0.1:9000"))).isEqualTo(URI.create("http://proxy.corp:8080"));
    }

    @Test
    void noProxyNamesHostsAndDomainSuffixesReachedDirectly() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost, .amazonaws.com,vpce.internal"));

        assertThat(settings.proxyFor(BEDROCK)).isNull();
        assertThat(settings.proxyFor(URI.create("https://api.vpce.internal"))).isNull();
        assertThat(settings.proxyFor(URI.create("https://example.com"))).isNotNull();
        assertThat(settings.nonProxyHostPatterns()).contains("*.amazonaws.com", "localhost");
    }

    @Test
    void noProxyStarBypassesEveryProxy() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"));

        assertThat(settings.proxyFor(BEDROCK)).isNull();
    }

    @Test
    void awsCaBundleIsReadFromTheEnvironment() {
        assertThat(NetworkSettings.fromEnvironment(Map.of("AWS_CA_BUNDLE", "/etc/corp/ca.pem")).caBundle())
                .isEqualTo(Path.of("/etc/corp/ca.pem"));
        assertThat(NetworkSettings.fromEnvironment(Map.of()).caBundle()).isNull();
    }

    @Test
    void theEnvironmentLeavesTheReadTimeoutAtItsDefault() {
        assertThat(NetworkSettings.fromEnvironment(Map.of()).readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(NetworkSettings.fromEnvironment(Map.of()).withReadTimeout(Duration.ofMinutes(5)).readTimeout())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aProxyWithoutAHostIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTPS_PROXY");
    }

    @Test
    void aMalformedProxyIsAUsageErrorNamingTheVariableButNotItsPassword() {
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://user:p%zz@proxy:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTPS_PROXY")
                .hasMessageNotContaining("p%zz");
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTP_PROXY", "http://user:secret@:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTP_PROXY")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMissingCaBundleIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> TrustedCertificates.withBundle(Path.of("/nonexistent/ca.pem")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("AWS_CA_BUNDLE");
    }
}
