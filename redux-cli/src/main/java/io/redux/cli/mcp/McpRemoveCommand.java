package io.redux.cli.mcp;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an MCP server from ~/.aws/amazonq/mcp.json (or, with --scope workspace, from "
                + ".amazonq/mcp.json of this folder), keeping the file's other servers and fields.")
final class McpRemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The server's name.")
    String name;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "global",
            description = "global (default) or workspace.")
    String scope;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<McpAccess> mcp;

    @Override
    public Integer call() {
        Path file = mcp.get().remove(workspace(scope), name);
        environment.out().println(TerminalText.escape("Removed MCP server " + name + " from " + file + "."));
        environment.out().flush();
        return 0;
    }

    /** Whether {@code --scope} names the workspace file. */
    static boolean workspace(String scope) {
        if (!scope.equals("global") && !scope.equals("workspace")) {
            throw new InvalidInputException("--scope is global or workspace, not " + InvalidInputException.quote(scope)
                    + ".");
        }
        return scope.equals("workspace");
    }
}
