package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ReduxCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redux_cli chat --help}: what a user reads before the first chat. */
class ChatHelpTest {

    @TempDir
    Path home;

    private String help() {
        StringWriter out = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of(), home, home, InputStream.nullInputStream(),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
        assertThat(ReduxCli.execute(environment, "chat", "--help")).isZero();
        return out.toString();
    }

    @Test
    void noLineBreaksAQuotedArgument() {
        List<String> lines = help().lines().toList();

        assertThat(lines).allSatisfy(line -> assertThat(line.chars().filter(c -> c == '"').count() % 2)
                .as("quotes of line: %s", line).isZero());
    }

    @Test
    void namesEveryKeyOfTheJsonDocument() {
        String help = help().replaceAll("\\s+", " ");

        assertThat(help).contains("conversation_id, model_id, answer, usage, stop_reason");
    }

    @Test
    void explainsThatAPromptAndPipedInputBothGoToTheModel() {
        String help = help().replaceAll("\\s+", " ");

        assertThat(help).contains("git diff | redux_cli chat --no-interactive \"Review this change\"",
                "the PROMPT first, then the input between <stdin> tags (at most 1 MiB)");
    }

    @Test
    void showsTheUnambiguousWayToResumeTheLatestWithAPrompt() {
        String help = help().replaceAll("\\s+", " ");

        assertThat(help).contains("redux_cli chat --resume -- \"What next?\"", "write --resume -- PROMPT");
    }
}
