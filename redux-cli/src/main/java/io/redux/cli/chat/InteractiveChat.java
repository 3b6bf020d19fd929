package io.redux.cli.chat;

import io.redux.cli.Hints;
import io.redux.cli.output.TerminalText;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ReduxException;
import jakarta.inject.Inject;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The interactive session: read a prompt, stream the answer, repeat. Ctrl-C while an answer streams cancels it (the
 * use case keeps the partial answer, marked interrupted); Ctrl-C or Ctrl-D at the prompt leaves.
 */
final class InteractiveChat {

    private final Terminal terminal;
    private final ConsoleInput input;
    private final SlashCommands commands;
    private final AnswerRenderer renderer;
    private final PrintWriter out;
    private final Style style;

    @Inject
    InteractiveChat(ChatTerminal terminal, SlashCommands commands, AnswerRenderer renderer) {
        this.terminal = terminal.terminal();
        this.input = terminal.input();
        this.commands = commands;
        this.renderer = renderer;
        this.out = terminal.writer();
        this.style = terminal.style();
    }

    /** Runs until the user leaves; returns the session last used. */
    ChatSession run(ChatSession first, ChatRun run) {
        ChatSession session = first;
        out.println(style.dim("Conversation " + session.id() + " with " + TerminalText.escape(session.model().toString())
                + ". /help for commands, "
                + "Ctrl-D to leave."));
        while (true) {
            String line = input.readPrompt(style.prompt("> "));
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            if (SlashCommands.isCommand(line)) {
                SlashCommands.Outcome outcome = command(session, line, run);
                session = outcome.session();
                if (outcome.quit()) {
                    break;
                }
                continue;
            }
            turn(session, line, true);
        }
        if (session.isSaved()) {
            out.println(style.dim("Conversation " + session.id() + " is saved; continue it with "
                    + "'redux_cli chat --resume " + session.id() + "'."));
        }
        out.flush();
        return session;
    }

    /** A slash command; Ctrl-C stops what it asks of the model ({@code /compact}) instead of ending the process. */
    private SlashCommands.Outcome command(ChatSession session, String line, ChatRun run) {
        SignalHandler previous = terminal.handle(Signal.INT, signal -> session.cancel());
        try {
            return commands.run(line, session, renderer, run);
        } catch (ReduxException e) {
            report(e);
            return new SlashCommands.Outcome(false, session);
        } finally {
            terminal.handle(Signal.INT, previous);
        }
    }

    private void turn(ChatSession session, String prompt, boolean mayCompact) {
        SignalHandler previous = terminal.handle(Signal.INT, signal -> session.cancel());
        try {
            session.send(prompt, renderer);
        } catch (ReduxException e) {
            report(e);
            if (e instanceof ModelInvocationException failed
                    && failed.reason() == ModelInvocationException.Reason.INPUT_TOO_LONG && mayCompact
                    && offerCompaction()) {
                terminal.handle(Signal.INT, previous);
                commands.compact(session, renderer);
                turn(session, prompt, false);
            }
        } finally {
            terminal.handle(Signal.INT, previous);
            renderer.endTurn();
            out.flush();
        }
    }

    /** The error's line, after what the turn had printed so far. */
    private void report(ReduxException e) {
        renderer.endTurn();
        out.println(style.error("redux_cli: " + TerminalText.escape(Hints.line(e))));
    }

    private boolean offerCompaction() {
        String answer = input.readAnswer("The conversation is too long for the model. Summarise it with /compact "
                + "and ask again? [y/n] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
