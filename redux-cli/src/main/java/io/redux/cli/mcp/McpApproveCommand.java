package io.redux.cli.mcp;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a workspace MCP configuration (by default .amazonq/mcp.json of this folder) with its "
                + "content now, so a chat starts its servers. Any change to the file withdraws the approval.",
                "Approvals are kept in ~/.aws/amazonq/redux/approvals.json."})
final class McpApproveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The file (default: .amazonq/mcp.json).")
    Path file;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<McpAccess> mcp;

    @Override
    public Integer call() {
        List<String> runs = mcp.get().approve(file);
        Path shown = file != null ? file : Path.of(".amazonq", "mcp.json");
        environment.out().println(TerminalText.escape("Approved " + shown + "; a chat here may now start:"));
        if (runs.isEmpty()) {
            environment.out().println("  (no server)");
        }
        runs.forEach(run -> environment.out().println("  " + TerminalText.escape(run)));
        environment.out().flush();
        return 0;
    }
}
