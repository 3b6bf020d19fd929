package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM Identity Center (SSO) portal on loopback, for SSO profiles: {@code GetRoleCredentials}
 * ({@code GET /federation/credentials?account_id=...&role_name=...} with the cached access token in
 * {@code x-amz-sso_bearer_token}) hands out session credentials for a granted token, account and role.
 */
public final class SsoPortalStub extends StubServer {

    /** Fixed session credentials handed out by GetRoleCredentials. */
    public static final String ROLE_KEY_ID = "ASIASSOROLE000000001";
    public static final String ROLE_SECRET = "sso-role-secret-for-tests";
    public static final String ROLE_TOKEN = "sso-role-session-token";

    private final Set<String> grants = ConcurrentHashMap.newKeySet();

    public SsoPortalStub() {
        super(0);
    }

    /** The holder of {@code accessToken} may get credentials for {@code roleName} in {@code accountId}. */
    public SsoPortalStub grant(String accessToken, String accountId, String roleName) {
        grants.add(accessToken + " " + accountId + " " + roleName);
        return this;
    }

    @Override
    protected void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (!request.method().equals("GET") || !request.path().startsWith("/federation/credentials?")) {
            sendError(exchange, 404, "ResourceNotFoundException", "No such operation: " + request.path());
            return;
        }
        Map<String, String> query = formFields(request.path().substring(request.path().indexOf('?') + 1));
        String grant = request.header("x-amz-sso_bearer_token") + " " + query.get("account_id") + " "
                + query.get("role_name");
        if (!grants.contains(grant)) {
            sendError(exchange, 401, "UnauthorizedException", "Session token not found or invalid");
            return;
        }
        respond(exchange, 200, "application/json", "{\"roleCredentials\":{\"accessKeyId\":\"" + ROLE_KEY_ID
                + "\",\"secretAccessKey\":\"" + ROLE_SECRET + "\",\"sessionToken\":\"" + ROLE_TOKEN
                + "\",\"expiration\":4070908800000}}");
    }
}
