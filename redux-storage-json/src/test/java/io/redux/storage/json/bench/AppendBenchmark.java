package io.redux.storage.json.bench;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.storage.json.JsonConversationRepository;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * Times one {@code append} (lock, a stat of the file this JVM wrote last, write, fsync, rename, fsync the folder) on
 * conversations of 10, 100 and 1,000 messages: wall time and this thread's CPU time (the rest is waiting for the disk
 * or for a core), and the disk's own fsync latency for comparison.
 *
 * <pre>java -cp CLASSPATH io.redux.storage.json.bench.AppendBenchmark FOLDER [APPENDS=30] [SIZES=10,100,1000]</pre>
 */
public final class AppendBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    private AppendBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int appends = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        JsonConversationRepository repository = new JsonConversationRepository(folder);
        System.out.printf("fsync of a 16 KB file: median %.2f ms%n", fsyncMedian(folder, appends));
        int[] sizes = args.length > 2
                ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 100, 1_000};
        for (int size : sizes) {
            ConversationId id = ConversationId.random();
            repository.create(conversationOf(id, size));
            double[] times = new double[appends];
            double[] cpu = new double[appends];
            for (int i = 0; i < appends; i++) {
                long t = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                repository.append(id, new UserMessage("extra-" + i, Instant.now(), "one more question about the build"));
                times[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf("append to %,d messages (%,d bytes): median %.2f ms, min %.2f ms, max %.2f ms;"
                            + " CPU median %.2f ms%n", size, Files.size(repository.fileOf(id)), times[appends / 2], times[0],
                    times[appends - 1], cpu[appends / 2]);
        }
    }

    private static Conversation conversationOf(ConversationId id, int size) {
        Instant t0 = Instant.parse("2025-01-09T18:00:00Z");
        Conversation conversation = Conversation.start(id, MODEL, ConversationMetadata.EMPTY, t0);
        for (int i = 0; i < size; i++) {
            String text = "message " + i + " " + "about the build and its tests ".repeat(10);
            conversation = conversation.append(i % 2 == 0
                    ? new UserMessage("m" + i, t0.plusSeconds(i), text)
                    : new AssistantMessage("m" + i, t0.plusSeconds(i), text));
        }
        return conversation;
    }

    private static double fsyncMedian(Path folder, int rounds) throws IOException {
        Path file = folder.resolve("fsync-probe.bin");
        double[] times = new double[rounds];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < rounds; i++) {
                channel.write(ByteBuffer.allocate(16 * 1024), 0);
                long t = System.nanoTime();
                channel.force(true);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }
}
