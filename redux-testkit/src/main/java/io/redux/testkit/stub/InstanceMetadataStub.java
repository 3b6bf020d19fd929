package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.UUID;

/**
 * EC2 instance metadata, IMDSv2 only: {@code PUT /latest/api/token} (with a TTL header) gives a session token, which
 * every GET must carry in {@code X-aws-ec2-metadata-token}; then the role name and its credentials.
 */
public final class InstanceMetadataStub extends StubServer {

    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

    private final String token = UUID.randomUUID().toString();
    private final String roleName;
    private final StubCredentials credentials;

    public InstanceMetadataStub(String roleName, StubCredentials credentials) {
        super(0);
        this.roleName = roleName;
        this.credentials = credentials;
    }

    @Override
    protected void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        String path = request.path();
        if ("PUT".equals(request.method()) && "/latest/api/token".equals(path)) {
            if (request.header("X-aws-ec2-metadata-token-ttl-seconds") == null) {
                respond(exchange, 400, "text/plain", "missing X-aws-ec2-metadata-token-ttl-seconds");
                return;
            }
            respond(exchange, 200, "text/plain", token);
            return;
        }
        if (!token.equals(request.header("X-aws-ec2-metadata-token"))) {
            respond(exchange, 401, "text/plain", "Unauthorized");
            return;
        }
        if (CREDENTIALS_PATH.equals(path)) {
            respond(exchange, 200, "text/plain", roleName);
        } else if ((CREDENTIALS_PATH + roleName).equals(path)) {
            respond(exchange, 200, "application/json", credentials.json(""));
        } else if ("/latest/meta-data/placement/region".equals(path)) {
            respond(exchange, 200, "text/plain", "us-east-1");
        } else {
            respond(exchange, 404, "text/plain", "Not Found");
        }
    }
}
