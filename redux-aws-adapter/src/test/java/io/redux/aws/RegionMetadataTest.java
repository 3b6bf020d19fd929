package io.redux.aws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionMetadataTest {

    @Test
    void loadsOnADaemonThreadThatNeverKeepsTheJvmRunning() throws InterruptedException {
        Thread loading = RegionMetadata.loadInBackground();

        assertThat(loading.isDaemon()).isTrue();
        assertThat(loading.getName()).isEqualTo("redux-aws-metadata");
        loading.join();
        assertThat(loading.isAlive()).isFalse();
    }
}
