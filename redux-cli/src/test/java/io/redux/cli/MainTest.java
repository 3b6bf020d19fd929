package io.redux.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void aLiveThreadThatIsNotADaemonKeepsTheJvmRunningAfterMain() throws InterruptedException {
        CountDownLatch end = new CountDownLatch(1);
        Thread worker = new Thread(() -> awaitQuietly(end));
        Thread daemon = new Thread(() -> awaitQuietly(end));
        daemon.setDaemon(true);
        Thread finished = new Thread(() -> { });
        worker.start();
        daemon.start();
        finished.start();
        finished.join();
        try {
            Thread main = Thread.currentThread();

            assertThat(Main.keepTheJvmRunning(List.of(main, daemon, finished), main)).isFalse();
            assertThat(Main.keepTheJvmRunning(List.of(main, daemon, worker), main)).isTrue();
        } finally {
            end.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch end) {
        try {
            end.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
