package io.redux.cli.chat;

import org.jline.terminal.Terminal;

import java.io.IOException;

/** Opens the terminal of an interactive session: the system's in real use, a test terminal in tests. */
@FunctionalInterface
public interface Terminals {

    Terminal open() throws IOException;
}
