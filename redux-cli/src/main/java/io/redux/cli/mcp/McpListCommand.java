package io.redux.cli.mcp;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.cli.output.TerminalText;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the MCP servers configured, starting none: name, scope (global, workspace, "
                + "command-line), transport, what it runs, and whether it starts (enabled, disabled, or not approved "
                + "for a workspace file).",
                "The workspace file wins a name clash with the global one; --mcp-config FILE wins over both."})
final class McpListCommand implements Callable<Integer> {

    @Option(names = "--mcp-config", paramLabel = "FILE", description = "Also list the servers of FILE.")
    Path mcpConfig;

    @Option(names = "--json", description = "Print a JSON array for scripts.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<McpAccess> mcp;

    @Override
    public Integer call() {
        McpAccess.ServerList list = mcp.get().list(mcpConfig);
        if (json) {
            environment.out().println(Json.write(list.servers().stream().map(McpListCommand::toJson).toList()));
        } else if (list.servers().isEmpty()) {
            environment.out().println("No MCP servers. Configure them in ~/.aws/amazonq/mcp.json (yours) or "
                    + ".amazonq/mcp.json (this workspace's), as the original CLI does.");
        } else {
            Table table = new Table("NAME", "SCOPE", "STATE", "TRANSPORT", "RUNS", "FILE");
            for (McpAccess.ServerView server : list.servers()) {
                table.row(server.name(), server.scope(), server.state(), server.transport(), server.target(),
                        server.source().toString());
            }
            table.print(environment.out());
        }
        environment.out().flush();
        list.warnings().forEach(warning -> environment.err().println(TerminalText.escape("redux_cli: warning: "
                + warning)));
        environment.err().flush();
        return 0;
    }

    static Map<String, Object> toJson(McpAccess.ServerView server) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", server.name());
        object.put("scope", server.scope());
        object.put("state", server.state());
        object.put("transport", server.transport());
        object.put("runs", server.target());
        object.put("file", server.source().toString());
        if (!server.detail().isEmpty()) {
            object.put("detail", server.detail());
        }
        if (!server.tools().isEmpty()) {
            object.put("tools", List.copyOf(server.tools()));
        }
        return object;
    }
}
