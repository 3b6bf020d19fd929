package io.redux.aws.http;

import io.redux.domain.error.InvalidInputException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How AWS calls reach the network: proxies, extra trusted certificates, timeouts.
 *
 * @param httpsProxy    proxy for https:// endpoints ({@code HTTPS_PROXY}), or null
 * @param httpProxy     proxy for http:// endpoints ({@code HTTP_PROXY}), or null
 * @param noProxy       hosts reached directly ({@code NO_PROXY}: names, {@code .suffix} or {@code *})
 * @param caBundle      PEM file of certificates trusted in addition to the JVM's ({@code AWS_CA_BUNDLE}), or null
 * @param connectTimeout how long to wait for a connection; short, so an unreachable endpoint fails fast
 * @param readTimeout   the longest silence while reading an answer, also in the middle of a stream
 */
public record NetworkSettings(
        URI httpsProxy,
        URI httpProxy,
        Set<String> noProxy,
        Path caBundle,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(90);
    public static final NetworkSettings DIRECT =
            new NetworkSettings(null, null, Set.of(), null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);

    public NetworkSettings {
        noProxy = Set.copyOf(noProxy);
    }

    /**
     * Reads the standard variables, upper case first, then lower case as curl does; the timeouts are the defaults
     * ({@link #withReadTimeout} sets another).
     */
    public static NetworkSettings fromEnvironment(Map<String, String> env) {
        String caBundle = variable(env, "AWS_CA_BUNDLE");
        String noProxy = variable(env, "NO_PROXY");
        return new NetworkSettings(
                proxy(env, "HTTPS_PROXY"),
                proxy(env, "HTTP_PROXY"),
                noProxy == null ? Set.of() : Arrays.stream(noProxy.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                caBundle == null ? null : Path.of(caBundle),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /** These settings with another {@code readTimeout}: the longest silence before a call, or a stream, fails. */
    public NetworkSettings withReadTimeout(Duration value) {
        return new NetworkSettings(httpsProxy, httpProxy, noProxy, caBundle, connectTimeout, value);
    }

    /** The proxy for {@code endpoint}, or null to connect directly. */
    public URI proxyFor(URI endpoint) {
        URI proxy = "http".equals(endpoint.getScheme()) ? httpProxy : httpsProxy;
        return proxy == null || bypasses(endpoint.getHost()) ? null : proxy;
    }

    /** The variable that sets the proxy for {@code endpoint}, as messages name it. */
    public static String proxyVariable(URI endpoint) {
        return "http".equals(endpoint.getScheme()) ? "HTTP_PROXY" : "HTTPS_PROXY";
    }

    /** The NO_PROXY entries in the SDK clients' syntax (Java's {@code http.nonProxyHosts} wildcards). */
    public Set<String> nonProxyHostPatterns() {
        return noProxy.stream().map(h -> h.startsWith(".") ? "*" + h : h).collect(Collectors.toSet());
    }

    private boolean bypasses(String host) {
        for (String entry : noProxy) {
            if (entry.equals("*") || host.equalsIgnoreCase(entry)
                    || (entry.startsWith(".") && host.toLowerCase().endsWith(entry.toLowerCase()))
                    || host.toLowerCase().endsWith("." + entry.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    private static URI proxy(Map<String, String> env, String name) {
        String value = variable(env, name);
        if (value == null) {
            return null;
        }
        URI uri = EndpointUrls.parse(name, value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null) {
            throw new InvalidInputException(name + " " + InvalidInputException.quote(EndpointUrls.withoutUserInfo(value))
                    + " names no host; set it to e.g. http://proxy.example.com:8080");
        }
        return uri;
    }

    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = env.get(name.toLowerCase());
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
