package io.redux.aws.credentials;

import io.redux.aws.http.EndpointUrls;
import io.redux.domain.error.CredentialsException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The ECS task role (or EKS Pod Identity) credentials from the container credentials endpoint:
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} on 169.254.170.2, or {@code AWS_CONTAINER_CREDENTIALS_FULL_URI},
 * with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE)} as the Authorization header when set.
 *
 * <p>A full URI must be https, loopback, or one of the ECS/EKS link-local addresses, as in the AWS SDKs, so a
 * poisoned variable cannot send the token to another host. Written here, like the EC2 provider, so the
 * environment is injected rather than read from the process.
 */
final class ContainerCredentialsProvider extends ExpiringCredentialsProvider {

    private static final Set<String> LINK_LOCAL_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]");

    private final URI uri;
    private final AwsEnvironment environment;
    private final MetadataHttp http;

    ContainerCredentialsProvider(AwsEnvironment environment, MetadataHttp http, Clock clock) {
        super(clock);
        this.environment = environment;
        this.http = http;
        this.uri = uri(environment);
    }

    static boolean configured(AwsEnvironment environment) {
        return environment.has("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || environment.has("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Override
    protected String fetch() throws IOException {
        String token = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        String tokenFile = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (tokenFile != null) {
            token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
        }
        return http.call("GET", uri, token == null ? Map.of() : Map.of("Authorization", token));
    }

    @Override
    protected String describe() {
        return "the container credentials endpoint " + uri;
    }

    private static URI uri(AwsEnvironment environment) {
        String relative = environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (relative != null) {
            return EndpointUrls.parse("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                    AwsEnvironment.ECS_HOST + (relative.startsWith("/") ? "" : "/") + relative);
        }
        URI full = EndpointUrls.parse("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        if (!"https".equals(full.getScheme()) && !allowedPlainHost(full.getHost())) {
            throw new CredentialsException("AWS_CONTAINER_CREDENTIALS_FULL_URI " + full + " must use https, a loopback"
                    + " address or the ECS/EKS credentials address; unset it or fix it.");
        }
        return full;
    }

    private static boolean allowedPlainHost(String host) {
        if (host == null) {
            return false;
        }
        if (LINK_LOCAL_HOSTS.contains(host)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
