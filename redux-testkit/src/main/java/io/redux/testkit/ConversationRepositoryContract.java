package io.redux.testkit;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.Message;
import io.redux.domain.model.MigrationOrigin;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationReader;
import io.redux.domain.port.ConversationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link ConversationRepository} must do. Extend it in the adapter's tests and give it a fresh, empty
 * repository per test; override the unknown-field hooks when the store keeps fields it does not know.
 */
public abstract class ConversationRepositoryContract {

    protected static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
    protected static final Instant T0 = Instant.parse("2025-01-09T18:00:00Z");

    protected ConversationRepository repository;

    /** A new, empty repository; called before each test. */
    protected abstract ConversationRepository newRepository();

    /** How many messages each of two threads appends at once to one conversation; lower it for slow (durable) stores. */
    protected int concurrentAppendsPerWriter() {
        return 200;
    }

    /** Whether the store keeps fields it does not know when it rewrites a conversation. */
    protected boolean supportsUnknownFieldPreservation() {
        return false;
    }

    /** Adds a field this version does not know to the stored conversation, as a newer version would. */
    protected void putUnknownField(ConversationId id, String field, String value) {
        throw new UnsupportedOperationException("override with supportsUnknownFieldPreservation()");
    }

    /** The stored value of a field this version does not know, or null. */
    protected String readUnknownField(ConversationId id, String field) {
        throw new UnsupportedOperationException("override with supportsUnknownFieldPreservation()");
    }

    @BeforeEach
    void setUpRepository() {
        repository = newRepository();
    }

    @Test
    void aCreatedConversationLoadsEqual() {
        Conversation conversation = richConversation(ConversationId.random());

        repository.create(conversation);

        assertThat(repository.load(conversation.id())).isEqualTo(conversation);
        assertThat(repository.find(conversation.id())).contains(conversation);
    }

    @Test
    void readingGivesTheOutlineThenEveryMessageInOrder() {
        Conversation conversation = richConversation(ConversationId.random());
        repository.create(conversation);
        List<Object> calls = new ArrayList<>();

        repository.read(conversation.id(), new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
                calls.add(outline);
                calls.add(title);
            }

            @Override
            public void message(Message message) {
                calls.add(message);
            }
        });

        List<Object> expected = new ArrayList<>();
        expected.add(new Conversation(conversation.id(), conversation.createdAt(), conversation.updatedAt(),
                conversation.modelId(), conversation.region(), List.of(), conversation.metadata()));
        expected.add(conversation.title());
        expected.addAll(conversation.messages());
        assertThat(calls).isEqualTo(expected);
    }

    @Test
    void readingAMissingConversationFailsNamingIt() {
        ConversationId missing = ConversationId.random();

        assertThatThrownBy(() -> repository.read(missing, new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
                throw new AssertionError("called for a missing conversation");
            }

            @Override
            public void message(Message message) {
                throw new AssertionError("called for a missing conversation");
            }
        })).isInstanceOf(ConversationNotFoundException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void theStoredDocumentIsCopiedAsItIsWithEveryMessage() {
        Conversation conversation = withMessages(ConversationId.random(), T0, 2);
        repository.create(conversation);

        String first = copy(conversation.id());
        String again = copy(conversation.id());
        repository.append(conversation.id(), new AssistantMessage("later", T0.plusSeconds(30), "Appended answer"));
        String appended = copy(conversation.id());

        assertThat(again).isEqualTo(first);
        assertThat(first).contains(conversation.id().toString(), "Question 0 about the build", "Answer 1")
                .doesNotContain("Appended answer");
        assertThat(appended).contains("Question 0 about the build", "Answer 1", "Appended answer");
    }

    @Test
    void copyingAMissingConversationFailsNamingItAndWritesNothing() {
        ConversationId missing = ConversationId.random();
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> repository.copyDocument(missing, out))
                .isInstanceOf(ConversationNotFoundException.class).hasMessageContaining(missing.toString());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theCopiedDocumentKeepsFieldsThisVersionDoesNotKnow() {
        assumeTrue(supportsUnknownFieldPreservation(), "this store keeps only the fields it knows");
        Conversation conversation = withMessages(ConversationId.random(), T0, 1);
        repository.create(conversation);
        putUnknownField(conversation.id(), "written_by_a_newer_version", "keep me");

        assertThat(copy(conversation.id())).contains("written_by_a_newer_version", "keep me");
    }

    private String copy(ConversationId id) {
        StringWriter out = new StringWriter();
        repository.copyDocument(id, out);
        return out.toString();
    }

    @Test
    void creatingAnExistingConversationFailsAndKeepsTheStoredOne() {
        Conversation first = withMessages(ConversationId.random(), T0, 2);
        repository.create(first);

        Conversation second = withMessages(first.id(), T0.plusSeconds(60), 1);
        assertThatThrownBy(() -> repository.create(second)).isInstanceOf(ConversationAlreadyExistsException.class);

        assertThat(repository.load(first.id())).isEqualTo(first);
    }

    @Test
    void findingAMissingConversationGivesNothing() {
        assertThat(repository.find(ConversationId.random())).isEmpty();
    }

    @Test
    void loadingAMissingConversationFailsNamingIt() {
        ConversationId missing = ConversationId.random();

        assertThatThrownBy(() -> repository.load(missing))
                .isInstanceOf(ConversationNotFoundException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void appendingKeepsOrderAndMovesUpdatedAt() {
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);
        repository.create(conversation);

        repository.append(conversation.id(), new UserMessage("m1", T0.plusSeconds(1), "first"));
        repository.append(conversation.id(), new AssistantMessage("m2", T0.plusSeconds(2), "second"));
        Conversation returned = repository.append(conversation.id(), new UserMessage("m3", T0.plusSeconds(3), "third"));

        Conversation loaded = repository.load(conversation.id());
        assertThat(loaded.messages()).extracting(Message::id).containsExactly("m1", "m2", "m3");
        assertThat(loaded.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(loaded.createdAt()).isEqualTo(T0);
        assertThat(returned).isEqualTo(loaded);
    }

    @Test
    void appendingToAMissingConversationFails() {
        ConversationId missing = ConversationId.random();

        assertThatThrownBy(() -> repository.append(missing, new UserMessage("m1", T0, "hello")))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(repository.find(missing)).isEmpty();
    }

    @Test
    void anUpdateAppliesToTheLatestStoredState() {
        Conversation conversation = withMessages(ConversationId.random(), T0, 1);
        repository.create(conversation);
        repository.append(conversation.id(), new AssistantMessage("later", T0.plusSeconds(100), "stored meanwhile"));

        List<Conversation> seen = new ArrayList<>();
        Conversation updated = repository.update(conversation.id(), current -> {
            seen.add(current);
            return current.withMetadata(current.metadata().withWorkingDirectory("/work/project"));
        });

        assertThat(seen).singleElement().satisfies(current -> assertThat(current.containsMessage("later")).isTrue());
        assertThat(updated.metadata().workingDirectory()).isEqualTo("/work/project");
        assertThat(repository.load(conversation.id())).isEqualTo(updated);
    }

    @Test
    void anUpdateThatRewritesAnEarlierMessageStoresTheRewrite() {
        Conversation conversation = withMessages(ConversationId.random(), T0, 3);
        repository.create(conversation);
        repository.append(conversation.id(), new AssistantMessage("m3", T0.plusSeconds(1), "appended"));

        Conversation rewritten = repository.update(conversation.id(), current -> {
            List<Message> messages = new ArrayList<>(current.messages());
            Message first = messages.get(0);
            messages.set(0, new UserMessage(first.id(), first.timestamp(), "Question 0, reworded"));
            return new Conversation(current.id(), current.createdAt(), current.updatedAt(), current.modelId(),
                    current.region(), messages, current.metadata());
        });

        assertThat(rewritten.messages().get(0).text()).isEqualTo("Question 0, reworded");
        assertThat(repository.load(conversation.id())).isEqualTo(rewritten);
        assertThat(repository.list().conversations()).singleElement()
                .satisfies(summary -> assertThat(summary.title()).isEqualTo("Question 0, reworded"));
        repository.append(conversation.id(), new UserMessage("m4", T0.plusSeconds(2), "after the rewrite"));
        assertThat(repository.load(conversation.id()).messages().get(0)).isEqualTo(rewritten.messages().get(0));
    }

    @Test
    void listingIsNewestFirstWithCountsAndTitles() {
        Conversation old = withMessages(ConversationId.random(), T0, 2);
        Conversation newest = withMessages(ConversationId.random(), T0.plusSeconds(7200), 5);
        Conversation middle = withMessages(ConversationId.random(), T0.plusSeconds(3600), 0);
        repository.create(old);
        repository.create(newest);
        repository.create(middle);

        List<ConversationSummary> listed = repository.list().conversations();

        assertThat(listed).extracting(ConversationSummary::id).containsExactly(newest.id(), middle.id(), old.id());
        assertThat(listed).extracting(ConversationSummary::messageCount).containsExactly(5, 0, 2);
        assertThat(listed.get(0)).isEqualTo(newest.summary());
        assertThat(listed.get(0).title()).isEqualTo("Question 0 about the build");
        assertThat(listed.get(1).title()).isEmpty();
        assertThat(repository.list().unreadable()).isEmpty();
    }

    @Test
    void theTitleIsTheFirstLineOfTheFirstUserPromptShortened() {
        ConversationId id = ConversationId.random();
        Conversation conversation = Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new AssistantMessage("a0", T0, "A greeting before any prompt"))
                .append(new UserMessage("u1", T0.plusSeconds(1), "  Please explain this stack trace, which is long enough"
                        + " to be shortened for a listing line  \n\n\tat io.example.Main.run(Main.java:42)"))
                .append(new UserMessage("u2", T0.plusSeconds(2), "second prompt"));
        repository.create(conversation);

        ConversationSummary summary = repository.list().conversations().get(0);

        assertThat(summary.title()).isEqualTo(conversation.title()).startsWith("Please explain this stack trace").endsWith("…")
                .doesNotContain("Main.java");
    }

    @Test
    void anEmptyRepositoryListsNothing() {
        assertThat(repository.list().conversations()).isEmpty();
        assertThat(repository.list().unreadable()).isEmpty();
    }

    @Test
    void aDeletedConversationIsGone() {
        Conversation conversation = withMessages(ConversationId.random(), T0, 3);
        Conversation other = withMessages(ConversationId.random(), T0, 1);
        repository.create(conversation);
        repository.create(other);

        repository.delete(conversation.id());

        assertThat(repository.find(conversation.id())).isEmpty();
        assertThatThrownBy(() -> repository.load(conversation.id())).isInstanceOf(ConversationNotFoundException.class);
        assertThat(repository.list().conversations()).extracting(ConversationSummary::id).containsExactly(other.id());
    }

    @Test
    void deletingAMissingConversationFails() {
        assertThatThrownBy(() -> repository.delete(ConversationId.random()))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void theLatestConversationOfAWorkingDirectoryIsFound() {
        Conversation olderHere = inDirectory(withMessages(ConversationId.random(), T0, 1), "/work/a");
        Conversation newerHere = inDirectory(withMessages(ConversationId.random(), T0.plusSeconds(60), 1), "/work/a");
        Conversation newestElsewhere = inDirectory(withMessages(ConversationId.random(), T0.plusSeconds(120), 1), "/work/b");
        repository.create(olderHere);
        repository.create(newerHere);
        repository.create(newestElsewhere);

        assertThat(repository.list().latestIn("/work/a")).map(ConversationSummary::id).contains(newerHere.id());
        assertThat(repository.list().latestIn("/work/b")).map(ConversationSummary::id).contains(newestElsewhere.id());
        assertThat(repository.list().latestIn("/work/none")).isEmpty();
    }

    @Test
    void concurrentAppendsFromTwoThreadsLoseNothing() throws Exception {
        Conversation conversation = Conversation.start(ConversationId.random(), MODEL, ConversationMetadata.EMPTY, T0);
        repository.create(conversation);
        int perThread = concurrentAppendsPerWriter();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> writers = new ArrayList<>();
            for (String writer : List.of("a", "b")) {
                Callable<Void> appends = () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        repository.append(conversation.id(), new UserMessage(writer + i, T0.plusSeconds(i), writer + " " + i));
                    }
                    return null;
                };
                writers.add(threads.submit(appends));
            }
            start.countDown();
            for (Future<Void> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        List<String> ids = repository.load(conversation.id()).messages().stream().map(Message::id).toList();
        assertThat(ids).hasSize(2 * perThread);
        for (String writer : List.of("a", "b")) {
            List<String> own = ids.stream().filter(id -> id.startsWith(writer)).toList();
            assertThat(own).as("each writer's messages in its order").containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, perThread).mapToObj(i -> writer + i).toList());
        }
    }

    @Test
    void unknownFieldsSurviveAnAppend() {
        assumeTrue(supportsUnknownFieldPreservation(), "this store keeps only the fields it knows; a store that keeps"
                + " unknown fields runs this test by overriding supportsUnknownFieldPreservation() to return true,"
                + " putUnknownField and readUnknownField (docs/testkit.md)");
        Conversation conversation = withMessages(ConversationId.random(), T0, 1);
        repository.create(conversation);
        putUnknownField(conversation.id(), "written_by_a_newer_version", "keep me");

        repository.append(conversation.id(), new AssistantMessage("after", T0.plusSeconds(30), "appended"));

        assertThat(readUnknownField(conversation.id(), "written_by_a_newer_version")).isEqualTo("keep me");
        assertThat(repository.load(conversation.id()).containsMessage("after")).isTrue();
    }

    /** A conversation with every kind of message and every optional field set. */
    public static Conversation richConversation(ConversationId id) {
        Map<String, JsonValue> arguments = new LinkedHashMap<>();
        arguments.put("path", JsonValue.of("/src/main.rs"));
        arguments.put("limit", new JsonValue.JsonNumber(new BigDecimal("1.50")));
        arguments.put("lines", new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(BigDecimal.TEN),
                new JsonValue.JsonBoolean(true), JsonValue.JsonNull.INSTANCE)));
        arguments.put("nested", new JsonValue.JsonObject(Map.of("k", JsonValue.of("v"))));
        ConversationMetadata metadata = new ConversationMetadata("production", "123456789012",
                "arn:aws:iam::123456789012:user/developer", "interactive", "/home/dev/project",
                new MigrationOrigin("amazon-q", "/home/dev/project", "f1e2", "claude", "sha256:abc", T0.plusSeconds(5)),
                "reviewer");
        return Conversation.start(id, MODEL, metadata, T0)
                .append(new UserMessage("msg_001", T0.plusSeconds(1), "Hello, can you help me?"))
                .append(new AssistantMessage("msg_002", T0.plusMillis(5_250), "Of course!", new TokenUsage(12, 34),
                        StopReason.TOOL_USE))
                .append(new ToolCall("tool_call_001", T0.plusSeconds(10), "file_read", new JsonValue.JsonObject(arguments)))
                .append(new ToolResult("tool_result_001", T0.plusSeconds(12), "tool_call_001", "File contents here...",
                        ToolResultStatus.SUCCESS))
                .append(new AssistantMessage("msg_003", T0.plusSeconds(13), "Done."));
    }

    /** A conversation of {@code count} alternating user and assistant messages, the last at {@code updatedAt}. */
    public static Conversation withMessages(ConversationId id, Instant updatedAt, int count) {
        Conversation conversation = new Conversation(id, T0, updatedAt, MODEL, null, List.of(), ConversationMetadata.EMPTY);
        for (int i = 0; i < count; i++) {
            Instant at = updatedAt.minusSeconds(count - 1 - i);
            conversation = conversation.append(i % 2 == 0
                    ? new UserMessage("m" + i, at, "Question " + i + " about the build")
                    : new AssistantMessage("m" + i, at, "Answer " + i));
        }
        return conversation;
    }

    public static Conversation inDirectory(Conversation conversation, String workingDirectory) {
        return conversation.withMetadata(conversation.metadata().withWorkingDirectory(workingDirectory));
    }
}
