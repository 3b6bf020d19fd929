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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add an MCP server to ~/.aws/amazonq/mcp.json (or, with --scope workspace, to .amazonq/mcp.json "
                + "of this folder). The file is rewritten whole, keeping its other servers and fields.",
                "Values of --env and --header may name environment variables as ${VAR}, replaced when a chat starts."},
        footer = {"", "Examples:",
                "  redux_cli mcp add git --command uvx --args mcp-server-git",
                "  redux_cli mcp add tickets --url https://mcp.example.com/mcp \\",
                "      --header 'Authorization=Bearer ${TICKETS_TOKEN}'"})
final class McpAddCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The server's name.")
    String name;

    @Option(names = "--command", paramLabel = "C", description = "The program to run (a server over stdio).")
    String command;

    @Option(names = "--args", paramLabel = "ARG", split = ",", arity = "1..*",
            description = "Its arguments, comma-separated or repeated.")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "An environment variable for it (repeatable).")
    Map<String, String> env = Map.of();

    @Option(names = "--url", paramLabel = "U", description = "The server's Streamable HTTP endpoint.")
    String url;

    @Option(names = "--header", paramLabel = "K=V", description = "An HTTP header to send it (repeatable).")
    Map<String, String> headers = Map.of();

    @Option(names = "--timeout", paramLabel = "MS", description = "The longest a call may take, in milliseconds.")
    Long timeout;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "global",
            description = "global (default) or workspace.")
    String scope;

    @Option(names = "--force", description = "Replace a server of the same name.")
    boolean force;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<McpAccess> mcp;

    @Override
    public Integer call() {
        if ((command == null) == (url == null)) {
            throw new InvalidInputException("Give --command or --url, one of the two.");
        }
        if (url != null && (!args.isEmpty() || !env.isEmpty())) {
            throw new InvalidInputException("--args and --env go with --command, not --url.");
        }
        if (command != null && !headers.isEmpty()) {
            throw new InvalidInputException("--header goes with --url, not --command.");
        }
        Path file = mcp.get().add(McpRemoveCommand.workspace(scope), name,
                new McpAccess.NewServer(command, args, env, url, headers, timeout), force);
        environment.out().println(TerminalText.escape("Added MCP server " + name + " to " + file + "."));
        environment.out().flush();
        return 0;
    }
}
