package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * ECS container credentials on loopback: {@code GET <path>} answers the task role's credentials, and when an
 * authorization token is set, only to requests whose {@code Authorization} header carries it.
 */
public final class ContainerCredentialsStub extends StubServer {

    private final String path;
    private final String authorizationToken;
    private final StubCredentials credentials;
    private final String roleArn;

    /** @param authorizationToken the required Authorization header value, or null for none */
    public ContainerCredentialsStub(String path, String authorizationToken, StubCredentials credentials, String roleArn) {
        super(0);
        this.path = path;
        this.authorizationToken = authorizationToken;
        this.credentials = credentials;
        this.roleArn = roleArn;
    }

    /** The full URI to set as {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String fullUri() {
        return endpoint() + path;
    }

    @Override
    protected void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (authorizationToken != null && !authorizationToken.equals(request.header("Authorization"))) {
            respond(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}");
        } else if (!"GET".equals(request.method()) || !path.equals(request.path())) {
            respond(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
        } else {
            respond(exchange, 200, "application/json",
                    credentials.json(",\"RoleArn\":" + MiniJson.quote(roleArn)));
        }
    }
}
