package io.redux.cli.conversations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void aTimestampIsWhatInstantWritesCutToTheSecond() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L,
                    random.nextInt(1_000_000_000));
            assertThat(Formats.timestamp(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    @Test
    void theEdgesOfFourDigitYearsAreWrittenAsInstantWritesThem() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z", "9999-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2025-01-09T18:00:00.123456789Z",
                "0999-03-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Formats.timestamp(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        assertThat(Formats.timestamp(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(Formats.timestamp(Instant.MAX)).isEqualTo(Instant.MAX.truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
