package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;

import java.util.List;

/** Warnings about agent files, one line each on stderr, as the file said them (escaped for the terminal). */
final class AgentWarnings {

    private AgentWarnings() {
    }

    static void print(CliEnvironment environment, List<String> warnings) {
        warnings.forEach(warning -> environment.err().println(TerminalText.escape("redux_cli: warning: " + warning)));
        environment.err().flush();
    }
}
