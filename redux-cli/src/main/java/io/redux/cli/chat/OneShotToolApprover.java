package io.redux.cli.chat;

import io.redux.cli.output.TerminalText;
import io.redux.domain.model.ToolCall;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.tool.ToolRegistry;

import java.io.PrintWriter;

/**
 * With nobody to ask, an untrusted tool call is refused; the model hears it from the use case, and the user reads on
 * stderr how to allow it next time.
 */
final class OneShotToolApprover implements ToolApprover {

    private final PrintWriter err;
    private final ToolRegistry tools;

    OneShotToolApprover(PrintWriter err, ToolRegistry tools) {
        this.err = err;
        this.tools = tools;
    }

    @Override
    public Decision decide(ToolCall call) {
        String name = TerminalText.escape(call.toolName());
        // An MCP server's tool is trusted by the original CLI's name (@server/tool), not the model's.
        String trustName = TerminalText.escape(tools.find(call.toolName()).map(tool -> tool.trustNames().get(0))
                .orElse(call.toolName()));
        err.println("redux_cli: refused to run " + name + " " + TerminalText.escape(call.arguments().toJson())
                + ": nobody can approve tools in one-shot mode; allow it with --trust-tools=" + trustName
                + " or --trust-all-tools");
        err.flush();
        return Decision.DENY;
    }
}
