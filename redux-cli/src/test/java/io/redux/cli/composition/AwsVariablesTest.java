package io.redux.cli.composition;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI's own variables, read by the CLI and handed to the AWS adapter as settings. */
class AwsVariablesTest {

    @Test
    void redux_read_timeout_sets_the_longest_silence_in_seconds() {
        assertThat(AwsVariables.readTimeout(Map.of())).isEqualTo(Duration.ofSeconds(90));
        assertThat(AwsVariables.readTimeout(Map.of("REDUX_READ_TIMEOUT", "300"))).isEqualTo(Duration.ofMinutes(5));
        assertThat(AwsVariables.readTimeout(Map.of("REDUX_READ_TIMEOUT", " 0.5 "))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void a_read_timeout_that_is_not_a_positive_number_of_seconds_is_a_usage_error() {
        for (String bad : new String[] {"90s", "0", "-1", "0.0001", "1e400"}) {
            assertThatThrownBy(() -> AwsVariables.readTimeout(Map.of("REDUX_READ_TIMEOUT", bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("REDUX_READ_TIMEOUT")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void a_timeout_variable_that_is_not_a_number_of_seconds_is_a_usage_error_naming_it() {
        assertThatThrownBy(() -> AwsVariables.credentialProcessTimeout(Map.of("REDUX_CREDENTIAL_PROCESS_TIMEOUT", "soon")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("REDUX_CREDENTIAL_PROCESS_TIMEOUT").hasMessageContaining("soon");
    }

    @Test
    void the_timeout_variable_accepts_fractions_of_a_second() {
        assertThat(AwsVariables.credentialProcessTimeout(Map.of("REDUX_CREDENTIAL_PROCESS_TIMEOUT", "0.5")))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(AwsVariables.credentialProcessTimeout(Map.of())).isNull();
    }

    @Test
    void timeouts_longer_than_an_hour_are_refused_naming_the_maximum() {
        assertThat(AwsVariables.readTimeout(Map.of("REDUX_READ_TIMEOUT", "3600"))).isEqualTo(Duration.ofHours(1));
        assertThat(AwsVariables.credentialProcessTimeout(Map.of("REDUX_CREDENTIAL_PROCESS_TIMEOUT", "3600")))
                .isEqualTo(Duration.ofHours(1));
        for (String bad : new String[] {"1e9", "3600.5", "86400"}) {
            assertThatThrownBy(() -> AwsVariables.readTimeout(Map.of("REDUX_READ_TIMEOUT", bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("3600");
            assertThatThrownBy(() -> AwsVariables.credentialProcessTimeout(
                    Map.of("REDUX_CREDENTIAL_PROCESS_TIMEOUT", bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("3600");
        }
    }
}
