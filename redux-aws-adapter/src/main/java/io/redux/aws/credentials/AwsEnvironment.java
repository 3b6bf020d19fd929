package io.redux.aws.credentials;

import io.redux.aws.http.EndpointUrls;
import io.redux.domain.environment.UserHome;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment and home folder, passed in rather than read from the process, so tests and embedders
 * decide what the credentials chain sees.
 *
 * @param variables environment variables (normally {@code System.getenv()})
 * @param home      the user's home folder, where {@code .aws/config} and {@code .aws/credentials} live by default
 */
public record AwsEnvironment(Map<String, String> variables, Path home) {

    static final URI DEFAULT_IMDS = URI.create("http://169.254.169.254");
    static final URI ECS_HOST = URI.create("http://169.254.170.2");

    public AwsEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment and home folder ({@link UserHome}). */
    public static AwsEnvironment current() {
        return of(System.getenv());
    }

    /** These variables, and the home folder they give ({@link UserHome}). */
    public static AwsEnvironment of(Map<String, String> variables) {
        return new AwsEnvironment(variables, UserHome.of(variables));
    }

    /** The variable's value, or null when unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public Path configFile() {
        return has("AWS_CONFIG_FILE") ? expand(get("AWS_CONFIG_FILE")) : home.resolve(".aws").resolve("config");
    }

    public Path credentialsFile() {
        return has("AWS_SHARED_CREDENTIALS_FILE") ? expand(get("AWS_SHARED_CREDENTIALS_FILE"))
                : home.resolve(".aws").resolve("credentials");
    }

    /** {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else null. */
    public String region() {
        return has("AWS_REGION") ? get("AWS_REGION") : get("AWS_DEFAULT_REGION");
    }

    /** {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}, else null for the regional STS endpoint. */
    public URI stsEndpoint() {
        String variable = has("AWS_ENDPOINT_URL_STS") ? "AWS_ENDPOINT_URL_STS" : "AWS_ENDPOINT_URL";
        String url = get(variable);
        return url == null ? null : EndpointUrls.parse(variable, url);
    }

    /** {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, else the link-local metadata address. */
    public URI imdsEndpoint() {
        String url = get("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        return url == null ? DEFAULT_IMDS : EndpointUrls.parse("AWS_EC2_METADATA_SERVICE_ENDPOINT",
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public boolean imdsDisabled() {
        return "true".equalsIgnoreCase(get("AWS_EC2_METADATA_DISABLED"));
    }

    private Path expand(String path) {
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }
}
