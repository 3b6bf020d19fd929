package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.cli.agent.AgentAccess;
import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.agent.FolderAgents;
import io.redux.cli.output.ConversationExport;
import io.redux.cli.ModelChoice;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.Message;
import io.redux.domain.model.SessionType;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import io.redux.domain.tool.ToolRegistry;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.testkit.FakeModelGateway;
import io.redux.tools.BuiltInTools;
import io.redux.tools.ShellHookRunner;
import io.redux.tools.WorkingFolderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive session driven through a JLine test terminal, in process, against a scripted model. */
class InteractiveChatTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private final TestTerminal keyboard = new TestTerminal();
    private JsonConversationRepository conversations;
    private AgentAccess agents = new NoAgents();

    private CompletableFuture<Integer> start(ModelGateway gateway, String... options) {
        return startOn(keyboard, gateway, options);
    }

    private static Conversation only(JsonConversationRepository conversations) {
        List<ConversationSummary> all = conversations.list().conversations();
        assertThat(all).hasSize(1);
        return conversations.load(all.get(0).id());
    }

    @Test
    void answersEachPromptAndSavesTheConversationAsInteractive() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder().answer("Hello from the model.").answer("Second answer.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("hi\nand again\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("Hello from the model.", "Second answer.", "--resume");
        Conversation saved = only(conversations);
        assertThat(saved.messages()).extracting(Message::text)
                .containsExactly("hi", "Hello from the model.", "and again", "Second answer.");
        assertThat(saved.metadata().sessionType()).isEqualTo(SessionType.INTERACTIVE);
        assertThat(saved.metadata().workingDirectory()).isEqualTo(work.toString());
        assertThat(saved.metadata().awsAccountId()).isEqualTo("123456789012");
        assertThat(saved.metadata().userArn()).isEqualTo("arn:aws:iam::123456789012:user/tester");
    }

    /**
     * Resolving the credentials (a credential_process, an SSO refresh) and building the model's clients may take
     * long: the prompt comes first, and the first message waits for them. Here nothing resolves until the test has
     * seen the prompt, so a chat that waited for its credentials before the prompt would never show it.
     */
    @Test
    void thePromptComesBeforeTheCredentialsAndTheFirstMessageWaitsForThem() throws Exception {
        CountDownLatch resolved = new CountDownLatch(1);
        CredentialSource identity = identityOnceOpened(resolved);
        FakeModelGateway model = FakeModelGateway.builder().answer("Answered once the credentials came.").build();
        ModelGateway waitingForCredentials = (request, listener) -> {
            awaitUninterruptibly(resolved);
            return model.converseStream(request, listener);
        };
        CompletableFuture<Integer> session = startOn(keyboard, new FakeAwsAccess(waitingForCredentials, identity));

        keyboard.awaitScreen("Ctrl-D to leave.", 30);
        keyboard.awaitScreen("> ", 30);
        keyboard.type("hi\n");
        resolved.countDown();
        keyboard.type("/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("Answered once the credentials came.");
        Conversation saved = only(conversations);
        assertThat(saved.messages()).extracting(Message::text)
                .containsExactly("hi", "Answered once the credentials came.");
        assertThat(saved.metadata().awsAccountId()).isEqualTo("123456789012");
    }

    /**
     * No credentials: the first message says so in one line, and the prompt stays for the next one; the failed start
     * leaves no conversation behind, the next message starts it.
     */
    @Test
    void credentialsThatCannotBeResolvedFailTheFirstMessageInOneLineAndKeepThePrompt() throws Exception {
        String noCredentials = "No AWS credentials: set AWS_PROFILE or run 'aws configure'.";
        CredentialSource identity = () -> {
            throw new CredentialsException(noCredentials);
        };
        FakeModelGateway model = FakeModelGateway.builder().answer("Now it works.").build();
        AtomicInteger calls = new AtomicInteger();
        ModelGateway failingOnce = (request, listener) -> {
            if (calls.getAndIncrement() == 0) {
                throw new CredentialsException(noCredentials);
            }
            return model.converseStream(request, listener);
        };
        CompletableFuture<Integer> session = startOn(keyboard, new FakeAwsAccess(failingOnce, identity));

        keyboard.type("first\nsecond\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        String screen = keyboard.screen();
        assertThat(screen).containsOnlyOnce("redux_cli: " + noCredentials).contains("Now it works.");
        assertThat(screen.lines().filter(line -> line.contains("No AWS credentials"))).hasSize(1);
        assertThat(only(conversations).messages()).extracting(Message::text)
                .containsExactly("second", "Now it works.");
    }

    /** The fake identity, once {@code latch} opens: a lookup as slow as the test wants. */
    private static CredentialSource identityOnceOpened(CountDownLatch latch) {
        return () -> {
            awaitUninterruptibly(latch);
            return FakeAwsAccess.IDENTITY;
        };
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leavingBeforeTheFirstMessageStoresNoConversation() throws Exception {
        CompletableFuture<Integer> session = start(FakeModelGateway.builder().build());

        keyboard.endInput();

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(conversations.list().conversations()).isEmpty();
        assertThat(keyboard.screen()).doesNotContain("is saved", "--resume");
    }

    /**
     * The identity lookup is written into the conversation the first message starts: with no message there is nothing
     * to write it into, so leaving does not wait for a lookup that is slow (up to 10 s) or never ends.
     */
    @Test
    void leavingBeforeTheFirstMessageDoesNotWaitForTheIdentity() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CredentialSource identity = identityOnceOpened(never);
        CompletableFuture<Integer> session = startOn(keyboard,
                new FakeAwsAccess(FakeModelGateway.builder().build(), identity));
        try {
            keyboard.awaitScreen("> ", 30);
            keyboard.type("/quit\n");

            assertThat(session.get(5, TimeUnit.SECONDS)).isZero();
            assertThat(conversations.list().conversations()).isEmpty();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aModelItsServiceCannotCallIsRefusedByModelAndTheSessionKeepsItsModel() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder().answer("One.").answer("Two.").build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("first\n/model custom:us-east-1:sagemaker:ep:component=\nsecond\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("component=NAME").doesNotContain("Continuing with");
        assertThat(only(conversations).modelId()).isEqualTo(ModelChoice.DEFAULT);
        assertThat(model.lastRequest().model()).isEqualTo(ModelChoice.DEFAULT);
    }

    @Test
    void keepsPromptsInAPrivateHistoryFile() throws Exception {
        CompletableFuture<Integer> session = start(FakeModelGateway.builder().answer("ok").build());

        keyboard.type("remember this prompt\n");
        keyboard.endInput();

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        Path history = home.resolve(".amazon-q/redux_history");
        assertThat(Files.readString(history)).contains("remember this prompt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }

    @Test
    void aLineEndingInABackslashContinuesOnTheNext() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder().answer("ok").build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("first line \\\nsecond line\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(only(conversations).messages().get(0).text()).isEqualTo("first line \nsecond line");
    }

    @Test
    void ctrlCDuringAnAnswerKeepsThePartialAnswerMarkedInterrupted() throws Exception {
        BlockingGateway model = new BlockingGateway("The beginning of a long ");
        CompletableFuture<Integer> session = start(model);

        keyboard.type("tell me a long story\n");
        assertThat(model.streaming.await(30, TimeUnit.SECONDS)).isTrue();
        keyboard.pressCtrlC();
        keyboard.type("/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        Conversation saved = only(conversations);
        assertThat(saved.messages()).hasSize(2);
        AssistantMessage partial = (AssistantMessage) saved.messages().get(1);
        assertThat(partial.content()).isEqualTo("The beginning of a long ");
        assertThat(partial.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(keyboard.screen()).contains("interrupted");
    }

    @Test
    void asksBeforeRunningAnUntrustedToolAndTrustsItForTheSessionOnT() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tool_1", "file_write", write("a.txt", "one"))
                .answer("Wrote a.txt.")
                .toolUse("tool_2", "file_write", write("b.txt", "two"))
                .answer("Wrote b.txt.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("write a\nt\nwrite b\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).containsOnlyOnce("Allow file_write? [y/n/t]");
        assertThat(work.resolve("a.txt")).hasContent("one");
        assertThat(work.resolve("b.txt")).hasContent("two");
    }

    @Test
    void aRefusedToolIsNotRunAndTheModelIsTold() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tool_1", "file_write", write("a.txt", "one"))
                .answer("Understood, I will not write it.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("write a\nn\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(work.resolve("a.txt")).doesNotExist();
        ToolResult result = only(conversations).messages().stream().filter(ToolResult.class::isInstance)
                .map(ToolResult.class::cast).findFirst().orElseThrow();
        assertThat(result.isError()).isTrue();
        assertThat(result.content()).contains("refused");
    }

    @Test
    void trustToolsOptionSkipsTheQuestion() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tool_1", "file_write", write("a.txt", "one"))
                .answer("Done.")
                .build();
        CompletableFuture<Integer> session = start(model, "--trust-tools=file_write");

        keyboard.type("write a\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).doesNotContain("Allow");
        assertThat(work.resolve("a.txt")).hasContent("one");
    }

    @Test
    void answersAndToolCallsShowControlCharactersInsteadOfSendingThem() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("Look \u001b]0;owned\u0007 here\u202e")
                .toolUse("tool_1\u001b[2J", "file_write", write("a\u009b2J.txt", "one"))
                .answer("Not written.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("hi\nwrite a\nn\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        String screen = keyboard.screen();
        assertThat(screen).contains("Look ^[]0;owned^G here<U+202E>", "a<U+009B>2J.txt", "Not written.")
                .doesNotContain("\u001b]", "\u0007", "\u009b", "\u202e");
    }

    @Test
    void theQuestionShowsAllOfArgumentsTooLongForTheToolLine() throws Exception {
        String command = "echo hello" + " ".repeat(200) + "; touch hidden-tail";
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tool_1", "execute_bash", new JsonValue.JsonObject(Map.of("command", JsonValue.of(command))))
                .answer("Not run.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("say hello\nn\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        String screen = keyboard.screen();
        assertThat(screen.indexOf("touch hidden-tail")).isNotNegative().isLessThan(screen.indexOf("Allow execute_bash?"));
        assertThat(work.resolve("hidden-tail")).doesNotExist();
    }

    @Test
    void aMutatingUseAwsCallAsksAndARefusalRunsNothing() throws Exception {
        JsonValue.JsonObject putObject = new JsonValue.JsonObject(Map.of("service_name", JsonValue.of("s3api"),
                "operation_name", JsonValue.of("put-object"), "region", JsonValue.of("us-east-1"),
                "label", JsonValue.of("Upload"), "parameters", new JsonValue.JsonObject(Map.of(
                        "bucket", JsonValue.of("b"), "key", JsonValue.of("k")))));
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tool_1", "use_aws", putObject).answer("Not uploaded.").build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("upload it\nn\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("Allow use_aws?", "Not uploaded.");
        assertThat(model.lastRequest().toString()).contains("The user refused to run use_aws");
    }

    @Test
    void exportingBeforeTheFirstMessageSaysThereIsNothingYet() throws Exception {
        CompletableFuture<Integer> session = start(FakeModelGateway.builder().build());

        keyboard.type("/export out.md\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("Nothing to export yet").doesNotContain("does not exist");
        assertThat(work.resolve("out.md")).doesNotExist();
    }

    @Test
    void slashCommandsShowSwitchListTrustExportAndClear() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder().answer("First.").answer("In the new one.").build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type(String.join("\n", "hello", "/help", "/usage", "/model",
                "/model custom:eu-west-1:bedrock:claude-3-haiku:1", "/tools", "/tools trust execute_bash",
                "/tools trust nothing", "/export --format markdown out.md", "/export out.md", "/frobnicate",
                "/agent", "/agent list", "/agent other",
                "/clear", "again", "/quit", ""));

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        String screen = keyboard.screen();
        assertThat(screen).contains("/compact", "Tokens in this conversation: 10 in, 5 out",
                "Model: " + ModelChoice.DEFAULT, "Continuing with custom:eu-west-1:bedrock:claude-3-haiku:1",
                "execute_bash", "now runs without asking", "Unknown tool \"nothing\"", "Exported conversation",
                "already exists", "Unknown command /frobnicate", "New conversation",
                "No agent: the default context files and every tool.", "No agents in ~/.aws/amazonq/cli-agents/",
                "Usage: /agent, /agent list");
        assertThat(Files.readString(work.resolve("out.md"))).contains("hello", "First.");
        List<ConversationSummary> all = conversations.list().conversations();
        assertThat(all).hasSize(2);
        assertThat(all).extracting(ConversationSummary::modelId)
                .containsOnly("custom:eu-west-1:bedrock:claude-3-haiku:1");
        assertThat(model.lastRequest().model().toString()).isEqualTo("custom:eu-west-1:bedrock:claude-3-haiku:1");
    }

    @Test
    void contextShowsAddsAndRemovesTheFilesSentToTheModelForTheSession() throws Exception {
        Files.writeString(work.resolve("AGENTS.md"), "Always answer in French.\n");
        Files.createDirectories(work.resolve("notes"));
        Files.writeString(work.resolve("notes/plan.md"), "The plan.\n");
        Files.writeString(work.resolve("notes/esc\u001b[31m.md"), "hidden\n");
        FakeModelGateway model = FakeModelGateway.builder().answer("Oui.").answer("Non.").build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type(String.join("\n", "/context show", "/context add notes/**/*.md", "/context add nothing/*.md",
                "/context add ../*.md", "hello", "/context rm AGENTS.md", "/context rm notes/plan.md", "/context show", "again", "/context frob",
                "/quit", ""));

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        String screen = keyboard.screen();
        assertThat(screen).contains("Context patterns: AGENTS.md, AmazonQ.md, README.md, .amazonq/rules/**/*.md",
                "  AGENTS.md  25 bytes, ~7 tokens", "Total: 1 file, ~7 tokens",
                "Added notes/**/*.md (2 files) for this session.", "No file matches nothing/*.md; nothing added.",
                "../*.md: skipped: it is outside the working folder\n", "No file matches ../*.md; nothing added.",
                "Removed AGENTS.md for this session.", "Left out 1 file matching notes/plan.md for this session.",
                "(left out: notes/plan.md)", "Usage: /context show");
        assertThat(screen).contains("notes/esc^[[31m.md").doesNotContain("\u001b[31m");
        assertThat(model.requests().get(0).systemPrompt()).contains("--- context file: AGENTS.md ---",
                "--- context file: notes/plan.md ---");
        assertThat(model.requests().get(1).systemPrompt()).doesNotContain("AGENTS.md", "notes/plan.md")
                .contains("--- context file: notes/esc\u001b[31m.md ---");
    }

    @Test
    void offersToCompactWhenTheModelSaysTheInputIsTooLong() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("An early answer.")
                .failure(new ModelInvocationException(ModelInvocationException.Reason.INPUT_TOO_LONG,
                        "The input is too long for the model."))
                .answer("A summary of everything.")
                .answer("The answer after compaction.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("early question\nbig question\ny\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("too long", "Compacted", "The answer after compaction.");
        List<Message> messages = only(conversations).messages();
        assertThat(messages.get(messages.size() - 1).text()).isEqualTo("The answer after compaction.");
        assertThat(messages).filteredOn(UserMessage.class::isInstance).extracting(Message::text)
                .contains("big question");
    }

    @Test
    void aSlashCommandThatFailsIsReportedAndTheSessionGoesOn() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("First.")
                .answer("Second.")
                .failure(new ModelInvocationException(ModelInvocationException.Reason.THROTTLED,
                        "Bedrock throttled the request 3 times."))
                .answer("Still here.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("one\ntwo\n/compact\nthree\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("redux_cli: Bedrock throttled the request 3 times.", "Still here.");
    }

    @Test
    void anAnswerThatBreaksOffIsKeptMarkedIncompleteWithOneLineAndTheSessionGoesOn() throws Exception {
        FakeModelGateway model = FakeModelGateway.builder()
                .failureAfter(new ModelInvocationException(ModelInvocationException.Reason.SERVICE_UNAVAILABLE,
                        "Bedrock stopped sending the answer: nothing arrived for 90 s."), "Half ", "an answer")
                .answer("Still here.")
                .build();
        CompletableFuture<Integer> session = start(model);

        keyboard.type("one\ntwo\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("Half an answer", "Still here.");
        assertThat(keyboard.screen().lines().filter(line -> line.contains("incomplete")))
                .singleElement().asString().contains("redux_cli: Bedrock stopped sending the answer");
        List<Message> saved = only(conversations).messages();
        assertThat(saved).extracting(Message::text).containsExactly("one", "Half an answer", "two", "Still here.");
        assertThat(((AssistantMessage) saved.get(1)).stopReason()).isEqualTo(StopReason.INCOMPLETE);
    }

    @Test
    void resumesTheLatestConversationOfTheFolder() throws Exception {
        CompletableFuture<Integer> first = start(FakeModelGateway.builder().answer("One.").build());
        keyboard.type("first\n/quit\n");
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();

        TestTerminal again = new TestTerminal();
        CompletableFuture<Integer> resumed = startOn(again, FakeModelGateway.builder().answer("Two.").build(),
                "--resume");
        again.type("second\n/quit\n");

        assertThat(resumed.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(only(conversations).messages()).extracting(Message::text)
                .containsExactly("first", "One.", "second", "Two.");
    }

    @Test
    void aWorkspaceAgentIsAskedAboutAndRunsItsHooksOnlyOnceAllowed() throws Exception {
        workspaceAgent("team", "{\"hooks\": {\"agentSpawn\": [{\"command\": \"touch spawned.txt\"}]}, "
                + "\"allowedTools\": [\"execute_bash\"]}");

        CompletableFuture<Integer> refused = start(FakeModelGateway.builder().answer("One.").build(), "--agent",
                "team");
        keyboard.type("n\nhello\n/quit\n");
        assertThat(refused.get(30, TimeUnit.SECONDS)).isZero();
        boolean ranWhenRefused = Files.exists(work.resolve("spawned.txt"));
        TestTerminal again = new TestTerminal();
        CompletableFuture<Integer> allowed = startOn(again, FakeModelGateway.builder().answer("Two.").build(),
                "--agent", "team");
        again.type("y\nhello\n/quit\n");

        assertThat(allowed.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("The workspace agent file", "hook agentSpawn: touch spawned.txt",
                "run without asking: execute_bash", "Not allowed: its hooks are skipped");
        assertThat(ranWhenRefused).as("the hook ran though the agent was refused").isFalse();
        assertThat(work.resolve("spawned.txt")).exists();
        assertThat(agents.approved(agents.catalog().find("team").orElseThrow())).isTrue();
    }

    @Test
    void toolsUnderAnAgentListsTheToolsOfferedByTheNamesTheModelKnows() throws Exception {
        workspaceAgent("reader", "{\"tools\": [\"fs_read\", \"execute_bash\"], "
                + "\"toolAliases\": {\"fs_read\": \"read_file\"}}");

        CompletableFuture<Integer> session = start(FakeModelGateway.builder().build(), "--agent", "reader");
        keyboard.type("/tools\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("read_file (file_read)", "execute_bash")
                .doesNotContain("file_write", "unexpected error");
    }

    @Test
    void toolsUnderAnAgentThatOffersNoToolSaysSo() throws Exception {
        workspaceAgent("quiet", "{\"tools\": []}");

        CompletableFuture<Integer> session = start(FakeModelGateway.builder().build(), "--agent", "quiet");
        keyboard.type("/tools\n/quit\n");

        assertThat(session.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(keyboard.screen()).contains("No tools are offered to the model");
    }

    /** Writes the workspace agent file {@code name}.json; the chats started next find it. */
    private void workspaceAgent(String name, String json) throws IOException {
        Path agentFile = work.resolve(".amazonq/cli-agents/" + name + ".json");
        Files.createDirectories(agentFile.getParent());
        Files.writeString(agentFile, json);
        agents = new FolderAgents(home, work, new ShellHookRunner());
    }

    private CompletableFuture<Integer> startOn(TestTerminal terminal, ModelGateway gateway, String... options) {
        return startOn(terminal, new FakeAwsAccess(gateway), options);
    }

    private CompletableFuture<Integer> startOn(TestTerminal terminal, FakeAwsAccess aws, String... options) {
        conversations = new JsonConversationRepository(home.resolve("conversations"));
        CliEnvironment environment = new CliEnvironment(Map.of("NO_COLOR", "1"), home, work,
                new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), true);
        ChatCommand command = new ChatCommand();
        picocli.CommandLine.populateCommand(command, options);
        command.environment = environment;
        command.aws = () -> aws;
        command.chats = () -> new ChatFactory(conversations, aws, Clock.systemUTC(), environment);
        ToolRegistry tools = BuiltInTools.registry(work);
        command.tools = () -> tools;
        command.contextFiles = () -> new WorkingFolderContext(work);
        command.mcp = NoMcpServers::new;
        command.agents = () -> agents;
        ChosenAgent chosen = new ChosenAgent();
        command.chosenAgent = () -> chosen;
        // What the composition binds, by hand: one terminal for the run, and the parts drawn on it.
        ChatTerminal chatTerminal = new ChatTerminal(terminal::terminal, environment);
        command.terminal = () -> chatTerminal;
        command.approvers = () -> new TerminalToolApprover(chatTerminal);
        command.interactiveChats = () -> new InteractiveChat(chatTerminal,
                new SlashCommands(aws, tools, new ConversationExport(conversations), environment, chatTerminal,
                        agents, chosen),
                new AnswerRenderer(chatTerminal));
        return CompletableFuture.supplyAsync(command::call);
    }

    private static JsonValue write(String path, String content) {
        return new JsonValue.JsonObject(Map.of("path", new JsonValue.JsonString(path), "command",
                new JsonValue.JsonString("create"), "content", new JsonValue.JsonString(content)));
    }

    /** Streams one delta, then waits until the turn is cancelled (the thread interrupted), as a slow model would. */
    private static final class BlockingGateway implements ModelGateway {
        final CountDownLatch streaming = new CountDownLatch(1);
        private final String firstDelta;

        BlockingGateway(String firstDelta) {
            this.firstDelta = firstDelta;
        }

        @Override
        public ModelResponse converse(ModelRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
            listener.onEvent(new ModelEvent.TextDelta(firstDelta));
            streaming.countDown();
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelInvocationException(ModelInvocationException.Reason.INTERRUPTED, "interrupted", e);
            }
        }
    }
}
