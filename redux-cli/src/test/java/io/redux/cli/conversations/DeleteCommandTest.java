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

    @Test
    void theQuestionShowsControlCharactersOfTheTitleInsteadOfSendingThem() throws IOException {
        Path file = Files.writeString(home.resolve(ID + ".json"), """
                {"conversation_id": "%s", "created_at": "2025-01-09T18:00:00Z", "updated_at": "2025-01-09T18:00:00Z",
                 "model_id": "custom:us-east-1:bedrock:m:1", "region": "us-east-1",
                 "messages": [{"id": "m1", "role": "user", "timestamp": "2025-01-09T18:00:00Z",
                               "content": "Hi \\u001b]0;owned\\u0007 \\u001b]52;c;eA==\\u0007 \\u202eevil"}],
                 "metadata": {"session_type": "interactive"}}
                """.formatted(ID));
        StringWriter err = new StringWriter();

        int exit = ReduxCli.execute(atTerminal("n\n", err), "conversations", "delete", ID);

        assertThat(exit).isEqualTo(1);
        assertThat(file).exists();
        assertThat(err.toString()).contains("\"Hi ^[]0;owned^G ^[]52;c;eA==^G <U+202E>evil\"", "Kept conversation")
                .doesNotContain("\u001b", "\u0007", "\u202e");
    }

    private CliEnvironment atTerminal(String answer, StringWriter err) {
        return new CliEnvironment(Map.of("REDUX_CONVERSATIONS_DIR", home.toString()), home, home,
                new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), true);
    }
}
