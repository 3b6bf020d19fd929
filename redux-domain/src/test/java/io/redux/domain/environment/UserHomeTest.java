package io.redux.domain.environment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for the user's home folder, shared by the CLI and every library default. */
class UserHomeTest {

    private static final Path JVM_HOME = Path.of(System.getProperty("user.home"));

    @Test
    void isHomeAsTheShellHasIt() {
        assertThat(UserHome.of(Map.of("HOME", "/elsewhere/dev"))).isEqualTo(Path.of("/elsewhere/dev"));
    }

    @Test
    void isTheJvmsUserHomeWhenHomeIsUnsetBlankOrRelative() {
        assertThat(UserHome.of(Map.of())).isEqualTo(JVM_HOME);
        assertThat(UserHome.of(Map.of("HOME", "  "))).isEqualTo(JVM_HOME);
        assertThat(UserHome.of(Map.of("HOME", "relative/dev"))).isEqualTo(JVM_HOME);
    }
}
