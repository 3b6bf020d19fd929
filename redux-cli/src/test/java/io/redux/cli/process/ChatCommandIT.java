package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;
import io.redux.testkit.stub.StubError;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code redux_cli chat} run as a real process against the testkit's Bedrock Runtime and STS stubs, with fake
 * credentials in the environment and a temporary home.
 */
class ChatCommandIT {

    static final String ACCESS_KEY_ID = "AKIAFAKEFAKEFAKE1234";
    static final String SECRET = "fakeSecretKeyThatMustNeverBePrinted0000";
    static final String ACCOUNT = "123456789012";
    static final String ARN = "arn:aws:iam::123456789012:user/tester";
    private static final String DEFAULT_BEDROCK_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @TempDir
    Path elsewhere;

    private BedrockRuntimeStub bedrock;
    private StsStub sts;

    @BeforeAll
    static void loadTheConversationSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "conversation.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @BeforeEach
    void startStubs() {
        bedrock = new BedrockRuntimeStub();
        sts = new StsStub().identity(ACCESS_KEY_ID, ACCOUNT, ARN);
    }

    @AfterEach
    void stopStubs() {
        bedrock.close();
        sts.close();
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

    private List<Path> conversationFiles() throws IOException {
        Path folder = home.resolve(".amazon-q/conversations");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private JsonNode onlyConversation() throws IOException {
        List<Path> files = conversationFiles();
        assertThat(files).hasSize(1);
        JsonNode document = JSON.readTree(files.get(0).toFile());
        assertThat(schema.validate(document)).as("schema violations of %s", files.get(0)).isEmpty();
        return document;
    }

    private static List<String> roles(JsonNode conversation) {
        List<String> roles = new ArrayList<>();
        conversation.get("messages").forEach(m -> roles.add(m.get("role").asText()));
        return roles;
    }

    @Test
    void ctrlCDuringAOneShotAnswerKeepsThePartialAnswerMarkedInterrupted() throws Exception {
        // messageStart and the first delta, then a model that pauses far longer than this test waits.
        bedrock.enqueue(StubReply.text("The first half", " and the rest").withStallAfter(2, 60_000));
        // The exec'ing launcher (no class-data archive to record), so the signal reaches the JVM itself.
        CliProcess.Running chat = cli().env("REDUX_CDS", "off").start("chat", "Tell me everything");

        chat.awaitStdout("The first half");
        chat.signal("INT");
        Result result = chat.finish();

        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(result.stdout()).startsWith("The first half").doesNotContain("the rest");
        JsonNode saved = onlyConversation();
        assertThat(roles(saved)).containsExactly("user", "assistant");
        assertThat(saved.at("/messages/1/content").asText()).isEqualTo("The first half");
        assertThat(saved.at("/messages/1/stop_reason").asText()).isEqualTo("interrupted");
    }

    @Test
    void oneShotPrintsTheStreamedAnswerAndSavesTheConversation() throws IOException {
        bedrock.enqueue(StubReply.text("Hello", ", world", "!"));

        Result result = cli().run("chat", "Say", "hello");

        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("Hello, world!\n");
        assertThat(BedrockRuntimeStub.modelIdOf(bedrock.modelRequests().get(0))).isEqualTo(DEFAULT_BEDROCK_ID);
        JsonNode saved = onlyConversation();
        assertThat(roles(saved)).containsExactly("user", "assistant");
        assertThat(saved.at("/messages/0/content").asText()).isEqualTo("Say hello");
        assertThat(saved.at("/messages/1/content").asText()).isEqualTo("Hello, world!");
        assertThat(saved.get("model_id").asText()).isEqualTo("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
        JsonNode metadata = saved.get("metadata");
        assertThat(metadata.get("session_type").asText()).isEqualTo("non_interactive");
        assertThat(metadata.get("aws_account_id").asText()).isEqualTo(ACCOUNT);
        assertThat(metadata.get("user_arn").asText()).isEqualTo(ARN);
        assertThat(metadata.get("working_directory").asText()).isEqualTo(work.toString());
        assertThat(Files.readString(conversationFiles().get(0))).doesNotContain(SECRET);
    }

    @Test
    void chatsWithANamedProfileAndRecordsIt() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[production]\naws_access_key_id = " + ACCESS_KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\n");
        CliProcess noEnvironmentKeys = CliProcess.launcher().home(home).in(work)
                .env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString())
                .env("AWS_ENDPOINT_URL_STS", sts.endpoint().toString())
                .env("AWS_EC2_METADATA_DISABLED", "true");

        Result result = noEnvironmentKeys.run("chat", "--profile", "production", "--model-id",
                "custom:eu-west-1:bedrock:claude-3-haiku:1", "hello");

        assertThat(result.exitCode()).isZero();
        JsonNode metadata = onlyConversation().get("metadata");
        assertThat(metadata.get("aws_profile").asText()).isEqualTo("production");
        assertThat(metadata.get("aws_account_id").asText()).isEqualTo(ACCOUNT);
        assertThat(bedrock.modelRequests().get(0).header("Authorization")).contains(ACCESS_KEY_ID + "/", "eu-west-1");
    }

    @Test
    void readsTheQuestionFromPipedStdin() throws IOException {
        Result result = cli().stdin("What is in this pipe?\n").run("chat", "--no-interactive");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("What is in this pipe?");
        assertThat(onlyConversation().at("/messages/0/content").asText()).isEqualTo("What is in this pipe?");
    }

    @Test
    void runsATrustedToolAndAnswersWithItsResult() throws IOException {
        Path notes = Files.writeString(elsewhere.resolve("notes.txt"), "the launch code is blue-42\n");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "file_read", "{\"path\":", "\"" + notes + "\"}"),
                StubReply.text("The file says the code is blue-42."));

        Result result = cli().run("chat", "--trust-all-tools", "What", "does", notes.toString(), "say?");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("The file says the code is blue-42.");
        assertThat(bedrock.modelRequests()).hasSize(2);
        assertThat(bedrock.modelRequests().get(1).bodyText()).contains("blue-42", "tooluse_1");
        JsonNode saved = onlyConversation();
        assertThat(roles(saved)).containsSubsequence("user", "tool_call", "tool_result", "assistant");
        JsonNode call = findByRole(saved, "tool_call");
        assertThat(call.get("tool_name").asText()).isEqualTo("file_read");
        assertThat(call.at("/arguments/path").asText()).isEqualTo(notes.toString());
        assertThat(findByRole(saved, "tool_result").get("content").asText()).contains("blue-42");
    }

    @Test
    void refusesAnUntrustedToolInOneShotModeAndSaysHowToAllowIt() throws IOException {
        Path notes = Files.writeString(elsewhere.resolve("notes.txt"), "the launch code is blue-42\n");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "file_read", "{\"path\":\"" + notes + "\"}"),
                StubReply.text("I could not read it."));

        Result result = cli().run("chat", "What does " + notes + " say?");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("I could not read it.").doesNotContain("blue-42");
        assertThat(result.stderr()).contains("refused to run file_read", "--trust-tools=file_read");
        assertThat(bedrock.modelRequests().get(1).bodyText()).contains("refused").doesNotContain("blue-42");
        JsonNode result1 = findByRole(onlyConversation(), "tool_result");
        assertThat(result1.get("content").asText()).contains("refused");
        assertThat(result1.get("status").asText()).isEqualTo("error");
    }

    @Test
    void conversationIdStartsThenContinuesTheSameConversation() throws IOException {
        String id = "550e8400-e29b-41d4-a716-446655440000";
        bedrock.enqueue(StubReply.text("First answer."), StubReply.text("Second answer."));

        Result first = cli().run("chat", "--conversation-id", id, "first question");
        Result second = cli().run("chat", "--conversation-id", id, "second question");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        JsonNode saved = onlyConversation();
        assertThat(saved.get("conversation_id").asText()).isEqualTo(id);
        assertThat(roles(saved)).containsExactly("user", "assistant", "user", "assistant");
        assertThat(bedrock.modelRequests().get(1).bodyText()).contains("first question", "First answer.");
    }

    @Test
    void aReadOnlyConversationIsNeverReplaced() throws IOException {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX modes only");
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."));
        cli().run("chat", "first");
        Path file = conversationFiles().get(0);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        byte[] before = Files.readAllBytes(file);

        Result result = cli().run("chat", "--resume", "second");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString().contains(file.toString(), "read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
    }

    /** 60 MB in a 48 MB heap: a chat must load it whole, and says so in one line instead of a stack trace. */
    @Test
    void aConversationTooLargeForTheHeapIsOneLineNamingItAndTheFix() throws IOException {
        String id = "44444444-4444-4444-8444-444444444444";
        Path folder = Files.createDirectories(home.resolve(".amazon-q/conversations"));
        Path large = LargeConversation.write(folder, id, 600);
        byte[] before = Files.readAllBytes(large);

        Result result = cli().env("REDUX_JAVA_OPTS", "-Xmx48m").run("chat", "--conversation-id", id, "more");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString()
                .contains(large.toString(), "too large", "REDUX_JAVA_OPTS=-Xmx");
        assertThat(Files.readAllBytes(large)).isEqualTo(before);
        assertThat(bedrock.modelRequests()).isEmpty();
    }

    @Test
    void resumesByIdOrTheLatestOfTheFolderAndRefusesAnUnknownId() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."), StubReply.text("Three."));
        cli().run("chat", "first");
        String id = onlyConversation().get("conversation_id").asText();

        Result byId = cli().run("chat", "--resume", id, "second");
        Result latest = cli().run("chat", "--resume", "third");
        Result unknown = cli().run("chat", "--resume", "00000000-0000-4000-8000-000000000000", "fourth");

        assertThat(byId.exitCode()).isZero();
        assertThat(latest.exitCode()).isZero();
        assertThat(latest.stdout()).isEqualTo("Three.\n");
        assertThat(roles(onlyConversation())).hasSize(6);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderrLines()).singleElement().asString().contains("does not exist");
    }

    @Test
    void theWarningOfAResumeShowsControlCharactersFromAnUnreadableFileInsteadOfSendingThem() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."));
        cli().run("chat", "first");
        ObjectNode unreadable = (ObjectNode) onlyConversation();
        String id = "22222222-2222-4222-8222-222222222222";
        unreadable.put("conversation_id", id);
        unreadable.put("model_id", "custom:\u001b]0;owned\u0007:bedrock:m:1");
        JSON.writeValue(home.resolve(".amazon-q/conversations/" + id + ".json").toFile(), unreadable);

        Result result = cli().run("chat", "--resume", "--", "second");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).contains("passed over", id, "^[]0;owned^G").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void switchingTheModelOfAConversationIsRecorded() throws IOException {
        bedrock.enqueue(StubReply.text("On Sonnet."), StubReply.text("On Haiku."));
        cli().run("chat", "first");
        String id = onlyConversation().get("conversation_id").asText();

        Result switched = cli().run("chat", "--resume", id, "--model-id", "custom:eu-west-1:bedrock:claude-3-haiku:1",
                "second");

        assertThat(switched.exitCode()).isZero();
        assertThat(onlyConversation().get("model_id").asText()).isEqualTo("custom:eu-west-1:bedrock:claude-3-haiku:1");
        assertThat(onlyConversation().get("region").asText()).isEqualTo("eu-west-1");
        assertThat(BedrockRuntimeStub.modelIdOf(bedrock.modelRequests().get(1))).isEqualTo("claude-3-haiku:1");
    }

    @Test
    void theModelComesFromReduxModelIdWhenNotGiven() throws IOException {
        cli().env("REDUX_MODEL_ID", "custom:us-west-2:meta:llama3-70b-instruct:v1").run("chat", "hi");

        assertThat(BedrockRuntimeStub.modelIdOf(bedrock.modelRequests().get(0))).isEqualTo("meta.llama3-70b-instruct:v1");
        assertThat(onlyConversation().get("model_id").asText()).isEqualTo("custom:us-west-2:meta:llama3-70b-instruct:v1");
    }

    @Test
    void throttledTwiceThenAnsweredPrintsOneAnswer() throws IOException {
        bedrock.throttle(2).enqueue(StubReply.text("Only", " once."));

        Result result = cli().run("chat", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("Only once.\n");
        assertThat(bedrock.modelRequests()).hasSize(3);
        assertThat(roles(onlyConversation())).containsExactly("user", "assistant");
    }

    @Test
    void jsonPrintsOneObjectForScripts() throws IOException {
        bedrock.enqueue(StubReply.text("Forty", "-two.").withUsage(12, 3));

        Result result = cli().run("chat", "--json", "the answer?");

        assertThat(result.exitCode()).isZero();
        JsonNode printed = JSON.readTree(result.stdout());
        assertThat(printed.get("conversation_id").asText()).isEqualTo(onlyConversation().get("conversation_id").asText());
        assertThat(printed.get("answer").asText()).isEqualTo("Forty-two.");
        assertThat(printed.at("/usage/input_tokens").asLong()).isEqualTo(12);
        assertThat(printed.at("/usage/output_tokens").asLong()).isEqualTo(3);
        assertThat(printed.get("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void aStreamedAnswerShowsControlCharactersEvenWhenASequenceIsSplitAcrossDeltas() {
        bedrock.enqueue(StubReply.text("Title \u001b]0;", "owned\u0007 clip \u001b", "]52;c;eA==\u0007 done\r",
                "\n\u001b[2Jend\u202e"));

        Result result = cli().run("chat", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("Title ^[]0;owned^G clip ^[]52;c;eA==^G done\n^[[2Jend<U+202E>\n");
    }

    @Test
    void jsonKeepsTheAnswersExactText() throws IOException {
        String answer = "Title \u001b]0;owned\u0007 and \u009b2J\u202e";
        bedrock.enqueue(StubReply.text(answer));

        Result result = cli().run("chat", "--json", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(JSON.readTree(result.stdout()).get("answer").asText()).isEqualTo(answer);
        assertThat(result.stdout()).doesNotContain("\u001b", "\u009b", "\u202e");
    }

    @Test
    void aModelErrorIsOneLineOnStderrWithExitCode1() {
        bedrock.enqueue(StubReply.error(StubError.ACCESS_DENIED));

        Result result = cli().run("chat", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines()).singleElement().asString().startsWith("redux_cli: ").doesNotContain(SECRET);
    }

    @Test
    void aStreamCutAfterTextKeepsThePartialAnswerMarkedIncompleteAndExits1() throws IOException {
        // messageStart and the first delta, then the connection ends: no messageStop, no metadata.
        bedrock.enqueue(StubReply.text("The first half", " and the rest").withCutAfter(2), StubReply.text("never"));

        Result result = cli().run("chat", "Tell me everything");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("The first half").doesNotContain("the rest");
        assertThat(result.stderrLines()).singleElement().asString().startsWith("redux_cli: ")
                .contains("ended the answer", "early", "incomplete");
        JsonNode saved = onlyConversation();
        assertThat(roles(saved)).containsExactly("user", "assistant");
        assertThat(saved.at("/messages/1/content").asText()).isEqualTo("The first half");
        assertThat(saved.at("/messages/1/stop_reason").asText()).isEqualTo("incomplete");
        assertThat(bedrock.modelRequests()).hasSize(1);
    }

    @Test
    void aStallAfterTextSaysTheModelStoppedSendingAndKeepsThePartialAnswer() throws IOException {
        // The stub holds the stream open after the first delta; the short read timeout ends the wait.
        bedrock.enqueue(StubReply.text("The first half", " and the rest").withStallAfter(2, StubReply.Stall.FOREVER));

        Result result = cli().env("REDUX_READ_TIMEOUT", "0.5").run("chat", "Tell me everything");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("The first half").doesNotContain("the rest");
        assertThat(result.stderrLines()).singleElement().asString()
                .contains("stopped sending", "claude-3-5-sonnet-20241022-v2:0", bedrock.endpoint().toString(), "0.5 s", "incomplete")
                .doesNotContain("ReadTimeoutException", "Cannot reach");
        JsonNode saved = onlyConversation();
        assertThat(saved.at("/messages/1/content").asText()).isEqualTo("The first half");
        assertThat(saved.at("/messages/1/stop_reason").asText()).isEqualTo("incomplete");
    }

    @Test
    void jsonReportsAnIncompleteAnswerAndExits1() throws IOException {
        bedrock.enqueue(StubReply.text("The first half", " and the rest").withCutAfter(2));

        Result result = cli().run("chat", "--json", "Tell me everything");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode printed = JSON.readTree(result.stdout());
        assertThat(printed.get("stop_reason").asText()).isEqualTo("incomplete");
        assertThat(printed.get("answer").asText()).isEqualTo("The first half");
        assertThat(printed.get("conversation_id").asText()).isEqualTo(onlyConversation().get("conversation_id").asText());
        assertThat(result.stderrLines()).singleElement().asString().startsWith("redux_cli: ").contains("incomplete");
    }

    @Test
    void throttlingInsideTheStreamIsRetriedLikeA429() throws IOException {
        bedrock.enqueue(StubReply.text("lost").withStreamFailure(1, StubError.THROTTLING), StubReply.text("Only", " once."));

        Result result = cli().run("chat", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("Only once.\n");
        assertThat(bedrock.modelRequests()).hasSize(2);
    }

    @Test
    void aToolCallWhoseInputIsNotJsonIsAnErrorNeverDropped() throws IOException {
        bedrock.enqueue(StubReply.text("Let me look.").andToolUse("tooluse_1", "file_read", "{\"path\":", "\"REA"));

        Result result = cli().run("chat", "What is in the README?");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString().contains("file_read", "not valid JSON");
        JsonNode saved = onlyConversation();
        assertThat(roles(saved)).containsExactly("user", "assistant");
        assertThat(saved.at("/messages/1/stop_reason").asText()).isEqualTo("incomplete");
        assertThat(bedrock.modelRequests()).hasSize(1);
    }

    @Test
    void badUsageIsExplained() {
        Result both = cli().run("chat", "--conversation-id", "550e8400-e29b-41d4-a716-446655440000", "--resume", "x");
        Result badModel = cli().run("chat", "--model-id", "claude", "hi");
        Result unknownTool = cli().run("chat", "--trust-tools=file_read,teleport", "hi");
        Result noQuestion = cli().stdin("  \n").run("chat", "--no-interactive");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("--conversation-id", "--resume");
        assertThat(badModel.exitCode()).isEqualTo(2);
        assertThat(badModel.stderr()).contains("custom:<region>");
        assertThat(unknownTool.exitCode()).isEqualTo(2);
        assertThat(unknownTool.stderr()).contains("teleport");
        assertThat(noQuestion.exitCode()).isEqualTo(2);
        assertThat(noQuestion.stderr()).contains("No question");
        assertThat(bedrock.modelRequests()).isEmpty();
    }

    @Test
    void aPromptAndPipedInputBothReachTheModelThePromptFirst() throws IOException {
        bedrock.enqueue(StubReply.text("Looks fine.").withUsage(40, 2));
        String diff = "diff --git a/app.py b/app.py\n+print(\"hello\")\n";

        Result result = cli().stdin(diff).run("chat", "--no-interactive", "--json", "Review this change");

        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        String sent = onlyConversation().at("/messages/0/content").asText();
        assertThat(sent).isEqualTo("Review this change\n\n<stdin>\n" + diff.strip() + "\n</stdin>");
        JsonNode request = JSON.readTree(bedrock.modelRequests().get(0).bodyText());
        assertThat(request.at("/messages/0/content/0/text").asText()).isEqualTo(sent);
    }

    @Test
    void aPipedConversationIsTitledWithThePromptAlone() throws IOException {
        bedrock.enqueue(StubReply.text("Looks fine."));
        cli().stdin("diff --git a/README.md b/README.md\n").run("chat", "--no-interactive", "Review this change");

        JsonNode listed = JSON.readTree(cli().run("conversations", "list", "--json").stdout());

        assertThat(listed.get(0).get("title").asText()).isEqualTo("Review this change");
    }

    @Test
    void pipedInputOverTheLimitIsRefusedBeforeAnythingIsSentOrStored() throws IOException {
        String huge = "x".repeat(1024 * 1024) + "\n";

        Result result = cli().stdin(huge).run("chat", "--no-interactive", "Summarise this");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().startsWith("redux_cli: ").contains("1 MiB");
        assertThat(bedrock.modelRequests()).isEmpty();
        assertThat(conversationFiles()).isEmpty();
    }

    @Test
    void aNewConversationWhoseFirstRequestFailsIsNotLeftBehind() throws IOException {
        bedrock.enqueue(StubReply.error(StubError.ACCESS_DENIED));
        Result modelError = cli().run("chat", "hello");
        Result refused = cli().env("REDUX_ENDPOINT_URL", "http://127.0.0.1:9").run("chat", "hello");
        Result noCredentials = CliProcess.launcher().home(home).in(work)
                .env("REDUX_ENDPOINT_URL", bedrock.endpoint().toString())
                .env("AWS_EC2_METADATA_DISABLED", "true").run("chat", "hello");
        Result namedId = cli().env("REDUX_ENDPOINT_URL", "http://127.0.0.1:9")
                .run("chat", "--conversation-id", "550e8400-e29b-41d4-a716-446655440000", "hello");

        for (Result failed : List.of(modelError, refused, noCredentials, namedId)) {
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderrLines()).singleElement().asString().startsWith("redux_cli: ")
                    .doesNotContain("--resume");
        }
        assertThat(conversationFiles()).isEmpty();
        assertThat(cli().run("conversations", "list").stdout()).contains("No conversations yet");
    }

    @Test
    void aFailedTurnOfAContinuedConversationKeepsThePromptAndSaysHowToRetry() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.error(StubError.ACCESS_DENIED));
        cli().run("chat", "first");
        String id = onlyConversation().get("conversation_id").asText();

        Result failed = cli().run("chat", "--resume", id, "second");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderrLines()).singleElement().asString()
                .contains("conversation " + id, "redux_cli chat --resume " + id);
        assertThat(roles(onlyConversation())).containsExactly("user", "assistant", "user");
    }

    @Test
    void aMistypedResumeIdIsBadUsageAndTheLatestIsResumedWithADoubleDash() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."));
        cli().run("chat", "first");

        Result typo = cli().run("chat", "--resume", "550e8400-e29b-41d4-a716-44665544000", "what next?");
        Result noDashes = cli().run("chat", "--resume", "550e8400e29b41d4a716446655440000", "what next?");
        Result latest = cli().run("chat", "--resume", "--", "what next?");

        for (Result bad : List.of(typo, noDashes)) {
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.stderrLines()).singleElement().asString().contains("not a conversation id", "--resume --");
        }
        assertThat(latest.exitCode()).isZero();
        assertThat(latest.stdout()).isEqualTo("Two.\n");
        assertThat(onlyConversation().at("/messages/2/content").asText()).isEqualTo("what next?");
        assertThat(bedrock.modelRequests()).hasSize(2);
    }

    @Test
    void resumingTheLatestWarnsAboutAConversationItCouldNotRead() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."));
        cli().run("chat", "first");
        Path broken = home.resolve(".amazon-q/conversations/00000000-0000-4000-8000-000000000001.json");
        Files.writeString(broken, "{ not json");

        Result latest = cli().run("chat", "--resume", "--", "second");

        assertThat(latest.exitCode()).isZero();
        assertThat(latest.stderrLines()).singleElement().asString().contains("warning", broken.toString());
    }

    @Test
    void aModelIdItsServiceCannotRouteIsBadUsageBeforeAnythingIsStored() throws IOException {
        String noComponent = "custom:us-east-1:sagemaker:ep:component=";

        Result option = cli().run("chat", "--model-id", noComponent, "hi");
        Result variable = cli().env("REDUX_MODEL_ID", noComponent).run("chat", "hi");

        for (Result bad : List.of(option, variable)) {
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.stderrLines()).singleElement().asString().contains("component=NAME");
        }
        assertThat(conversationFiles()).isEmpty();
    }

    @Test
    void aResumedConversationIsLeftUntouchedByAModelIdThatCannotBeRouted() throws IOException {
        bedrock.enqueue(StubReply.text("One."));
        cli().run("chat", "first");
        JsonNode before = onlyConversation();
        String id = before.get("conversation_id").asText();

        Result bad = cli().run("chat", "--resume", id, "--model-id", "custom:us-east-1:sagemaker:ep:component=",
                "second");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderrLines()).singleElement().asString().contains("component=NAME");
        assertThat(onlyConversation()).isEqualTo(before);
    }

    private static JsonNode findByRole(JsonNode conversation, String role) {
        for (JsonNode message : conversation.get("messages")) {
            if (message.get("role").asText().equals(role)) {
                return message;
            }
        }
        throw new AssertionError("no " + role + " message in " + conversation);
    }

    @Test
    void aModelIdWithAnEscapeSequenceIsABadUsageAndSendsNothing() {
        Result result = cli().run("chat", "--model-id", "custom:us-east-1:anthropic:x\u001b]0;owned\u0007:1", "hello");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString()
                .contains("the model-id", "U+001B", "custom:<region>").doesNotContain("\u001b", "\u0007");
        assertThat(bedrock.modelRequests()).isEmpty();
    }
}
