package io.redux.storage.json.bench;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.storage.json.JsonConversationRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JMH: one durable {@code append} (lock, stat, write, fsync, rename, fsync the folder) to a conversation of
 * {@code messages} messages that this repository wrote, as in a chat session. Each invocation appends to a fresh
 * conversation of exactly that size, made (and afterwards deleted) outside the measured time.
 *
 * <pre>java -cp CLASSPATH org.openjdk.jmh.Main SaveBenchmark [-jvmArgsAppend "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"]</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SaveBenchmark {

    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
    private static final Instant T0 = Instant.parse("2025-01-09T18:00:00Z");

    @Param({"10", "100", "1000", "10000"})
    int messages;

    private Path folder;
    private JsonConversationRepository repository;
    private ConversationId id;
    private int appended;

    @Setup(Level.Trial)
    public void folder() throws IOException {
        folder = Files.createTempDirectory("redux-save-bench");
        repository = new JsonConversationRepository(folder);
    }

    @Setup(Level.Invocation)
    public void conversation() {
        id = ConversationId.random();
        Conversation conversation = Conversation.start(id, MODEL, ConversationMetadata.EMPTY, T0);
        for (int i = 0; i < messages; i++) {
            String text = "message " + i + " " + "about the build and its tests ".repeat(10);
            conversation = conversation.append(i % 2 == 0
                    ? new UserMessage("m" + i, T0.plusSeconds(i), text)
                    : new AssistantMessage("m" + i, T0.plusSeconds(i), text));
        }
        repository.create(conversation);
    }

    @Benchmark
    public Conversation append() {
        appended++;
        return repository.append(id, new UserMessage("extra-" + appended, Instant.now(), "one more question about the build"));
    }

    @TearDown(Level.Invocation)
    public void deleteConversation() {
        repository.delete(id);
    }

    @TearDown(Level.Trial)
    public void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
