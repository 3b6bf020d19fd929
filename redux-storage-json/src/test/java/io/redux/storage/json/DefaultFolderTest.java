package io.redux.storage.json;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The library's default folder is the CLI's: under HOME as the shell has it, not the JVM's user.home. */
class DefaultFolderTest {

    @Test
    void isUnderHomeWhenTheEnvironmentSetsItElsewhereThanUserHome() {
        Map<String, String> environment = Map.of("HOME", "/elsewhere/dev");

        assertThat(JsonConversationRepository.resolveDirectory(environment))
                .isEqualTo(Path.of("/elsewhere/dev/.amazon-q/conversations"));
    }

    @Test
    void isTheConfiguredFolderWhenThereIsOne() {
        Map<String, String> environment = Map.of("HOME", "/elsewhere/dev", "REDUX_CONVERSATIONS_DIR", "/data/chats");

        assertThat(JsonConversationRepository.resolveDirectory(environment)).isEqualTo(Path.of("/data/chats"));
    }
}
