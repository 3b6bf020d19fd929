package io.redux.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapters give the reason of a failure; what the user can do about it in the CLI's words (its variables and
 * options) is added by {@link ErrorReporter}, on the same one line.
 */
class ErrorHintsTest {

    @TempDir
    Path home;

    @Test
    void aConversationsFolderThatCannotBeUsedNamesTheVariableThatChoosesAnother() throws IOException {
        Path file = Files.writeString(home.resolve("conversations"), "oops");

        Run run = run(Map.of("REDUX_CONVERSATIONS_DIR", file.toString()), "conversations", "list");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("redux_cli: Conversations folder " + file + " is a file, not a folder; move it away")
                .endsWith(" (or set REDUX_CONVERSATIONS_DIR to another folder)");
    }

    @Test
    void noHistoryDatabaseNamesTheOptionThatGivesOne() {
        Run run = run(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
                "conversations", "migrate");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("redux_cli: No Amazon Q or Kiro CLI history database found; looked for ")
                .contains(home.resolve("data/amazon-q/data.sqlite3").toString())
                .endsWith(" (pass the original CLI's data.sqlite3 with --from FILE)");
    }

    private record Run(int exit, String err) {
    }

    private Run run(Map<String, String> variables, String... args) {
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, home, home, InputStream.nullInputStream(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false);
        int exit = ReduxCli.execute(environment, args);
        return new Run(exit, err.toString());
    }
}
