package io.redux.aws.credentials;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The EC2 instance role's credentials through IMDSv2: a session token from {@code PUT /latest/api/token}, then the
 * role name and its credentials, each request carrying the token. IMDSv1 is not used: it is what SSRF attacks
 * steal credentials through, and hardened instances turn it off.
 *
 * <p>Written here rather than using the SDK's provider because that one reads its endpoint and timeouts from
 * process-wide settings, retries, and so can stall a CLI off EC2 for seconds.
 */
final class InstanceMetadataCredentialsProvider extends ExpiringCredentialsProvider {

    private static final String TOKEN_TTL_SECONDS = "21600";
    private static final String CREDENTIALS = "/latest/meta-data/iam/security-credentials/";

    private final URI endpoint;
    private final MetadataHttp http;

    InstanceMetadataCredentialsProvider(URI endpoint, MetadataHttp http, Clock clock) {
        super(clock);
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    protected String fetch() throws IOException {
        String token = http.call("PUT", endpoint.resolve("/latest/api/token"),
                Map.of("X-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)).strip();
        Map<String, String> withToken = Map.of("X-aws-ec2-metadata-token", token);
        String role = http.call("GET", endpoint.resolve(CREDENTIALS), withToken).strip().split("\\s+")[0];
        if (role.isEmpty()) {
            throw new IOException("this instance has no IAM role");
        }
        return http.call("GET", endpoint.resolve(CREDENTIALS + role), withToken);
    }

    @Override
    protected String describe() {
        return "EC2 instance metadata at " + endpoint;
    }
}
