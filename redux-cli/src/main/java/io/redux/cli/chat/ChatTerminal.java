package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.domain.error.StorageException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The interactive chat's terminal, one per run: the terminal itself (the system's, or a test's), the style it can
 * show and the line reader with its history. The composition makes it; the chat opens it before the parts drawn on
 * it are made, and closes it when the session ends.
 */
@Singleton
final class ChatTerminal implements AutoCloseable {

    static final String HISTORY_FILE = ".amazon-q/redux_history";

    private final Terminals terminals;
    private final CliEnvironment environment;
    private Terminal terminal;
    private Style style;
    private ConsoleInput input;

    @Inject
    ChatTerminal(Terminals terminals, CliEnvironment environment) {
        this.terminals = terminals;
        this.environment = environment;
    }

    /** Opens the terminal: not while the composition makes this object, so a failure is the command's one line. */
    ChatTerminal open() {
        try {
            terminal = terminals.open();
        } catch (IOException e) {
            throw new StorageException("Cannot open the terminal: " + e.getMessage(), e);
        }
        style = new Style(capable() && environment.colour(), StandardCharsets.UTF_8.equals(terminal.encoding()));
        input = new ConsoleInput(terminal, environment.userHome().resolve(HISTORY_FILE));
        return this;
    }

    Terminal terminal() {
        return terminal;
    }

    PrintWriter writer() {
        return terminal.writer();
    }

    Style style() {
        return style;
    }

    ConsoleInput input() {
        return input;
    }

    /** Whether it understands carriage returns and ANSI erases, so a spinner may be drawn. */
    boolean capable() {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    /** Saves the history, then gives the terminal back. */
    @Override
    public void close() {
        if (input != null) {
            input.close();
        }
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException e) {
                throw new StorageException("Cannot close the terminal: " + e.getMessage(), e);
            }
        }
    }
}
