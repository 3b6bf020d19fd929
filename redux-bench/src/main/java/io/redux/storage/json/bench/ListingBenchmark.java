package io.redux.storage.json.bench;

import io.redux.domain.model.ConversationListing;
import io.redux.storage.json.JsonConversationRepository;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times {@code JsonConversationRepository.list()} in one JVM: the first (cold) run, then the median of the next runs,
 * and the peak heap used; with RUNS=0, only the first listing of a fresh JVM, as a CLI run does it. Fill the folder with
 * {@link ConversationGenerator} first.
 *
 * <pre>java -Xmx256m -cp CLASSPATH io.redux.storage.json.bench.ListingBenchmark FOLDER [RUNS=5]</pre>
 */
public final class ListingBenchmark {

    private ListingBenchmark() {
    }

    /** CPU time of the whole process (all threads, GC included): unlike wall time, it holds on a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        JsonConversationRepository repository = new JsonConversationRepository(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long started = System.nanoTime();
        ConversationListing first = repository.list();
        double cold = (System.nanoTime() - started) / 1e6;
        if (runs == 0) {
            // One listing in a fresh JVM, as a CLI run does it.
            System.out.printf("conversations=%d unreadable=%d first=%.0f ms cpu=%.0f ms%n", first.conversations().size(),
                    first.unreadable().size(), cold, processCpuNanos() / 1e6);
            return;
        }
        double[] warm = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long c = processCpuNanos();
            ConversationListing listing = repository.list();
            warm[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (processCpuNanos() - c) / 1e6;
            if (listing.conversations().size() != first.conversations().size()) {
                throw new IllegalStateException("listings differ");
            }
        }
        Arrays.sort(warm);
        Arrays.sort(cpu);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("conversations=%d unreadable=%d first=%.0f ms median-of-%d=%.0f ms min=%.0f ms"
                        + " cpu-median=%.0f ms peak-heap=%d MB max-heap=%d MB processors=%d%n",
                first.conversations().size(), first.unreadable().size(), cold, runs, warm[runs / 2], warm[0],
                cpu[runs / 2],
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    }

}
