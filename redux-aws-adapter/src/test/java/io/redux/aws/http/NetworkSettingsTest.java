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
    void https_proxy_applies_to_https_endpoints_and_http_proxy_to_http_ones() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "http_proxy", "proxy.corp:8080"));

        assertThat(settings.proxyFor(BEDROCK)).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThat(settings.proxyFor(URI.create("http://127.0.0.1:9000"))).isEqualTo(URI.create("http://proxy.corp:8080"));
    }

    @Test
    void no_proxy_names_hosts_and_domain_suffixes_reached_directly() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost, .amazonaws.com,vpce.internal"));

        assertThat(settings.proxyFor(BEDROCK)).isNull();
        assertThat(settings.proxyFor(URI.create("https://api.vpce.internal"))).isNull();
        assertThat(settings.proxyFor(URI.create("https://example.com"))).isNotNull();
        assertThat(settings.nonProxyHostPatterns()).contains("*.amazonaws.com", "localhost");
    }

    @Test
    void no_proxy_star_bypasses_every_proxy() {
        NetworkSettings settings = NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"));

        assertThat(settings.proxyFor(BEDROCK)).isNull();
    }

    @Test
    void aws_ca_bundle_is_read_from_the_environment() {
        assertThat(NetworkSettings.fromEnvironment(Map.of("AWS_CA_BUNDLE", "/etc/corp/ca.pem")).caBundle())
                .isEqualTo(Path.of("/etc/corp/ca.pem"));
        assertThat(NetworkSettings.fromEnvironment(Map.of()).caBundle()).isNull();
    }

    @Test
    void the_environment_leaves_the_read_timeout_at_its_default() {
        assertThat(NetworkSettings.fromEnvironment(Map.of()).readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(NetworkSettings.fromEnvironment(Map.of()).withReadTimeout(Duration.ofMinutes(5)).readTimeout())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_proxy_without_a_host_is_a_usage_error_naming_the_variable() {
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTPS_PROXY");
    }

    @Test
    void a_malformed_proxy_is_a_usage_error_naming_the_variable_but_not_its_password() {
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://user:p%zz@proxy:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTPS_PROXY")
                .hasMessageNotContaining("p%zz");
        assertThatThrownBy(() -> NetworkSettings.fromEnvironment(Map.of("HTTP_PROXY", "http://user:secret@:8080")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTP_PROXY")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_missing_ca_bundle_is_a_usage_error_naming_it() {
        assertThatThrownBy(() -> TrustedCertificates.withBundle(Path.of("/nonexistent/ca.pem")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("AWS_CA_BUNDLE");
    }
}
