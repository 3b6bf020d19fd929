package io.redux.cli.chat;

import io.redux.cli.output.TerminalText;
import io.redux.domain.model.ToolCall;
import io.redux.domain.port.ToolApprover;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks the person at the terminal {@code Allow? [y/n/t]} about a tool call the policy does not trust, after showing
 * the whole of arguments too long for the tool's line: what is allowed must be seen.
 */
final class TerminalToolApprover implements ToolApprover {

    private final ConsoleInput input;
    private final PrintWriter out;
    private final Style style;

    @Inject
    TerminalToolApprover(ChatTerminal terminal) {
        this(terminal.input(), terminal.writer(), terminal.style());
    }

    TerminalToolApprover(ConsoleInput input, PrintWriter out, Style style) {
        this.input = input;
        this.out = out;
        this.style = style;
    }

    @Override
    public Decision decide(ToolCall call) {
        String name = TerminalText.escape(call.toolName());
        String arguments = call.arguments().toJson();
        if (arguments.length() > AnswerRenderer.SHOWN_ARGUMENTS) {
            out.println(style.dim("  " + TerminalText.escape(arguments)));
        }
        while (true) {
            String answer = input.readAnswer(style.bold("Allow " + name + "? [y/n/t] "));
            if (answer == null) {
                return Decision.DENY;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    return Decision.ALLOW;
                }
                case "n", "no" -> {
                    return Decision.DENY;
                }
                case "t", "trust" -> {
                    out.println(style.dim(name + " is trusted for the rest of this session "
                            + "(/tools untrust " + name + " to undo)."));
                    return Decision.TRUST_FOR_SESSION;
                }
                default -> out.println("Answer y (run it once), n (refuse) or t (trust " + name
                        + " for this session).");
            }
        }
    }
}
