package io.redux.storage.json;

import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real writer processes: killed mid-write they lose nothing that was acknowledged; two at once lose nothing. */
class WriterProcessesTest {

    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    @TempDir
    Path directory;

    @Test
    void aWriterKilledAtRandomMomentsLeavesAFileHoldingEveryAcknowledgedMessage() throws Exception {
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, Instant.now()));
        Random random = new Random(20250109);
        List<String> acknowledged = new ArrayList<>();

        for (int round = 0; round < 3; round++) {
            Process writer = start(id, "round" + round, 0);
            BlockingQueue<String> printed = new LinkedBlockingQueue<>();
            Thread drain = new Thread(() -> {
                try (BufferedReader out = reader(writer)) {
                    out.lines().forEach(printed::add);
                } catch (IOException | UncheckedIOException e) {
                    // The kill closes the pipe; what was read before is what counts.
                }
            });
            drain.start();
            int killAfter = 1 + random.nextInt(20);
            for (int i = 0; i < killAfter; i++) {
                String line = printed.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the writer printed before the timeout").isNotNull();
                acknowledged.add(line);
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            drain.join();
            // Ids printed while the kill was on its way were acknowledged too.
            printed.drainTo(acknowledged);

            Conversation stored = repository.load(id);
            assertThat(stored.messages()).extracting(Message::id).containsAll(acknowledged);
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .containsExactly(id + ".json");
        }
    }

    @Test
    void twoWriterProcessesAppendingToOneConversationLoseNothing() throws Exception {
        JsonConversationRepository repository = new JsonConversationRepository(directory);
        ConversationId id = ConversationId.random();
        repository.create(Conversation.start(id, MODEL, ConversationMetadata.EMPTY, Instant.now()));
        int each = 25;

        Process first = start(id, "first", each);
        Process second = start(id, "second", each);
        List<String> printed = new ArrayList<>();
        for (Process writer : List.of(first, second)) {
            try (BufferedReader out = reader(writer)) {
                out.lines().forEach(printed::add);
            }
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        }

        List<String> stored = repository.load(id).messages().stream().map(Message::id).toList();
        assertThat(printed).hasSize(2 * each);
        assertThat(stored).hasSize(2 * each).containsExactlyInAnyOrderElementsOf(printed);
        assertThat(stored.stream().filter(m -> m.startsWith("first-")).toList())
                .isEqualTo(printed.stream().filter(m -> m.startsWith("first-")).toList());
    }

    private Process start(ConversationId id, String prefix, int count) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AppendingWriter.class.getName(),
                directory.toString(), id.toString(), prefix, Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
