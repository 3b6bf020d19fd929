package io.redux.domain.chat;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.history.Block;
import io.redux.domain.history.HistoryRepair;
import io.redux.domain.history.Turn;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.Role;
import io.redux.domain.model.SessionType;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.port.ContextSource;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.DefaultTrust;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import io.redux.testkit.FakeModelGateway;
import io.redux.testkit.InMemoryConversationRepository;
import io.redux.tools.BuiltInTools;
import io.redux.tools.ExecuteBashTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChatSessionTest {

    private static final ModelId MODEL = ModelId.parse(ModelId.EXAMPLE);
    private static final ModelId OTHER_MODEL = ModelId.parse("custom:eu-west-1:bedrock:claude-3-haiku:1");
    private static final Instant NOW = Instant.parse("2025-01-09T18:00:00Z");

    @TempDir
    Path dir;
    private Path workingDirectory;
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final List<ToolCall> asked = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** The session a test tool cancels from inside its run, as a Ctrl-C handler would. */
    private ChatSession sessionUnderTest;

    @BeforeEach
    void workIn() throws IOException {
        workingDirectory = Files.createDirectory(dir.resolve("project"));
    }

    @Test
    void aTextTurnStoresThePromptThenTheAnswerWithItsUsage() {
        FakeModelGateway model = FakeModelGateway.builder().answer("Of course!", new TokenUsage(12, 4)).build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        TurnResult result = session.send("Hello, can you help me?", ChatListener.SILENT);

        assertThat(stored(session)).containsExactly(
                new UserMessage("msg_1", NOW, "Hello, can you help me?"),
                new AssistantMessage("msg_2", NOW, "Of course!", new TokenUsage(12, 4), StopReason.END_TURN));
        assertThat(result.answer()).isEqualTo("Of course!");
        assertThat(result.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(result.usage()).isEqualTo(new TokenUsage(12, 4));
        assertThat(result.messages()).isEqualTo(stored(session));
        assertThat(model.lastRequest().model()).isEqualTo(MODEL);
        assertThat(model.lastRequest().tools()).extracting(ToolSpec::name)
                .containsExactly("file_read", "file_write", "execute_bash", "use_aws");
    }

    @Test
    void theAnswerStreamsToTheListenerBeforeItIsStored() {
        FakeModelGateway model = FakeModelGateway.builder().answerInDeltas("Of ", "course", "!").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        List<String> heard = new ArrayList<>();

        session.send("Hi", new ChatListener() {
            @Override
            public void onModelCall() {
                heard.add("model call");
            }

            @Override
            public void onTextDelta(String text) {
                heard.add("delta " + text);
            }

            @Override
            public void onMessageSaved(Message message) {
                heard.add("saved " + message.role().wireName());
            }
        });

        assertThat(heard).containsExactly("saved user", "model call", "delta Of ", "delta course", "delta !",
                "saved assistant");
    }

    @Test
    void theUserPromptIsStoredBeforeTheModelIsAsked() {
        FakeModelGateway model = FakeModelGateway.builder().answer("ok").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        List<Integer> storedWhenAsked = new ArrayList<>();

        session.send("Hi", new ChatListener() {
            @Override
            public void onModelCall() {
                storedWhenAsked.add(repository.load(session.id()).messages().size());
            }
        });

        assertThat(storedWhenAsked).containsExactly(1);
    }

    @Test
    void anApprovedToolCallRunsAndItsResultGoesBackToTheModel() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "The answer is 42.\n");
        FakeModelGateway model = FakeModelGateway.builder()
                .textThenToolUse("Let me read it.", "tooluse_1", "file_read", path(notes))
                .answer("The file says the answer is 42.")
                .build();
        ChatSession session = open(model, approving(ToolApprover.Decision.ALLOW));

        TurnResult result = session.send("What is in ../notes.txt?", ChatListener.SILENT);

        assertThat(asked).extracting(ToolCall::id).containsExactly("tooluse_1");
        assertThat(stored(session)).containsExactly(
                new UserMessage("msg_1", NOW, "What is in ../notes.txt?"),
                new AssistantMessage("msg_2", NOW, "Let me read it.", FakeModelGateway.DEFAULT_USAGE,
                        StopReason.TOOL_USE),
                new ToolCall("tooluse_1", NOW, "file_read", path(notes)),
                new ToolResult("msg_3", NOW, "tooluse_1", "The answer is 42.\n", ToolResultStatus.SUCCESS),
                new AssistantMessage("msg_4", NOW, "The file says the answer is 42.", FakeModelGateway.DEFAULT_USAGE,
                        StopReason.END_TURN));
        assertThat(HistoryRepair.repair(model.lastRequest().history())).containsExactly(
                new Turn(Turn.Speaker.USER, List.of(new Block.Text("What is in ../notes.txt?"))),
                new Turn(Turn.Speaker.ASSISTANT, List.of(new Block.Text("Let me read it."),
                        new Block.ToolUse("tooluse_1", "file_read", path(notes)))),
                new Turn(Turn.Speaker.USER, List.of(new Block.ToolResult("tooluse_1", "The answer is 42.\n", false))));
        assertThat(result.answer()).isEqualTo("The file says the answer is 42.");
        assertThat(result.usage()).isEqualTo(FakeModelGateway.DEFAULT_USAGE.plus(FakeModelGateway.DEFAULT_USAGE));
        assertThat(model.remainingSteps()).isZero();
    }

    @Test
    void fileReadInsideTheWorkingDirectoryRunsWithoutAsking() throws IOException {
        Path inside = Files.writeString(workingDirectory.resolve("README"), "read me");
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_read", path(inside)).answer("It says: read me").build();
        ChatSession session = open(model, approving(ToolApprover.Decision.DENY));

        session.send("What does README say?", ChatListener.SILENT);

        assertThat(asked).isEmpty();
        assertThat(toolResults(session)).extracting(ToolResult::content).containsExactly("read me");
    }

    @Test
    void aToolJudgingItsArgumentsRunsTheCallsItVouchesForWithoutAskingAndAsksAboutTheOthers() {
        List<String> ran = new ArrayList<>();
        Tool judging = new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("judging", "runs read-only calls without asking", JsonValue.emptyObject());
            }

            @Override
            public DefaultTrust defaultTrust() {
                return DefaultTrust.JUDGED_BY_ITS_ARGUMENTS;
            }

            @Override
            public boolean runsWithoutAsking(JsonValue.JsonObject arguments) {
                return arguments.get("read_only") != null;
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                ran.add(arguments.toJson());
                return ToolOutput.success("done");
            }
        };
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "judging", new JsonValue.JsonObject(Map.of("read_only", JsonValue.of("yes"))))
                .toolUse("tooluse_2", "judging", JsonValue.emptyObject())
                .answer("One ran.").build();
        ChatSession session = chatBuilder(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .tools(new ToolRegistry(List.of(judging)), ToolPolicy.defaults(workingDirectory),
                        approving(ToolApprover.Decision.DENY))
                .build().open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));

        session.send("Read, then write", ChatListener.SILENT);

        assertThat(asked).extracting(ToolCall::id).containsExactly("tooluse_2");
        assertThat(ran).containsExactly("{\"read_only\":\"yes\"}");
    }

    @Test
    void fileReadThroughAFolderLinkedOutsideIsAskedAboutAndNotReadWhenRefused() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "the launch code");
        Files.createSymbolicLink(workingDirectory.resolve("docs"), secrets);
        Path throughTheLink = workingDirectory.resolve("docs/key.txt");
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_read", path(throughTheLink)).answer("I may not read it.").build();
        ChatSession session = open(model, approving(ToolApprover.Decision.DENY));

        session.send("What does docs/key.txt say?", ChatListener.SILENT);

        assertThat(asked).extracting(ToolCall::id).containsExactly("tooluse_1");
        assertThat(toolResults(session)).singleElement().satisfies(result -> {
            assertThat(result.isError()).isTrue();
            assertThat(result.content()).doesNotContain("the launch code");
        });
    }

    @Test
    void aRefusedToolIsNotRunAndTheModelIsToldTheUserRefused() {
        Path target = workingDirectory.resolve("created.txt");
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_write", write(target))
                .answer("Understood, I will not write it.").build();
        ChatSession session = open(model, approving(ToolApprover.Decision.DENY));

        TurnResult result = session.send("Write a file", ChatListener.SILENT);

        assertThat(Files.exists(target)).isFalse();
        ToolResult refusal = toolResults(session).get(0);
        assertThat(refusal.status()).isEqualTo(ToolResultStatus.ERROR);
        assertThat(refusal.content()).startsWith("The user refused to run file_write.");
        assertThat(result.answer()).isEqualTo("Understood, I will not write it.");
    }

    @Test
    void oneShotModeRefusesUntrustedToolsWithoutAsking() {
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "execute_bash", new JsonValue.JsonObject(Map.of("command", JsonValue.of("ls"))))
                .answer("I could not run it.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        session.send("List files", ChatListener.SILENT);

        assertThat(toolResults(session).get(0).content()).contains("refused to run execute_bash");
    }

    @Test
    void trustingAToolForTheSessionStopsTheQuestions() throws IOException {
        Path target = workingDirectory.resolve("log.txt");
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_write", write(target)).answer("Wrote it.")
                .toolUse("tooluse_2", "file_write", write(target)).answer("Wrote it again.").build();
        ChatSession session = open(model, approving(ToolApprover.Decision.TRUST_FOR_SESSION));

        session.send("Write", ChatListener.SILENT);
        session.send("Write again", ChatListener.SILENT);

        assertThat(asked).extracting(ToolCall::id).containsExactly("tooluse_1");
        assertThat(Files.readString(target)).isEqualTo("line\nline\n");
    }

    @Test
    void trustedToolsRunWithoutAsking() throws IOException {
        Path target = workingDirectory.resolve("out.txt");
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_write", write(target)).answer("Done.").build();
        ChatSession session = chat(model, new ToolPolicy(workingDirectory, true, Set.of()),
                approving(ToolApprover.Decision.DENY)).open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));

        session.send("Write", ChatListener.SILENT);

        assertThat(asked).isEmpty();
        assertThat(Files.readString(target)).isEqualTo("line\n");
    }

    @Test
    void anUnknownToolIsAnsweredWithAnErrorWithoutAsking() {
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "teleport", JsonValue.emptyObject()).answer("Sorry.").build();
        ChatSession session = open(model, approving(ToolApprover.Decision.ALLOW));

        session.send("Beam me up", ChatListener.SILENT);

        assertThat(asked).isEmpty();
        assertThat(toolResults(session).get(0).content()).contains("no tool named \"teleport\"");
    }

    @Test
    void cancellingWhileTheAnswerStreamsKeepsThePartialAnswerMarkedInterrupted() {
        FakeModelGateway model = FakeModelGateway.builder()
                .answerInDeltas("Once ", "upon ", "a ", "time")
                .answer("Next answer.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        TurnResult result = session.send("Tell me a story", new ChatListener() {
            @Override
            public void onTextDelta(String text) {
                if (text.equals("upon ")) {
                    session.cancel();
                }
            }
        });

        assertThat(result.interrupted()).isTrue();
        assertThat(result.answer()).isEqualTo("Once upon ");
        assertThat(stored(session)).last().isEqualTo(
                new AssistantMessage("msg_2", NOW, "Once upon ", null, StopReason.INTERRUPTED));
        assertThat(Thread.currentThread().isInterrupted()).as("the cancel leaves no interrupt behind").isFalse();
        assertThat(session.send("Another", ChatListener.SILENT).answer()).isEqualTo("Next answer.");
    }

    /** Ctrl-C as it happens: the model is silent mid-answer, and the cancel comes from another thread. */
    @Test
    void cancellingFromAnotherThreadStopsAModelThatHasGoneQuiet() throws Exception {
        CountDownLatch firstDelta = new CountDownLatch(1);
        ModelGateway quietAfterOneDelta = new ModelGateway() {
            @Override
            public ModelResponse converse(ModelRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
                listener.onEvent(new ModelEvent.TextDelta("Thinking"));
                try {
                    new CountDownLatch(1).await();
                    throw new AssertionError("a latch nobody counts down never opens");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelInvocationException(ModelInvocationException.Reason.INTERRUPTED, "interrupted");
                }
            }
        };
        ChatSession session = Chat.builder().conversations(repository).gateway(quietAfterOneDelta)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).messageIds(() -> "msg_" + ids.incrementAndGet()).build()
                .open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));
        ExecutorService turnThread = Executors.newSingleThreadExecutor();
        try {
            Future<TurnResult> turn = turnThread.submit(() -> session.send("Think hard", new ChatListener() {
                @Override
                public void onTextDelta(String text) {
                    firstDelta.countDown();
                }
            }));
            firstDelta.await();

            session.cancel();

            assertThat(turn.get().interrupted()).isTrue();
            assertThat(stored(session)).last().isEqualTo(
                    new AssistantMessage("msg_2", NOW, "Thinking", null, StopReason.INTERRUPTED));
            assertThat(turnThread.submit(() -> Thread.currentThread().isInterrupted()).get())
                    .as("the turn's thread is not left interrupted").isFalse();
        } finally {
            turnThread.shutdownNow();
        }
    }

    @Test
    void anInterruptOfTheTurnsThreadCancelsItAndIsHandedBack() {
        FakeModelGateway model = FakeModelGateway.builder().answerInDeltas("a", "b", "c").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        try {
            TurnResult result = session.send("Hi", new ChatListener() {
                @Override
                public void onTextDelta(String text) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThat(result.interrupted()).isTrue();
            assertThat(result.answer()).isEqualTo("a");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void cancellingWhileAToolRunsStopsItAndAsksTheModelNoMore() {
        Tool cancelsThenRunsBash = new Tool() {
            private final ExecuteBashTool bash = new ExecuteBashTool(workingDirectory);

            @Override
            public ToolSpec spec() {
                return new ToolSpec("slow", "cancels its own turn, then runs sleep", JsonValue.emptyObject());
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                sessionUnderTest.cancel();
                return bash.run(new JsonValue.JsonObject(Map.of("command", JsonValue.of("sleep 30"))));
            }
        };
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "slow", JsonValue.emptyObject())
                .toolUse("tooluse_2", "slow", JsonValue.emptyObject())
                .build();
        sessionUnderTest = chatBuilder(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .tools(new ToolRegistry(List.of(cancelsThenRunsBash)),
                        new ToolPolicy(workingDirectory, true, Set.of()), ToolApprover.REFUSE)
                .build().open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));

        TurnResult result = sessionUnderTest.send("Go slow", ChatListener.SILENT);

        assertThat(result.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(toolResults(sessionUnderTest)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ToolResultStatus.ERROR);
            assertThat(r.content()).contains("interrupted by the user");
        });
        assertThat(model.requests()).hasSize(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aModelFailureInAContinuedConversationKeepsThePromptAndSurfacesTheError() {
        FakeModelGateway model = FakeModelGateway.builder().answer("First.")
                .failure(ModelInvocationException.Reason.THROTTLED).answer("Back again.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        session.send("First?", ChatListener.SILENT);

        assertThatThrownBy(() -> session.send("Hello?", ChatListener.SILENT))
                .isInstanceOfSatisfying(ModelInvocationException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelInvocationException.Reason.THROTTLED));

        assertThat(stored(session)).last().isEqualTo(new UserMessage("msg_3", NOW, "Hello?"));
        assertThat(session.isTurnRunning()).isFalse();
        session.send("Hello again?", ChatListener.SILENT);
        assertThat(HistoryRepair.repair(model.lastRequest().history())).last().extracting(Turn::blocks)
                .isEqualTo(List.of(new Block.Text("Hello?"), new Block.Text("Hello again?")));
    }

    @Test
    void aFailureBeforeAnyTextStoresNoAnswer() {
        ModelInvocationException error = new ModelInvocationException(
                ModelInvocationException.Reason.SERVICE_UNAVAILABLE, "The model service failed.");
        FakeModelGateway model = FakeModelGateway.builder().answer("First.").failureAfter(error).build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        session.send("First?", ChatListener.SILENT);

        assertThatThrownBy(() -> session.send("Hello?", ChatListener.SILENT)).isSameAs(error);

        assertThat(stored(session)).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
    }

    @Test
    void aNewConversationIsStoredWithItsFirstMessageNotWhenOpened() {
        FakeModelGateway model = FakeModelGateway.builder().answer("Hi.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        assertThat(repository.list().conversations()).isEmpty();
        assertThat(session.isSaved()).isFalse();
        session.send("Hello", ChatListener.SILENT);

        assertThat(session.isSaved()).isTrue();
        assertThat(stored(session)).extracting(Message::text).containsExactly("Hello", "Hi.");
    }

    @Test
    void aNewConversationWhoseFirstRequestFailsIsRemovedAndTheSessionStartsItAgain() {
        FakeModelGateway model = FakeModelGateway.builder()
                .failure(ModelInvocationException.Reason.ENDPOINT_UNREACHABLE).answer("Back again.").build();
        ConversationMetadata metadata = ConversationMetadata.EMPTY.withWorkingDirectory("/work/here");
        ChatSession session = chat(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .open(OpenConversation.start(MODEL, metadata));

        assertThatThrownBy(() -> session.send("Hello?", ChatListener.SILENT))
                .isInstanceOf(ModelInvocationException.class);

        assertThat(repository.find(session.id())).isEmpty();
        assertThat(session.isSaved()).isFalse();
        session.send("Hello again?", ChatListener.SILENT);
        assertThat(stored(session)).extracting(Message::text).containsExactly("Hello again?", "Back again.");
        assertThat(repository.load(session.id()).metadata()).isEqualTo(metadata);
    }

    @Test
    void aFailureOfAnyKindBeforeTheFirstAnswerLeavesNoConversation() {
        ModelGateway noCredentials = new ModelGateway() {
            @Override
            public ModelResponse converse(ModelRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
                throw new io.redux.domain.error.CredentialsException("No AWS credentials were found.");
            }
        };
        ChatSession session = Chat.builder().conversations(repository).gateway(noCredentials).build()
                .open(OpenConversation.startOrContinue(ConversationId.random(), MODEL, ConversationMetadata.EMPTY));

        assertThatThrownBy(() -> session.send("Hello?", ChatListener.SILENT)).hasMessageContaining("credentials");

        assertThat(repository.list().conversations()).isEmpty();
    }

    @Test
    void aConversationAnotherWriterStartedMeanwhileIsContinuedAndNeverRemoved() {
        ConversationId id = ConversationId.random();
        FakeModelGateway model = FakeModelGateway.builder().failure(ModelInvocationException.Reason.THROTTLED).build();
        ChatSession session = chat(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .open(OpenConversation.startOrContinue(id, MODEL, ConversationMetadata.EMPTY));
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, NOW)
                .append(new UserMessage("theirs", NOW, "Their prompt")));

        assertThatThrownBy(() -> session.send("Mine", ChatListener.SILENT)).isInstanceOf(ModelInvocationException.class);

        assertThat(stored(session)).extracting(Message::text).containsExactly("Their prompt", "Mine");
    }

    @Test
    void metadataChangedBeforeTheFirstMessageIsStoredWithItAndAfterwardsInTheStore() {
        FakeModelGateway model = FakeModelGateway.builder().answer("Hi.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        session.updateMetadata(m -> m.withIdentity("production", null, null));
        assertThat(repository.list().conversations()).isEmpty();
        session.send("Hello", ChatListener.SILENT);
        session.updateMetadata(m -> m.withIdentity(m.awsProfile(), "123456789012", null));

        assertThat(repository.load(session.id()).metadata().awsProfile()).isEqualTo("production");
        assertThat(repository.load(session.id()).metadata().awsAccountId()).isEqualTo("123456789012");
    }

    @Test
    void resumingTheLatestTellsWhichStoredConversationsCouldNotBeRead() {
        ConversationListing.UnreadableConversation broken =
                new ConversationListing.UnreadableConversation("/store/broken.json", "not JSON");
        ConversationRepository withABrokenFile = new ConversationRepository() {
            @Override
            public void create(Conversation conversation) {
                repository.create(conversation);
            }

            @Override
            public java.util.Optional<Conversation> find(ConversationId id) {
                return repository.find(id);
            }

            @Override
            public Conversation update(ConversationId id, java.util.function.UnaryOperator<Conversation> change) {
                return repository.update(id, change);
            }

            @Override
            public ConversationListing list() {
                return new ConversationListing(repository.list().conversations(), List.of(broken));
            }

            @Override
            public void copyDocument(ConversationId id, java.io.Writer out) {
                repository.copyDocument(id, out);
            }

            @Override
            public void delete(ConversationId id) {
                repository.delete(id);
            }
        };
        Chat chat = Chat.builder().conversations(withABrokenFile).gateway(FakeModelGateway.builder().answer("a").build())
                .build();
        chat.open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY.withWorkingDirectory("/work/here")))
                .send("in here", ChatListener.SILENT);

        ChatSession resumed = chat.open(OpenConversation.resumeLatestIn("/work/here", null));
        ChatSession byId = chat.open(OpenConversation.resume(resumed.id(), null));

        assertThat(resumed.unreadableSkipped()).containsExactly(broken);
        assertThat(byId.unreadableSkipped()).isEmpty();
        assertThatThrownBy(() -> chat.open(OpenConversation.resumeLatestIn("/nowhere", null)))
                .hasMessageContaining("/store/broken.json");
    }

    /** The part already shown is the user's to keep, as after Ctrl-C; the turn still fails, saying so. */
    @Test
    void aFailureMidStreamKeepsThePartialAnswerMarkedIncompleteAndFails() {
        ModelInvocationException error = new ModelInvocationException(
                ModelInvocationException.Reason.SERVICE_UNAVAILABLE, "Bedrock stopped sending the answer.");
        FakeModelGateway model = FakeModelGateway.builder().failureAfter(error, "Half ", "an ")
                .answer("Next answer.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        IncompleteAnswerException thrown = catchThrowableOfType(IncompleteAnswerException.class,
                () -> session.send("Hello?", ChatListener.SILENT));

        assertThat(thrown.reason()).isEqualTo(ModelInvocationException.Reason.SERVICE_UNAVAILABLE);
        assertThat(thrown.getMessage()).startsWith("Bedrock stopped sending the answer.").contains("incomplete");
        assertThat(thrown.getCause()).isSameAs(error);
        AssistantMessage kept = new AssistantMessage("msg_2", NOW, "Half an ", null, StopReason.INCOMPLETE);
        assertThat(stored(session)).containsExactly(new UserMessage("msg_1", NOW, "Hello?"), kept);
        assertThat(thrown.result().stopReason()).isEqualTo(StopReason.INCOMPLETE);
        assertThat(thrown.result().answer()).isEqualTo("Half an ");
        assertThat(thrown.result().messages()).containsExactly(new UserMessage("msg_1", NOW, "Hello?"), kept);
        assertThat(session.isTurnRunning()).isFalse();
        assertThat(session.send("Go on", ChatListener.SILENT).answer()).isEqualTo("Next answer.");
    }

    @Test
    void continuingAConversationSendsItsStoredHistoryRepaired() {
        ConversationId id = ConversationId.random();
        repository.create(new Conversation(id, NOW, NOW, MODEL, null, List.of(
                new UserMessage("old_1", NOW, "Read a.txt"),
                new ToolCall("old_call", NOW, "file_read", JsonValue.emptyObject())), ConversationMetadata.EMPTY));
        FakeModelGateway model = FakeModelGateway.builder().answer("Where were we?").build();
        ChatSession session = chat(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .open(OpenConversation.resume(id, null));

        session.send("Go on", ChatListener.SILENT);

        assertThat(model.lastRequest().history()).extracting(Message::id).containsExactly("old_1", "old_call", "msg_1");
        assertThat(HistoryRepair.repair(model.lastRequest().history())).last().isEqualTo(
                new Turn(Turn.Speaker.USER, List.of(new Block.ToolResult("old_call", HistoryRepair.NO_RESULT, true),
                        new Block.Text("Go on"))));
    }

    @Test
    void aConversationIdStartsAConversationOnceAndContinuesItAfterwards() {
        ConversationId id = ConversationId.random();
        ConversationMetadata metadata = new ConversationMetadata("production", "123456789012",
                "arn:aws:iam::123456789012:user/developer", SessionType.NON_INTERACTIVE, workingDirectory.toString(),
                null);
        Chat chat = chat(FakeModelGateway.builder().answer("one").answer("two").build(),
                ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);

        chat.open(OpenConversation.startOrContinue(id, MODEL, metadata)).send("first", ChatListener.SILENT);
        ChatSession again = chat.open(OpenConversation.startOrContinue(id, MODEL, ConversationMetadata.EMPTY));
        again.send("second", ChatListener.SILENT);

        assertThat(stored(again)).extracting(Message::text).containsExactly("first", "one", "second", "two");
        assertThat(again.conversation().metadata()).isEqualTo(metadata);
    }

    @Test
    void startingAConversationWhoseIdIsTakenFails() {
        ConversationId id = ConversationId.random();
        Chat chat = chat(FakeModelGateway.builder().answer("a").build(), ToolPolicy.defaults(workingDirectory),
                ToolApprover.REFUSE);
        chat.open(new OpenConversation(OpenConversation.Mode.START, id, MODEL, null)).send("Hi", ChatListener.SILENT);

        assertThatThrownBy(() -> chat.open(new OpenConversation(OpenConversation.Mode.START, id, MODEL, null)))
                .isInstanceOf(ConversationAlreadyExistsException.class);
    }

    @Test
    void resumingAMissingConversationFails() {
        Chat chat = chat(FakeModelGateway.builder().build(), ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);

        assertThatThrownBy(() -> chat.open(OpenConversation.resume(ConversationId.random(), null)))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void resumingContinuesTheLatestConversationOfTheWorkingDirectory() {
        Chat chat = chat(FakeModelGateway.builder().answer("a").answer("b").build(),
                ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);
        ConversationMetadata here = ConversationMetadata.EMPTY.withWorkingDirectory("/work/here");
        ConversationMetadata elsewhere = ConversationMetadata.EMPTY.withWorkingDirectory("/work/elsewhere");
        ChatSession wanted = chat.open(OpenConversation.start(MODEL, here));
        wanted.send("in here", ChatListener.SILENT);
        chat.open(OpenConversation.start(MODEL, elsewhere)).send("elsewhere", ChatListener.SILENT);

        ChatSession resumed = chat.open(OpenConversation.resumeLatestIn("/work/here", null));

        assertThat(resumed.id()).isEqualTo(wanted.id());
        assertThatThrownBy(() -> chat.open(OpenConversation.resumeLatestIn("/nowhere", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No conversation was started in /nowhere");
    }

    @Test
    void noConversationInAFolderSaysWhichFolderAndNoCommandLineWords() {
        Chat chat = chat(FakeModelGateway.builder().build(), ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);

        assertThatThrownBy(() -> chat.open(OpenConversation.resumeLatestIn("/nowhere", null)))
                .isInstanceOfSatisfying(NoConversationInFolderException.class, e -> {
                    assertThat(e.workingDirectory()).isEqualTo("/nowhere");
                    assertThat(e.unreadable()).isEmpty();
                })
                .hasMessage("No conversation was started in /nowhere yet.");
    }

    @Test
    void aMissingConversationSaysWhichAndNoCommandLineWords() {
        Chat chat = chat(FakeModelGateway.builder().build(), ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);
        ConversationId missing = ConversationId.random();

        assertThatThrownBy(() -> chat.open(OpenConversation.resume(missing, null)))
                .isInstanceOfSatisfying(ConversationNotFoundException.class, e -> assertThat(e.id()).isEqualTo(missing))
                .hasMessage("Conversation " + missing + " does not exist.");
    }

    @Test
    void aNewConversationNeedsAModel() {
        Chat chat = chat(FakeModelGateway.builder().build(), ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE);

        // The reason only: how to give a model is the caller's to say (the CLI's Hints add --model-id).
        assertThatThrownBy(() -> chat.open(OpenConversation.start(null, ConversationMetadata.EMPTY)))
                .isInstanceOf(ModelRequiredException.class).isInstanceOf(InvalidInputException.class)
                .hasMessage("A new conversation needs a model.");
    }

    @Test
    void aNewConversationWithoutAModelTakesTheDefault() {
        ChatSession session = Chat.builder().conversations(repository).gateway(FakeModelGateway.builder().build())
                .defaultModel(OTHER_MODEL).build().open(OpenConversation.start(null, ConversationMetadata.EMPTY));

        assertThat(session.model()).isEqualTo(OTHER_MODEL);
    }

    @Test
    void switchingTheModelIsStoredAndUsedFromTheNextTurn() {
        FakeModelGateway model = FakeModelGateway.builder().answer("from haiku").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        session.switchModel(OTHER_MODEL);
        session.send("Hi", ChatListener.SILENT);

        assertThat(repository.load(session.id()).modelId()).isEqualTo(OTHER_MODEL);
        assertThat(repository.load(session.id()).region()).isEqualTo("eu-west-1");
        assertThat(model.lastRequest().model()).isEqualTo(OTHER_MODEL);
    }

    @Test
    void continuingWithAnotherModelRecordsTheSwitch() {
        Chat chat = chat(FakeModelGateway.builder().answer("a").build(), ToolPolicy.defaults(workingDirectory),
                ToolApprover.REFUSE);
        ChatSession first = chat.open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));
        first.send("Hi", ChatListener.SILENT);

        ChatSession again = chat.open(OpenConversation.resume(first.id(), OTHER_MODEL));

        assertThat(again.model()).isEqualTo(OTHER_MODEL);
        assertThat(repository.load(first.id()).modelId()).isEqualTo(OTHER_MODEL);
    }

    @Test
    void usageAddsUpOverTheConversation() {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("one", new TokenUsage(100, 10)).answer("two", new TokenUsage(150, 20)).build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        session.send("1", ChatListener.SILENT);
        session.send("2", ChatListener.SILENT);

        assertThat(session.usage()).isEqualTo(new TokenUsage(250, 30));
        assertThat(session.lastUsage()).contains(new TokenUsage(150, 20));
    }

    @Test
    void compactingStoresTheSummaryAndTheNextTurnContinuesFromIt() {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("Paris.").answer("The user asked for the capital of France: Paris.")
                .answer("About 2 million.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        session.send("Capital of France?", ChatListener.SILENT);

        CompactResult compacted = session.compact(ChatListener.SILENT);
        session.send("Its population?", ChatListener.SILENT);

        assertThat(compacted.compacted()).isTrue();
        assertThat(compacted.summary()).isEqualTo("The user asked for the capital of France: Paris.");
        assertThat(compacted.messagesSummarised()).isEqualTo(2);
        assertThat(model.requests().get(1).history()).extracting(Message::text)
                .containsExactly("Capital of France?", "Paris.", Compaction.PROMPT);
        assertThat(model.lastRequest().history()).extracting(Message::text).containsExactly(
                Compaction.PROMPT, "The user asked for the capital of France: Paris.", "Its population?");
        assertThat(stored(session)).extracting(Message::text).containsExactly("Capital of France?", "Paris.",
                Compaction.PROMPT, "The user asked for the capital of France: Paris.", "Its population?",
                "About 2 million.");
    }

    @Test
    void aHistoryTooLongToSummariseIsSummarisedFromItsNewerHalf() {
        FakeModelGateway model = FakeModelGateway.builder()
                .answer("a").answer("b")
                .failure(ModelInvocationException.Reason.INPUT_TOO_LONG).answer("Summary of b.").build();
        ChatSession session = open(model, ToolApprover.REFUSE);
        session.send("1", ChatListener.SILENT);
        session.send("2", ChatListener.SILENT);

        CompactResult compacted = session.compact(ChatListener.SILENT);

        assertThat(compacted.compacted()).isTrue();
        assertThat(compacted.messagesSummarised()).isEqualTo(2);
        assertThat(model.lastRequest().history()).extracting(Message::text).containsExactly("2", "b", Compaction.PROMPT);
    }

    @Test
    void thereIsNothingToCompactInAnEmptyConversation() {
        ChatSession session = open(FakeModelGateway.builder().build(), ToolApprover.REFUSE);

        assertThat(session.compact(ChatListener.SILENT).compacted()).isFalse();
    }

    @Test
    void theToolRoundLimitStopsTheTurnAndAnswersTheCallsWithAnError() {
        JsonValue.JsonObject ls = new JsonValue.JsonObject(Map.of("path", JsonValue.of(".")));
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_read", ls).toolUse("tooluse_2", "file_read", ls).build();
        ChatSession session = chatBuilder(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .maxToolRounds(1).build().open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));

        TurnResult result = session.send("Look around", ChatListener.SILENT);

        assertThat(result.toolRoundLimitReached()).isTrue();
        assertThat(toolResults(session)).extracting(ToolResult::isError).containsExactly(false, true);
        assertThat(toolResults(session).get(1).content()).contains("limit of 1 rounds");
        assertThat(model.remainingSteps()).isZero();
    }

    @Test
    void aToolUseIdAlreadyInTheConversationGetsAFreshOne() {
        JsonValue.JsonObject ls = new JsonValue.JsonObject(Map.of("path", JsonValue.of(".")));
        FakeModelGateway model = FakeModelGateway.builder()
                .toolUse("tooluse_1", "file_read", ls).answer("one")
                .toolUse("tooluse_1", "file_read", ls).answer("two").build();
        ChatSession session = open(model, ToolApprover.REFUSE);

        session.send("a", ChatListener.SILENT);
        session.send("b", ChatListener.SILENT);

        List<String> callIds = stored(session).stream().filter(ToolCall.class::isInstance).map(Message::id).toList();
        assertThat(callIds).hasSize(2).doesNotHaveDuplicates().startsWith("tooluse_1");
        assertThat(toolResults(session)).extracting(ToolResult::toolCallId).containsExactlyElementsOf(callIds);
    }

    @Test
    void aBlankPromptIsRefusedAndNothingIsStored() {
        ChatSession session = open(FakeModelGateway.builder().build(), ToolApprover.REFUSE);

        assertThatThrownBy(() -> session.send("  \n", ChatListener.SILENT)).isInstanceOf(InvalidInputException.class);
        assertThat(repository.find(session.id())).isEmpty();
    }

    @Test
    void theWorkingDirectoryIsToldToTheModel() {
        FakeModelGateway model = FakeModelGateway.builder().answer("ok").build();
        ChatSession session = chat(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY.withWorkingDirectory("/src/app")));

        session.send("Hi", ChatListener.SILENT);

        assertThat(model.lastRequest().systemPrompt()).startsWith(Chat.DEFAULT_SYSTEM_PROMPT)
                .endsWith("The user's working directory is /src/app.");
    }

    @Test
    void everyRequestCarriesTheContextFilesAsTheyAreThenEachUnderItsPath() {
        List<String> agents = new ArrayList<>(List.of("Use tabs."));
        ContextSource source = selection -> new ContextFiles(List.of(
                new ContextFile("AGENTS.md", agents.get(agents.size() - 1), 9, 0),
                new ContextFile(".amazonq/rules/big.md", "first part", 100, 90)), List.of());
        FakeModelGateway model = FakeModelGateway.builder().answer("ok").answer("ok again").build();
        ChatSession session = chatBuilder(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .context(new SessionContext(source, ContextSelection.DEFAULT)).build()
                .open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY.withWorkingDirectory("/src/app")));

        session.send("Hi", ChatListener.SILENT);
        agents.add("Use spaces.");
        session.send("Again", ChatListener.SILENT);

        assertThat(model.requests().get(0).systemPrompt()).startsWith(Chat.DEFAULT_SYSTEM_PROMPT).endsWith(
                "The user's working directory is /src/app.\n\n" + ContextPrompt.INTRODUCTION + "\n"
                        + "\n--- context file: AGENTS.md ---\nUse tabs.\n"
                        + "\n--- context file: .amazonq/rules/big.md ---\nfirst part\n"
                        + "[truncated: the last 90 of 100 bytes of .amazonq/rules/big.md were left out by the size cap]\n"
                        + "--- end of context files ---");
        assertThat(model.lastRequest().systemPrompt()).contains("--- context file: AGENTS.md ---\nUse spaces.\n");
    }

    @Test
    void hookOutputJoinsTheSystemContextTheStartHooksForEveryRequestThePromptHooksForTheirPrompt() {
        FakeModelGateway model = FakeModelGateway.builder().answer("ok").answer("ok again").build();
        SessionContext context = SessionContext.none();
        context.addStartHookOutput(List.of(new ContextFile("agentSpawn: git status", "clean", 5, 0)));
        context.onEachPrompt(prompt -> List.of(new ContextFile("userPromptSubmit: echo", "saw " + prompt, 10, 0)));
        ChatSession session = chatBuilder(model, ToolPolicy.defaults(workingDirectory), ToolApprover.REFUSE)
                .context(context).build().open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));

        session.send("Hi", ChatListener.SILENT);
        session.send("Again", ChatListener.SILENT);

        assertThat(model.requests().get(0).systemPrompt()).endsWith(ContextPrompt.HOOKS_INTRODUCTION + "\n"
                + "\n--- hook output: agentSpawn: git status ---\nclean\n"
                + "\n--- hook output: userPromptSubmit: echo ---\nsaw Hi\n--- end of hook output ---");
        assertThat(model.lastRequest().systemPrompt()).contains("saw Again").doesNotContain("saw Hi");
    }

    private ChatSession open(FakeModelGateway model, ToolApprover approver) {
        return chat(model, ToolPolicy.defaults(workingDirectory), approver)
                .open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));
    }

    private Chat chat(FakeModelGateway model, ToolPolicy policy, ToolApprover approver) {
        return chatBuilder(model, policy, approver).build();
    }

    private Chat.Builder chatBuilder(FakeModelGateway model, ToolPolicy policy, ToolApprover approver) {
        return Chat.builder().conversations(repository).gateway(model)
                .tools(BuiltInTools.registry(workingDirectory), policy, approver)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .messageIds(() -> "msg_" + ids.incrementAndGet());
    }

    private ToolApprover approving(ToolApprover.Decision decision) {
        return call -> {
            asked.add(call);
            return decision;
        };
    }

    private List<Message> stored(ChatSession session) {
        return repository.load(session.id()).messages();
    }

    private List<ToolResult> toolResults(ChatSession session) {
        return stored(session).stream().filter(ToolResult.class::isInstance).map(ToolResult.class::cast).toList();
    }

    private static JsonValue.JsonObject path(Path file) {
        return new JsonValue.JsonObject(Map.of("path", JsonValue.of(file.toString())));
    }

    private static JsonValue.JsonObject write(Path file) {
        return new JsonValue.JsonObject(Map.of("command", JsonValue.of("append"), "path", JsonValue.of(file.toString()),
                "content", JsonValue.of("line\n")));
    }
}
