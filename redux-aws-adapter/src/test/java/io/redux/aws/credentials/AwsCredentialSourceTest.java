package io.redux.aws.credentials;

import com.sun.net.httpserver.HttpServer;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.testkit.stub.ContainerCredentialsStub;
import io.redux.testkit.stub.InstanceMetadataStub;
import io.redux.testkit.stub.RawAnswerStub;
import io.redux.testkit.stub.StsStub;
import io.redux.testkit.stub.StubCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every source of the chain, resolved end to end with the real SDK against loopback stubs. */
class AwsCredentialSourceTest {

    private static final String ACCOUNT = "123456789012";
    private static final String ENV_KEY = "AKIAENVIRONMENT0WXYZ";
    private static final String ENV_SECRET = "env-secret-never-shown";

    @TempDir
    Path home;

    private final StsStub sts = new StsStub()
            .identity(ENV_KEY, ACCOUNT, "arn:aws:iam::123456789012:user/env-user")
            .identity("AKIADEFAULTPROFILE01", ACCOUNT, "arn:aws:iam::123456789012:user/default-user")
            .identity("AKIAWORKPROFILE00001", ACCOUNT, "arn:aws:iam::123456789012:user/work-user")
            .identity("AKIADEVPROFILE000001", ACCOUNT, "arn:aws:iam::123456789012:user/dev-user")
            .identity("ASIAINSTANCEROLE0001", ACCOUNT, "arn:aws:sts::123456789012:assumed-role/ec2-role/i-0abc")
            .identity("ASIATASKROLE00000001", ACCOUNT, "arn:aws:sts::123456789012:assumed-role/task-role/abc");
    private final InstanceMetadataStub imds = new InstanceMetadataStub("ec2-role",
            new StubCredentials("ASIAINSTANCEROLE0001", "instance-secret", "instance-token"));
    private final ContainerCredentialsStub ecs = new ContainerCredentialsStub("/v2/credentials/task", "Bearer task-auth",
            new StubCredentials("ASIATASKROLE00000001", "task-secret", "task-token"), "arn:aws:iam::123456789012:role/task-role");
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void close() {
        sts.close();
        imds.close();
        ecs.close();
    }

    @Test
    void environmentKeysWinAndTheIdentityComesFromSts() {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_REGION", "eu-west-1");

        CallerIdentity identity = identity(null);

        assertThat(identity).isEqualTo(new CallerIdentity(CredentialOrigin.ENVIRONMENT, null, ACCOUNT,
                "arn:aws:iam::123456789012:user/env-user", "eu-west-1", "AKIA************WXYZ"));
        assertThat(sts.lastRequest().header("Authorization")).contains("Credential=" + ENV_KEY + "/");
    }

    @Test
    void theAwsCliGetsTheWinningProfileByName() throws IOException {
        profiles();

        try (AwsCredentialSource source = source("dev")) {
            assertThat(source.awsCliVariables()).isEqualTo(Map.of("AWS_PROFILE", "dev"));
        }
    }

    @Test
    void theAwsCliGetsCredentialsResolvedElsewhereAsKeysWithTheirSessionToken() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", ecs.fullUri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer task-auth");

        try (AwsCredentialSource source = source(null)) {
            assertThat(source.awsCliVariables()).isEqualTo(Map.of("AWS_ACCESS_KEY_ID", "ASIATASKROLE00000001",
                    "AWS_SECRET_ACCESS_KEY", "task-secret", "AWS_SESSION_TOKEN", "task-token"));
        }
    }

    @Test
    void theDefaultProfileComesFromTheCredentialsFileWithItsRegionFromConfig() throws IOException {
        profiles();

        CallerIdentity identity = identity(null);

        assertThat(identity.origin()).isEqualTo(CredentialOrigin.PROFILE);
        assertThat(identity.profile()).isEqualTo("default");
        assertThat(identity.arn()).endsWith("user/default-user");
        assertThat(identity.region()).isEqualTo("us-west-2");
    }

    @Test
    void awsProfilePicksAProfileAndCliProfileBeatsIt() throws IOException {
        profiles();
        env.put("AWS_PROFILE", "work");

        assertThat(identity(null).arn()).endsWith("user/work-user");
        CallerIdentity dev = identity("dev");
        assertThat(dev.arn()).endsWith("user/dev-user");
        assertThat(dev.profile()).isEqualTo("dev");
        assertThat(dev.region()).isEqualTo("ap-southeast-1");
    }

    @Test
    void cliProfileBeatsEnvironmentKeysButAwsProfileDoesNot() throws IOException {
        profiles();
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_PROFILE", "work");

        assertThat(identity(null).origin()).isEqualTo(CredentialOrigin.ENVIRONMENT);
        assertThat(identity("dev").profile()).isEqualTo("dev");
    }

    @Test
    void aMissingNamedProfileIsAnErrorNamingItAndTheProfilesThere() throws IOException {
        profiles();
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint().toString());

        assertThatThrownBy(() -> identity("prod"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("'prod'").hasMessageContaining("--profile")
                .hasMessageContaining("default, work, dev");
        env.put("AWS_PROFILE", "staging");
        assertThatThrownBy(() -> identity(null)).hasMessageContaining("'staging'").hasMessageContaining("AWS_PROFILE");
        assertThat(imds.requests()).isEmpty();
    }

    @Test
    void aNamedProfileWithoutCredentialsIsAnErrorSayingOnceWhereTheNameCameFrom() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n", "[profile empty]", "region = eu-west-1", ""));

        assertThatThrownBy(() -> identity("empty"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("The AWS profile 'empty' (from --profile) has no credentials:");
        env.put("AWS_PROFILE", "empty");
        assertThatThrownBy(() -> identity(null))
                .hasMessageStartingWith("The AWS profile 'empty' (from AWS_PROFILE) has no credentials:");
    }

    @Test
    void aCredentialProcessProfileRunsItsCommand() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), String.join("\n", "[profile tool]",
                "credential_process = printf '{\"Version\":1,\"AccessKeyId\":\"AKIAPROCESS000000001\",\"SecretAccessKey\":\"p\"}'", ""));
        sts.identity("AKIAPROCESS000000001", ACCOUNT, "arn:aws:iam::123456789012:user/process-user");

        CallerIdentity identity = identity("tool");

        assertThat(identity.origin()).isEqualTo(CredentialOrigin.PROFILE);
        assertThat(identity.arn()).endsWith("user/process-user");
    }

    @Test
    void aMalformedConfigFileIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path config = Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("config"),
                String.join("\n", "[default]", "region = us-west-2", "this line has no equals sign", ""));
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(config.toString()).hasMessageContaining("line 3")
                .hasMessageContaining("'='").hasNoCause();
    }

    @Test
    void aMalformedCredentialsFileIsAnErrorNamingItWithoutEchoingTheLine() throws IOException {
        Path credentials = Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("credentials"),
                String.join("\n", "[work]", "aws_access_key_id = AKIAWORKPROFILE00001",
                        "aws_secret_access_key work-secret-never-shown", ""));

        assertThatThrownBy(() -> identity("work")).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(credentials.toString()).hasMessageContaining("line 3")
                .hasMessageNotContaining("work-secret-never-shown").hasNoCause();
    }

    @Test
    void webIdentityAssumesTheRoleThroughStsWithTheTokenFile() throws IOException {
        Path token = Files.writeString(home.resolve("token"), "eyJ-the-oidc-token\n");
        sts.webIdentity("eyJ-the-oidc-token", ACCOUNT, "arn:aws:sts::123456789012:assumed-role/irsa-role/redux");
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/irsa-role");
        env.put("AWS_ROLE_SESSION_NAME", "redux");

        CallerIdentity identity = identity(null);

        assertThat(identity.origin()).isEqualTo(CredentialOrigin.WEB_IDENTITY);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/irsa-role/redux");
        assertThat(identity.accessKeyId()).isEqualTo("ASIA************0001");
    }

    @Test
    void instanceMetadataUsesTheImdsv2TokenFlow() {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint().toString());

        CallerIdentity identity = identity(null);

        assertThat(identity.origin()).isEqualTo(CredentialOrigin.INSTANCE_METADATA);
        assertThat(identity.arn()).endsWith("assumed-role/ec2-role/i-0abc");
        assertThat(imds.requests().get(0).method()).isEqualTo("PUT");
        assertThat(imds.requests().subList(1, imds.requests().size()))
                .allSatisfy(r -> assertThat(r.header("X-aws-ec2-metadata-token")).isNotBlank());
    }

    @Test
    void containerCredentialsCarryTheAuthorizationToken() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", ecs.fullUri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer task-auth");

        CallerIdentity identity = identity(null);

        assertThat(identity.origin()).isEqualTo(CredentialOrigin.CONTAINER);
        assertThat(identity.arn()).endsWith("assumed-role/task-role/abc");
    }

    @Test
    void insideAContainerTheTaskRoleComesBeforeTheInstanceRole() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", ecs.fullUri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer task-auth");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint().toString());

        assertThat(identity(null).origin()).isEqualTo(CredentialOrigin.CONTAINER);
        assertThat(imds.requests()).isEmpty();
    }

    @Test
    void aConfiguredContainerSourceThatFailsIsAnErrorNotAFallThroughToTheInstanceRole() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", ecs.fullUri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer wrong");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint().toString());

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("container credentials").hasMessageContaining("401");
        assertThat(imds.requests()).isEmpty();
    }

    @Test
    void aMetadataAnswerThatIsNotJsonNeverCarriesItsSecretIntoTheError() throws IOException {
        HttpServer container = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        container.createContext("/creds", exchange -> {
            byte[] body = ("{\"AccessKeyId\": \"ASIATASKROLE00000001\", \"SecretAccessKey\": " + ENV_SECRET + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        container.start();
        try {
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "http://127.0.0.1:" + container.getAddress().getPort() + "/creds");

            Throwable failure = catchThrowable(() -> identity(null));

            assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("not JSON");
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(ENV_SECRET);
        } finally {
            container.stop(0);
        }
    }

    @Test
    void withNoCredentialsAnywhereTheErrorListsEverySourceTriedAndHowToFixIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("environment").hasMessageContaining("profile")
                .hasMessageContaining("web identity").hasMessageContaining("container")
                .hasMessageContaining("instance metadata").hasMessageContaining("aws configure");
    }

    @Test
    void aFullContainerUriToAnotherPlainHttpHostIsRefused() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://203.0.113.10/creds");

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("must use https");
    }

    @Test
    void aMalformedStsEndpointIsAUsageErrorNamingTheVariable() {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_ENDPOINT_URL_STS", "https://sts example.com");

        assertThatThrownBy(() -> identity(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_STS");
    }

    @Test
    void aMalformedContainerUriIsAUsageErrorNamingTheVariable() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:[80]/creds");

        assertThatThrownBy(() -> identity(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void noSecretOrFullKeyIdAppearsInIdentityOrResolvedCredentials() {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_SESSION_TOKEN", "session-token-never-shown");
        try (AwsCredentialSource source = source(null)) {
            String shown = source.identity().toString() + source.resolve() + source;

            assertThat(shown).doesNotContain(ENV_SECRET, "session-token-never-shown", ENV_KEY).contains("AKIA************WXYZ");
        }
    }

    @Test
    void anUnknownStsHostNamesTheIdentitySourceTheEndpointAndWhatToCheck() {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_ENDPOINT_URL_STS", "http://no-such-host.invalid:8999");

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessage("Cannot reach STS at http://no-such-host.invalid:8999 to look up the identity of the"
                        + " environment credentials (AKIA************WXYZ): unknown host no-such-host.invalid. Check the"
                        + " host name, your DNS and network, HTTPS_PROXY and NO_PROXY, and AWS_ENDPOINT_URL_STS if you"
                        + " set it.");
    }

    @Test
    void keysStsDoesNotKnowAreSaidToBeRejectedWithStssReason() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNTOSTS0001");
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessage("AWS rejected the credentials from environment (AKIA************0001): The security token"
                        + " included in the request is invalid. Refresh them (e.g. 'aws sso login') or pick another"
                        + " profile.");
    }

    @Test
    void aRefusalWithoutAMessageGivesItsStatus() {
        try (RawAnswerStub forbidden = RawAnswerStub.http(403, "Forbidden", "")) {
            assertThat(identityFailureFrom(forbidden)).hasMessage("AWS rejected the credentials from environment"
                    + " (AKIA************WXYZ): HTTP 403. Refresh them (e.g. 'aws sso login') or pick another profile.");
        }
    }

    @Test
    void anEndpointThatIsNotStsIsNotSaidToRejectTheCredentials() {
        try (RawAnswerStub notSts = RawAnswerStub.http(404, "Not Found", "")) {
            assertThat(identityFailureFrom(notSts)).hasMessage("STS at " + notSts.endpoint() + " answered HTTP 404 to"
                    + " the identity lookup of the environment credentials (AKIA************WXYZ), with no error"
                    + " message. Check AWS_ENDPOINT_URL_STS if you set it.");
        }
    }

    @Test
    void anErrorThatIsNotAboutTheCredentialsSaysWhatStsSaid() {
        String body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find"
                + " operation GetCallerIdentity.</Message></Error><RequestId>r</RequestId></ErrorResponse>";
        try (RawAnswerStub oldSts = new RawAnswerStub("HTTP/1.1 400 Bad Request\r\nContent-Type: text/xml\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body)) {
            assertThat(identityFailureFrom(oldSts)).hasMessage("STS at " + oldSts.endpoint() + " answered HTTP 400 to"
                    + " the identity lookup of the environment credentials (AKIA************WXYZ), saying"
                    + " InvalidAction: Could not find operation GetCallerIdentity. Check AWS_ENDPOINT_URL_STS if you"
                    + " set it.");
        }
    }

    @Test
    void aRefusedStsConnectionNamesTheEndpoint() throws IOException {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> identity(null)).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("Cannot reach STS at http://127.0.0.1:" + closedPort + " to look up the identity"
                        + " of the environment credentials (AKIA************WXYZ): 127.0.0.1 refused the connection")
                .hasMessageEndingWith("AWS_ENDPOINT_URL_STS if you set it.");
    }

    @Test
    void theIdentityIsAskedOfStsOncePerSource() {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        try (AwsCredentialSource source = source(null)) {
            source.identity();
            source.identity();
        }
        assertThat(sts.requests()).hasSize(1);
    }

    /** The failure of the environment keys' identity lookup from {@code sts}, a CredentialsException. */
    private CredentialsException identityFailureFrom(RawAnswerStub sts) {
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        env.put("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
        Throwable failure = catchThrowable(() -> identity(null));
        assertThat(failure).isInstanceOf(CredentialsException.class);
        return (CredentialsException) failure;
    }

    private CallerIdentity identity(String cliProfile) {
        try (AwsCredentialSource source = source(cliProfile)) {
            return source.identity();
        }
    }

    private AwsCredentialSource source(String cliProfile) {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
        variables.putIfAbsent("AWS_EC2_METADATA_DISABLED", variables.containsKey("AWS_EC2_METADATA_SERVICE_ENDPOINT") ? "false" : "true");
        return AwsCredentialSource.builder().environment(new AwsEnvironment(variables, home)).profile(cliProfile, "--profile").build();
    }

    private void profiles() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"), String.join("\n",
                "[default]", "aws_access_key_id = AKIADEFAULTPROFILE01", "aws_secret_access_key = default-secret", "",
                "[work]", "aws_access_key_id = AKIAWORKPROFILE00001", "aws_secret_access_key = work-secret", "",
                "[dev]", "aws_access_key_id = AKIADEVPROFILE000001", "aws_secret_access_key = dev-secret", ""));
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[default]", "region = us-west-2", "", "[profile dev]", "region = ap-southeast-1", ""));
    }
}
