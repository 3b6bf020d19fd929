package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.RecordedRequest;
import io.redux.testkit.stub.StsStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code use_aws} end to end: the packaged CLI, the Bedrock stub scripted to call the tool, and the real AWS CLI of
 * {@code PATH} calling the STS stub with the chat's fake credentials. Skipped only where no {@code aws} is installed
 * (CI installs it).
 */
class UseAwsIT {

    private static final String ACCESS_KEY_ID = "AKIAFAKEFAKEFAKE1234";
    private static final String SECRET = "fakeSecretKeyThatMustNeverBePrinted0000";
    private static final String ACCOUNT = "123456789012";
    private static final String ARN = "arn:aws:iam::123456789012:user/tester";
    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path work;

    private BedrockRuntimeStub bedrock;
    private StsStub sts;

    @BeforeEach
    void startStubs() {
        bedrock = new BedrockRuntimeStub();
        sts = new StsStub().identity(ACCESS_KEY_ID, ACCOUNT, ARN).assumableRole(ROLE, ACCOUNT);
    }

    @AfterEach
    void stopStubs() {
        bedrock.close();
        sts.close();
    }

    @Test
    void aReadOnlyCallRunsTheAwsCliAsTheChatsIdentityWithoutAsking() throws IOException {
        assumeTrue(awsOnPath().isPresent(), "the AWS CLI (aws) is not on PATH");
        String input = "{\"service_name\":\"sts\",\"operation_name\":\"get-caller-identity\","
                + "\"region\":\"us-east-1\",\"label\":\"Who am I?\"}";
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "use_aws", input), StubReply.text("You are the tester."));

        Result result = cli().run("chat", "Who am I on AWS?");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("You are the tester.");
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
        assertThat(sts.requests()).extracting(RecordedRequest::bodyText).anyMatch(b -> b.contains("GetCallerIdentity"));
        assertThat(sts.lastRequest().header("Authorization")).contains("Credential=" + ACCESS_KEY_ID + "/");
        String toolResult = bedrock.modelRequests().get(1).bodyText();
        assertThat(toolResult).contains(ARN, "exit code: 0");
        JsonNode saved = onlyConversation();
        JsonNode call = byRole(saved, "tool_call");
        assertThat(call.get("arguments")).isEqualTo(JSON.readTree(input));
        assertThat(saved.toString()).doesNotContain(SECRET);
        assertThat(byRole(saved, "tool_result").get("content").asText()).contains(ARN);
    }

    @Test
    void aMutatingCallIsRefusedInOneShotModeUnlessTrusted() throws IOException {
        assumeTrue(awsOnPath().isPresent(), "the AWS CLI (aws) is not on PATH");
        String input = "{\"service_name\":\"sts\",\"operation_name\":\"assume-role\",\"region\":\"us-east-1\","
                + "\"parameters\":{\"RoleArn\":\"" + ROLE + "\",\"role_session_name\":\"redux\"},\"label\":\"Assume\"}";
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "use_aws", input), StubReply.text("I was not allowed."),
                StubReply.toolUse("tooluse_2", "use_aws", input), StubReply.text("Assumed."));

        Result refused = cli().run("chat", "Assume the deployer role");
        assertThat(assumeRoleRequests()).isEmpty();
        Result trusted = cli().run("chat", "--trust-tools=use_aws", "Assume the deployer role");

        assertThat(refused.exitCode()).isZero();
        assertThat(refused.stderr()).contains("refused to run use_aws", "--trust-tools=use_aws");
        assertThat(trusted.exitCode()).isZero();
        assertThat(trusted.stdout()).contains("Assumed.");
        assertThat(assumeRoleRequests()).singleElement()
                .satisfies(body -> assertThat(body).contains("RoleSessionName=redux"));
        assertThat(bedrock.modelRequests().get(3).bodyText()).contains(StsStub.ASSUMED_ROLE_KEY_ID);
    }

    @Test
    void withoutTheAwsCliTheModelAndTheUserAreToldToInstallIt() throws IOException {
        Path bin = pathWithoutAws();
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "use_aws", "{\"service_name\":\"sts\","
                + "\"operation_name\":\"get-caller-identity\",\"region\":\"us-east-1\",\"label\":\"Who\"}"),
                StubReply.text("Please install the AWS CLI."));

        Result result = cli().env("PATH", bin.toString()).run("chat", "Who am I on AWS?");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Please install the AWS CLI.");
        assertThat(bedrock.modelRequests().get(1).bodyText())
                .contains("use_aws needs the AWS CLI (aws) on PATH: install it");
        assertThat(byRole(onlyConversation(), "tool_result").get("status").asText()).isEqualTo("error");
    }

    /** The chat itself asks STS who it is; only the AWS CLI assumes a role. */
    private List<String> assumeRoleRequests() {
        return sts.requests().stream().map(RecordedRequest::bodyText).filter(b -> b.contains("Action=AssumeRole"))
                .toList();
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(work)
                .env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString())
                .env("AWS_ENDPOINT_URL_STS", sts.endpoint().toString())
                .env("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID)
                .env("AWS_SECRET_ACCESS_KEY", SECRET)
                .env("AWS_REGION", "us-east-1")
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    private static Optional<Path> awsOnPath() {
        return onPath("aws");
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * A PATH of only what the launcher runs (a shell's tools and java, each a script calling it): a machine without
     * the AWS CLI.
     */
    private Path pathWithoutAws() throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String program : List.of("sh", "dirname", "readlink", "find", "ls", "mkdir", "sed", "java")) {
            Optional<Path> found = onPath(program);
            if (found.isPresent()) {
                Path wrapper = Files.writeString(bin.resolve(program), "#!/bin/sh\nexec " + found.get() + " \"$@\"\n");
                Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
            }
        }
        return bin;
    }

    private JsonNode onlyConversation() throws IOException {
        Path folder = home.resolve(".amazon-q/conversations");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(1);
            return JSON.readTree(json.get(0).toFile());
        }
    }

    private static JsonNode byRole(JsonNode conversation, String role) {
        for (JsonNode message : conversation.get("messages")) {
            if (message.get("role").asText().equals(role)) {
                return message;
            }
        }
        throw new AssertionError("no " + role + " message in " + conversation);
    }
}
