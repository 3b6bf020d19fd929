package io.redux.cli;

import io.redux.domain.environment.UserHome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI reads from its environment: here, the folder of conversation files. */
class CliEnvironmentTest {

    @Test
    void theConversationsFolderComesFromTheEnvironmentOrTheHomeFolder() {
        Path home = Path.of("/home/dev");

        assertThat(environment(Map.of(), home).conversationsFolder())
                .isEqualTo(Path.of("/home/dev/.amazon-q/conversations"));
        assertThat(environment(Map.of("REDUX_CONVERSATIONS_DIR", "  "), home).conversationsFolder())
                .isEqualTo(Path.of("/home/dev/.amazon-q/conversations"));
        assertThat(environment(Map.of("REDUX_CONVERSATIONS_DIR", "/data/chats"), home).conversationsFolder())
                .isEqualTo(Path.of("/data/chats"));
    }

    /** The default folder is under HOME as the shell has it, not the JVM's user.home ({@link CliEnvironment#system()}). */
    @Test
    void theDefaultFolderIsUnderHomeWhenTheEnvironmentSetsItElsewhereThanUserHome() {
        Map<String, String> variables = Map.of("HOME", "/elsewhere/dev");

        assertThat(environment(variables, UserHome.of(variables)).conversationsFolder())
                .isEqualTo(Path.of("/elsewhere/dev/.amazon-q/conversations"));
    }

    @Test
    void aConfiguredFolderWinsOverHome() {
        Map<String, String> variables = Map.of("HOME", "/elsewhere/dev", "REDUX_CONVERSATIONS_DIR", "/data/chats");

        assertThat(environment(variables, UserHome.of(variables)).conversationsFolder()).isEqualTo(Path.of("/data/chats"));
    }

    private static CliEnvironment environment(Map<String, String> variables, Path home) {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        return new CliEnvironment(variables, home, home, new ByteArrayInputStream(new byte[0]), nowhere, nowhere, false);
    }
}
