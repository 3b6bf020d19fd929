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

/**
 * The delete question needs a person at a terminal, which a process test cannot have; here the command runs in this
 * JVM with a world that says one is there.
 */
class DeleteCommandTest {

    private static final String ID = "33333333-3333-4333-8333-333333333333";

    @TempDir
    Path home;

    @Test
    void theQuestionShowsControlCharactersOfTheTitleInsteadOfSendingThem() throws IOException {
        Path folder = Files.createDirectories(home.resolve("conversations"));
        Path file = Files.writeString(folder.resolve(ID + ".json"), """
                {"conversation_id": "%s", "created_at": "2025-01-09T18:00:00Z", "updated_at": "2025-01-09T18:00:00Z",
                 "model_id": "custom:us-east-1:bedrock:m:1", "region": "us-east-1",
                 "messages": [{"id": "m1", "role": "user", "timestamp": "2025-01-09T18:00:00Z",
                               "content": "Hi \\u001b]0;owned\\u0007 \\u001b]52;c;eA==\\u0007 \\u202eevil"}],
                 "metadata": {"session_type": "interactive"}}
                """.formatted(ID));
        StringWriter err = new StringWriter();
        CliEnvironment person = new CliEnvironment(Map.of("REDUX_CONVERSATIONS_DIR", folder.toString()), home, home,
                new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8)), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), true);

        int exit = ReduxCli.execute(person, "conversations", "delete", ID);

        assertThat(exit).isEqualTo(1);
        assertThat(file).exists();
        assertThat(err.toString()).contains("\"Hi ^[]0;owned^G ^[]52;c;eA==^G <U+202E>evil\"", "Kept conversation")
                .doesNotContain("\u001b", "\u0007", "\u202e");
    }
}
