package io.redux.cli.mcp;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.cli.output.TerminalText;
import io.redux.domain.tool.ToolRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Start each enabled MCP server (a workspace one only if its file is approved), as a chat "
                + "would, and show its tools and start time, or why it failed. Exit code 1 when one failed."})
final class McpStatusCommand implements Callable<Integer> {

    @Option(names = "--mcp-config", paramLabel = "FILE", description = "Also start the servers of FILE.")
    Path mcpConfig;

    @Option(names = "--json", description = "Print a JSON array for scripts.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<McpAccess> mcp;

    @Override
    public Integer call() throws InterruptedException {
        List<McpAccess.ServerView> statuses;
        try (McpAccess.RunningServers servers = mcp.get().start(mcpConfig, ToolRegistry.none(), (file, runs) -> false,
                new McpAccess.Notices() {
                    @Override
                    public void ready(String server, int tools, long millis) {
                    }

                    @Override
                    public void warning(String line) {
                        environment.err().println(TerminalText.escape("redux_cli: warning: " + line));
                    }

                    @Override
                    public void failed(String server, String reason) {
                        // The table below shows it, with its reason.
                    }
                })) {
            servers.awaitStarts();
            statuses = servers.statuses();
        }
        if (json) {
            environment.out().println(Json.write(statuses.stream().map(McpListCommand::toJson).toList()));
        } else if (statuses.isEmpty()) {
            environment.out().println("No MCP servers. Configure them in ~/.aws/amazonq/mcp.json or "
                    + ".amazonq/mcp.json.");
        } else {
            Table table = new Table("NAME", "STATE", "TOOLS", "DETAIL");
            for (McpAccess.ServerView server : statuses) {
                table.row(server.name(), server.state(), String.join(", ", server.tools()), server.detail());
            }
            table.print(environment.out());
        }
        environment.out().flush();
        environment.err().flush();
        return statuses.stream().anyMatch(server -> server.state().equals("failed")) ? 1 : 0;
    }
}
