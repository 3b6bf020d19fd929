package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ReduxCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code conversations delete} asking a person at a terminal, run in this JVM against real files. */
class DeleteCommandTest {

    private static final String ID = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path home;

    @Test
    void asksAboutAnUnreadableFileSayingSoAndDeletesItWhenConfirmed() throws IOException {
        Path file = home.resolve(ID + ".json");
        Files.writeString(file, "{\"conversation_id\": \"" + ID + "\", \"messages\": [");
        StringWriter err = new StringWriter();

        int exit = ReduxCli.execute(atTerminal("y\n", err), "conversations", "delete", ID);

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("unreadable", "not valid JSON", "[y/N]", "Deleted conversation " + ID);
        assertThat(file).doesNotExist();
    }

    @Test
    void keepsAnUnreadableFileWhenNotConfirmed() throws IOException {
        Path file = home.resolve(ID + ".json");
        Files.writeString(file, "not json");
        StringWriter err = new StringWriter();

        int exit = ReduxCli.execute(atTerminal("n\n", err), "conversations", "delete", ID);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unreadable", "Kept conversation " + ID);
        assertThat(file).hasContent("not json");
    }

    private CliEnvironment atTerminal(String answer, StringWriter err) {
        return new CliEnvironment(Map.of("REDUX_CONVERSATIONS_DIR", home.toString()), home, home,
                new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), true);
    }
}
