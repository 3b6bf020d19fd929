package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.ProcessState;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.SsoPortalStub;
import io.redux.testkit.stub.StsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static io.redux.cli.process.ChatCommandIT.ACCESS_KEY_ID;
import static io.redux.cli.process.ChatCommandIT.ACCOUNT;
import static io.redux.cli.process.ChatCommandIT.ARN;
import static io.redux.cli.process.ChatCommandIT.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code redux_cli whoami} against the STS stub, and {@code models describe}, as real processes. */
class AwsCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private StsStub sts;

    @BeforeEach
    void startSts() {
        sts = new StsStub().identity(ACCESS_KEY_ID, ACCOUNT, ARN);
    }

    @AfterEach
    void stopSts() {
        sts.close();
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(home)
                .env("AWS_ENDPOINT_URL_STS", sts.endpoint().toString())
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    private CliProcess withKeys() {
        return cli().env("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID).env("AWS_SECRET_ACCESS_KEY", SECRET)
                .env("AWS_SESSION_TOKEN", "fakeSessionTokenNeverPrinted").env("AWS_REGION", "eu-central-1");
    }

    @Test
    void whoamiShowsTheIdentityWithTheKeyMasked() {
        Result result = withKeys().run("whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("environment", ACCOUNT, ARN, "eu-central-1", "AKIA************1234")
                .doesNotContain(SECRET, "fakeSessionTokenNeverPrinted", ACCESS_KEY_ID);
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aMalformedProxyVariableIsOneLineThatNamesItAndKeepsItsPasswordOut() {
        Result result = withKeys().env("HTTPS_PROXY", "http://proxyuser:p%zz@proxy.example:8080").run("whoami");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).contains("HTTPS_PROXY").doesNotContain("p%zz", "Exception");
    }

    @Test
    void whoamiPrintsJsonForScripts() throws IOException {
        Result result = withKeys().run("whoami", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode identity = JSON.readTree(result.stdout());
        assertThat(identity.get("source").asText()).isEqualTo("environment");
        assertThat(identity.get("profile").isNull()).isTrue();
        assertThat(identity.get("account_id").asText()).isEqualTo(ACCOUNT);
        assertThat(identity.get("arn").asText()).isEqualTo(ARN);
        assertThat(identity.get("region").asText()).isEqualTo("eu-central-1");
        assertThat(result.stdout()).doesNotContain(SECRET, "fakeSessionTokenNeverPrinted", ACCESS_KEY_ID);
    }

    @Test
    void anAssumeRoleProfileAssumesItsRoleThroughSts() throws IOException {
        String role = "arn:aws:iam::210987654321:role/redux-developer";
        sts.assumableRole(role, "210987654321");
        Path config = home.resolve("aws-config");
        Files.writeString(config, String.join("\n",
                "[profile base]",
                "aws_access_key_id = " + ACCESS_KEY_ID,
                "aws_secret_access_key = " + SECRET,
                "[profile developer]",
                "role_arn = " + role,
                "source_profile = base",
                "role_session_name = redux-it",
                "region = eu-west-1", ""));

        Result result = cli().env("AWS_CONFIG_FILE", config.toString()).run("whoami", "--profile", "developer", "--json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode identity = JSON.readTree(result.stdout());
        assertThat(identity.get("source").asText()).isEqualTo("profile");
        assertThat(identity.get("profile").asText()).isEqualTo("developer");
        assertThat(identity.get("account_id").asText()).isEqualTo("210987654321");
        assertThat(identity.get("arn").asText())
                .isEqualTo("arn:aws:sts::210987654321:assumed-role/redux-developer/redux-it");
        assertThat(identity.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(result.stdout()).doesNotContain(SECRET, StsStub.ASSUMED_ROLE_SECRET, StsStub.ASSUMED_ROLE_TOKEN);
    }

    @Test
    void anSsoProfileGetsItsRoleCredentialsFromThePortalWithTheCachedToken() throws Exception {
        String account = "210987654321";
        String arn = "arn:aws:sts::210987654321:assumed-role/AWSReservedSSO_Developer_0123456789abcdef/tester";
        sts.identity(SsoPortalStub.ROLE_KEY_ID, account, arn);
        Path config = home.resolve("aws-config");
        Files.writeString(config, String.join("\n",
                "[profile sso-dev]",
                "sso_session = corp",
                "sso_account_id = " + account,
                "sso_role_name = Developer",
                "region = eu-west-1",
                "[sso-session corp]",
                "sso_start_url = https://corp.awsapps.com/start",
                "sso_region = us-east-1", ""));
        // What 'aws sso login --profile sso-dev' leaves behind: the token, cached under the SHA-1 of the session name.
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(sha1Hex("corp") + ".json"), "{\"startUrl\": \"https://corp.awsapps.com/start\","
                + " \"region\": \"us-east-1\", \"accessToken\": \"sso-access-token\","
                + " \"expiresAt\": \"2099-01-01T00:00:00Z\"}");

        try (SsoPortalStub portal = new SsoPortalStub().grant("sso-access-token", account, "Developer")) {
            Result result = cli().env("AWS_CONFIG_FILE", config.toString())
                    .env("AWS_ENDPOINT_URL_SSO", portal.endpoint().toString())
                    .run("whoami", "--profile", "sso-dev", "--json");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode identity = JSON.readTree(result.stdout());
            assertThat(identity.get("source").asText()).isEqualTo("profile");
            assertThat(identity.get("profile").asText()).isEqualTo("sso-dev");
            assertThat(identity.get("account_id").asText()).isEqualTo(account);
            assertThat(identity.get("arn").asText()).isEqualTo(arn);
            assertThat(result.stdout()).doesNotContain("sso-access-token", SsoPortalStub.ROLE_SECRET,
                    SsoPortalStub.ROLE_TOKEN);
            assertThat(portal.requests()).singleElement()
                    .satisfies(request -> assertThat(request.path()).contains("role_name=Developer"));
        }
    }

    private static String sha1Hex(String text) throws java.security.NoSuchAlgorithmException {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    @Test
    void whoamiWithoutCredentialsSaysWhatWasTriedAndHowToFixIt() {
        Result result = cli().run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines()).singleElement().asString()
                .contains("No AWS credentials found", "environment", "profile", "aws configure");
    }

    @Test
    void whoamiWithAMissingProfileIsAnError() {
        Result result = withKeys().run("whoami", "--profile", "nowhere");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString().contains("nowhere");
    }

    @ParameterizedTest
    @CsvSource({"REDUX_CREDENTIAL_PROCESS_TIMEOUT, abc", "REDUX_READ_TIMEOUT, 1e9",
            "REDUX_CREDENTIAL_PROCESS_TIMEOUT, 86400", "REDUX_ENDPOINT_URL, not a url"})
    void everySettingIsCheckedBeforeAnythingEvenWithKeysInTheEnvironment(String variable, String value) {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            for (List<String> args : List.of(List.of("whoami"), List.of("chat", "hello"))) {
                CliProcess cli = withKeys().env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString()).env(variable, value);

                Result result = cli.run(args.toArray(String[]::new));

                assertThat(result.exitCode()).as(args + " exit code").isEqualTo(2);
                assertThat(result.stderrLines()).as(args.toString()).singleElement().asString().contains(variable);
            }
            assertThat(bedrock.modelRequests()).as("model calls").isEmpty();
        }
        assertThat(home.resolve(".amazon-q")).as("nothing written").doesNotExist();
    }

    @Test
    void aMissingProfileIsFoundBeforeAConversationStarts() {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            Result result = withKeys().env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString())
                    .run("chat", "--profile", "nowhere", "hello");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderrLines()).singleElement().asString().contains("nowhere");
            assertThat(bedrock.modelRequests()).as("model calls").isEmpty();
        }
        assertThat(home.resolve(".amazon-q")).as("no conversation").doesNotExist();
    }

    @Test
    void anEmptyProfileIsBadUsageNotTheEnvironmentKeys() {
        for (List<String> args : List.of(List.of("whoami", "--profile", ""), List.of("chat", "--profile", "", "hi"))) {
            Result result = withKeys().run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(args.toString()).isEqualTo(2);
            assertThat(result.stderrLines()).as(args.toString()).singleElement().asString().contains("--profile");
        }
    }

    /** {@code chat} or {@code whoami} with profiles from {@code aws-config}, no keys in the environment. */
    private Result runWithProfiles(String command, String... options) {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub()) {
            CliProcess cli = cli().env("AWS_CONFIG_FILE", home.resolve("aws-config").toString())
                    .env("AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws-credentials").toString())
                    .env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString())
                    .env("REDUX_CREDENTIAL_PROCESS_TIMEOUT", "1");
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of(options));
            if (command.equals("chat")) {
                args.add("hello");
            }
            Result result = cli.run(args.toArray(String[]::new));
            assertThat(bedrock.modelRequests()).as("model calls").isEmpty();
            return result;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "whoami"})
    void aHangingCredentialProcessIsStoppedAfterItsTimeoutWithItsChildren(String command) throws IOException {
        Path childPid = home.resolve("child.pid");
        Path runs = home.resolve("runs.log");
        String process = "echo started >> " + runs + "; sleep 600 & echo $! > " + childPid + "; wait";
        Files.writeString(home.resolve("aws-config"), "[profile slow]\ncredential_process = " + process + "\n");

        Result result = runWithProfiles(command, "--profile", "slow");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString()
                .contains("'slow'", process, "did not finish within 1 s", "REDUX_CREDENTIAL_PROCESS_TIMEOUT");
        long child = Long.parseLong(Files.readString(childPid).strip());
        assertThat(ProcessState.running(child)).as("the command's child still runs").isFalse();
        assertThat(Files.readAllLines(runs)).as("runs of the command, chat's identity lookup included").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "whoami"})
    void aCredentialProcessPrintingMalformedJsonNeverShowsItsSecretEvenWithDebug(String command) throws IOException {
        Path output = Files.writeString(home.resolve("output.json"),
                "{\"Version\": 1, \"AccessKeyId\": \"" + ACCESS_KEY_ID + "\", \"SecretAccessKey\": " + SECRET + "}");
        Files.writeString(home.resolve("aws-config"), "[default]\ncredential_process = cat " + output + "\n");

        Result result = runWithProfiles(command, "--debug");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
        assertThat(result.stderrLines()).last().asString().startsWith("redux_cli: ")
                .contains("'default'", "not JSON").doesNotContain("sso login");
    }

    @ParameterizedTest
    @CsvSource({"whoami, aws-config, ''", "whoami, aws-credentials, --profile", "chat, aws-credentials, ''",
            "chat, aws-config, --profile"})
    void aMalformedProfileFileIsOneLineNamingTheFileAndTheLine(String command, String malformed, String profileOption)
            throws IOException {
        Files.writeString(home.resolve("aws-config"), "[profile work]\nregion = eu-west-1\n");
        Files.writeString(home.resolve("aws-credentials"), "[work]\naws_access_key_id = " + ACCESS_KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\n[default]\naws_access_key_id = " + ACCESS_KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\n");
        Path file = home.resolve(malformed);
        Files.writeString(file, "region " + SECRET + "\n", StandardOpenOption.APPEND);

        Result result = profileOption.isEmpty() ? runWithProfiles(command) : runWithProfiles(command, profileOption, "work");

        assertThat(result.exitCode()).isEqualTo(1);
        int line = (int) Files.readString(file).lines().count();
        assertThat(result.stderrLines()).singleElement().asString()
                .contains(file.toString(), "line " + line, "'='").doesNotContain(SECRET, "Exception");
    }

    @Test
    void modelsDescribeShowsTheBedrockRoute() {
        Result result = cli().run("models", "describe", "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Bedrock", "us-east-1", "https://bedrock-runtime.us-east-1.amazonaws.com",
                "anthropic.claude-3-5-sonnet-20241022-v2:0");
    }

    @Test
    void modelsDescribeHonoursTheEndpointOverrideAndPrintsJson() throws IOException {
        Result result = cli().env("REDUX_ENDPOINT_URL", "http://127.0.0.1:9")
                .run("models", "describe", "custom:eu-west-1:sagemaker:my-endpoint:component=chat", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode route = JSON.readTree(result.stdout());
        assertThat(route.get("target").asText()).isEqualTo("sagemaker");
        assertThat(route.get("service").asText()).isEqualTo("sagemaker-runtime");
        assertThat(route.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(route.get("endpoint").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(route.get("endpoint_overridden").asBoolean()).isTrue();
        assertThat(route.get("identifier").asText()).isEqualTo("my-endpoint");
        assertThat(route.get("inference_component").asText()).isEqualTo("chat");
    }

    @Test
    void modelsDescribeRefusesABadModelId() {
        Result result = cli().run("models", "describe", "not-a-model");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("custom:<region>");
    }
}
