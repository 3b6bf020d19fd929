package io.redux.cli.chat;

import io.redux.cli.output.TerminalText;
import io.redux.domain.model.ToolCall;
import io.redux.domain.port.ToolApprover;

import java.io.PrintWriter;

/**
 * With nobody to ask, an untrusted tool call is refused; the model hears it from the use case, and the user reads on
 * stderr how to allow it next time.
 */
final class OneShotToolApprover implements ToolApprover {

    private final PrintWriter err;

    OneShotToolApprover(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Decision decide(ToolCall call) {
        String name = TerminalText.escape(call.toolName());
        err.println("redux_cli: refused to run " + name + " " + TerminalText.escape(call.arguments().toJson())
                + ": nobody can approve tools in one-shot mode; allow it with --trust-tools=" + name
                + " or --trust-all-tools");
        err.flush();
        return Decision.DENY;
    }
}
