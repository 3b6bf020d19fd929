package io.redux.storage.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-09T18:00:00Z", "2025-01-09T18:00:00.5Z", "2025-01-09T18:00:00.123456789Z",
            "2024-02-29T23:59:59Z", "2025-01-09T19:00:00+01:00", "2025-01-09T13:30:00.000-05:00", "2025-01-09T18:00Z"})
    void readsEveryIsoOffsetTheWayTheJdkDoes(String text) {
        assertThat(Timestamps.parseOrNull(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-01-09T18:00:00", "2025-01-09 18:00:00Z", "2025-13-09T18:00:00Z",
            "2025-02-30T18:00:00Z", "2025-01-09T24:00:01Z", "2025-01-09T18:00:00.1234567890Z",
            "2025-01-09T18:0a:00Z", "+2025-01-09T18:00:00Z"})
    void refusesWhatIsNotAnIsoTimestampWithAnOffset(String text) {
        assertThat(Timestamps.parseOrNull(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-09T18:00:00Z", "2025-01-09T18:00:00.120Z", "1970-01-01T00:00:00.000000001Z"})
    void writesUtcWithZThatReadsBackEqual(String text) {
        Instant instant = Instant.parse(text);
        assertThat(Timestamps.format(instant)).endsWith("Z");
        assertThat(Timestamps.parseOrNull(Timestamps.format(instant))).isEqualTo(instant);
    }
}
