package io.redux.testkit.bench;

import io.redux.domain.chat.Chat;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.history.HistoryRepair;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import io.redux.testkit.FakeModelGateway;
import io.redux.testkit.InMemoryConversationRepository;
import io.redux.tools.BuiltInTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the chat use case itself costs per turn, with a model that answers at once and storage in memory: history
 * repair of long histories, and whole text and tool turns on a conversation of 1,000 messages. Run it as
 * docs/performance.md says; it prints medians.
 */
public final class ChatOverheadBenchmark {

    private static final ModelId MODEL = ModelId.parse(ModelId.EXAMPLE);
    private static final int RUNS = 500;

    private ChatOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int size : new int[] {100, 1_000, 10_000}) {
            List<Message> history = history(size);
            double micros = median(Math.max(50, 500_000 / size), () -> HistoryRepair.repair(history));
            System.out.printf("history repair, %,d messages: %.1f us%n", size, micros);
        }
        Path dir = Files.createTempDirectory("bench");
        Files.writeString(dir.resolve("a.txt"), "hello\n");
        JsonValue.JsonObject read = new JsonValue.JsonObject(Map.of("path", JsonValue.of("a.txt")));
        System.out.printf("text turn on 1,000 stored messages (store prompt, stream, store answer): %.1f us%n",
                median(RUNS, turn(dir, gateway -> gateway.then(FakeModelGateway.answer("The answer is 42.")))));
        System.out.printf("tool turn on 1,000 stored messages (file_read, 5 messages stored, 2 model calls): %.1f us%n",
                median(RUNS, turn(dir, gateway -> gateway
                        .then(FakeModelGateway.answer("").withToolUse("tooluse_x", "file_read", read))
                        .then(FakeModelGateway.answer("It says hello.")))));
    }

    private interface Script {
        void add(FakeModelGateway gateway);
    }

    /** A turn on a fresh copy of a 1,000-message conversation, so every run does the same work. */
    private static Runnable turn(Path dir, Script script) {
        return () -> {
            InMemoryConversationRepository repository = new InMemoryConversationRepository();
            ConversationId id = ConversationId.random();
            Instant now = Instant.now();
            repository.create(new Conversation(id, now, now, MODEL, null, history(1_000), ConversationMetadata.EMPTY));
            FakeModelGateway gateway = FakeModelGateway.builder().build();
            script.add(gateway);
            ChatSession session = Chat.builder().conversations(repository).gateway(gateway)
                    .tools(BuiltInTools.registry(dir), ToolPolicy.defaults(dir), ToolApprover.REFUSE).build()
                    .open(OpenConversation.resume(id, null));
            session.send("What is in a.txt?", ChatListener.SILENT);
        };
    }

    private static List<Message> history(int size) {
        List<Message> messages = new ArrayList<>(size);
        Instant t = Instant.parse("2025-01-09T18:00:00Z");
        for (int i = 0; messages.size() < size; i++) {
            messages.add(new UserMessage("u" + i, t, "Question " + i + " about the code base, with some words."));
            messages.add(new AssistantMessage("a" + i, t, "An answer of a few sentences. ".repeat(10)));
            messages.add(new ToolCall("c" + i, t, "file_read", JsonValue.emptyObject()));
            messages.add(new ToolResult("r" + i, t, "c" + i, "file content\n".repeat(20)));
        }
        return messages.subList(0, size);
    }

    /** The median of {@code runs} timings in microseconds, after as many warm-up runs. */
    private static double median(int runs, Runnable work) {
        for (int i = 0; i < runs; i++) {
            work.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1_000.0;
    }
}
