package io.redux.aws.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncHttpTest {

    @Test
    void closingEndsTheEventLoopAndItsThread() throws Exception {
        HttpClients.AsyncHttp http = HttpClients.async(NetworkSettings.fromEnvironment(Map.of()),
                URI.create("http://127.0.0.1:9"));
        // The loop's thread starts with its first task.
        Thread loop = http.group().submit(Thread::currentThread).get();

        http.close();

        assertThat(http.group().isTerminated()).isTrue();
        // Not merely terminated, which the group is from its thread's last task on: the thread is gone.
        assertThat(loop.isAlive()).isFalse();
    }
}
