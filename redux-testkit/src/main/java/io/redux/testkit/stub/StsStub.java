package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STS on loopback (query protocol, XML answers): {@code GetCallerIdentity} answers the identity registered for the
 * access key id that signed the request; {@code AssumeRoleWithWebIdentity} checks the token and {@code AssumeRole}
 * (an assume-role profile's {@code role_arn} and {@code source_profile}) checks the caller and the role; both hand
 * out session credentials whose key id is registered as the assumed role.
 */
public final class StsStub extends StubServer {

    /** Fixed session credentials handed out by AssumeRoleWithWebIdentity. */
    public static final String WEB_IDENTITY_KEY_ID = "ASIAWEBIDENTITY00001";
    public static final String WEB_IDENTITY_SECRET = "web-identity-secret-for-tests";
    public static final String WEB_IDENTITY_TOKEN = "web-identity-session-token";

    /** Fixed session credentials handed out by AssumeRole. */
    public static final String ASSUMED_ROLE_KEY_ID = "ASIAASSUMEDROLE00001";
    public static final String ASSUMED_ROLE_SECRET = "assumed-role-secret-for-tests";
    public static final String ASSUMED_ROLE_TOKEN = "assumed-role-session-token";

    private final Map<String, String[]> identities = new ConcurrentHashMap<>();
    private volatile String expectedWebIdentityToken;
    private final Map<String, String> assumableRoles = new ConcurrentHashMap<>();

    public StsStub() {
        super(0);
    }

    /** GetCallerIdentity signed with {@code accessKeyId} answers this account and ARN. */
    public StsStub identity(String accessKeyId, String account, String arn) {
        identities.put(accessKeyId, new String[] {account, arn});
        return this;
    }

    /** AssumeRoleWithWebIdentity succeeds only with this token (from the token file), for {@code roleArn}. */
    public StsStub webIdentity(String token, String account, String assumedRoleArn) {
        this.expectedWebIdentityToken = token;
        return identity(WEB_IDENTITY_KEY_ID, account, assumedRoleArn);
    }

    /**
     * AssumeRole of {@code roleArn}, signed by a key registered with {@link #identity}, succeeds; the session is
     * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} to GetCallerIdentity.
     */
    public StsStub assumableRole(String roleArn, String account) {
        assumableRoles.put(roleArn, account);
        return this;
    }

    @Override
    protected void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        Map<String, String> form = formFields(request.bodyText());
        String action = form.getOrDefault("Action", "");
        if ("GetCallerIdentity".equals(action)) {
            callerIdentity(exchange, request);
        } else if ("AssumeRoleWithWebIdentity".equals(action)) {
            assumeRoleWithWebIdentity(exchange, form);
        } else if ("AssumeRole".equals(action)) {
            assumeRole(exchange, request, form);
        } else {
            error(exchange, 400, "InvalidAction", "Could not find operation " + action);
        }
    }

    private void callerIdentity(HttpExchange exchange, RecordedRequest request) throws IOException {
        String[] identity = signer(request);
        if (identity == null) {
            error(exchange, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            return;
        }
        respond(exchange, 200, "text/xml", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>" + identity[1] + "</Arn><UserId>AIDASTUBUSER</UserId><Account>"
                + identity[0] + "</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>stub-request</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    /** The identity registered for the key that signed {@code request}, or null. */
    private String[] signer(RecordedRequest request) {
        String key = request.signingKeyId();
        return key == null ? null : identities.get(key);
    }

    private void assumeRole(HttpExchange exchange, RecordedRequest request, Map<String, String> form) throws IOException {
        if (signer(request) == null) {
            error(exchange, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            return;
        }
        String roleArn = form.get("RoleArn");
        String account = roleArn == null ? null : assumableRoles.get(roleArn);
        if (account == null) {
            error(exchange, 403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
            return;
        }
        String session = form.get("RoleSessionName");
        String assumed = "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1)
                + "/" + session;
        identity(ASSUMED_ROLE_KEY_ID, account, assumed);
        respond(exchange, 200, "text/xml", "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleResult><Credentials><AccessKeyId>" + ASSUMED_ROLE_KEY_ID + "</AccessKeyId>"
                + "<SecretAccessKey>" + ASSUMED_ROLE_SECRET + "</SecretAccessKey><SessionToken>" + ASSUMED_ROLE_TOKEN
                + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>" + assumed + "</Arn><AssumedRoleId>AROASTUB:" + session + "</AssumedRoleId>"
                + "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>stub-request</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>");
    }

    private void assumeRoleWithWebIdentity(HttpExchange exchange, Map<String, String> form) throws IOException {
        String token = form.get("WebIdentityToken");
        if (expectedWebIdentityToken == null || !expectedWebIdentityToken.equals(token)) {
            error(exchange, 400, "InvalidIdentityToken", "The web identity token that was passed could not be validated.");
            return;
        }
        String roleArn = form.get("RoleArn");
        respond(exchange, 200, "text/xml", "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>" + WEB_IDENTITY_KEY_ID + "</AccessKeyId>"
                + "<SecretAccessKey>" + WEB_IDENTITY_SECRET + "</SecretAccessKey><SessionToken>" + WEB_IDENTITY_TOKEN
                + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>" + roleArn + "/" + form.get("RoleSessionName") + "</Arn>"
                + "<AssumedRoleId>AROASTUB:" + form.get("RoleSessionName") + "</AssumedRoleId></AssumedRoleUser>"
                + "<SubjectFromWebIdentityToken>system:serviceaccount:default:redux</SubjectFromWebIdentityToken>"
                + "</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>stub-request</RequestId>"
                + "</ResponseMetadata></AssumeRoleWithWebIdentityResponse>");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>stub-request</RequestId></ErrorResponse>");
    }
}
