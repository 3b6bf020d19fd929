package io.redux.cli.composition;

import io.redux.aws.Closeables;
import io.redux.cli.CliEnvironment;
import io.redux.cli.mcp.McpAccess;
import io.redux.domain.tool.ToolRegistry;
import io.redux.mcp.McpConfigFiles;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The MCP side, built only when a configuration file exists: until then nothing of MCP is loaded (the file names are
 * constants the compiler copies here), so a chat without MCP starts as fast as before. What needs the adapter is in
 * {@link McpAdapter}, made only past that check. Servers started are closed with the command, and by a shutdown hook
 * when the JVM ends otherwise (Ctrl-C), so no server outlives the CLI.
 */
final class AdapterMcpAccess implements McpAccess {

    private final CliEnvironment environment;
    private final Clock clock;
    private final Closeables resources;

    @Inject
    AdapterMcpAccess(CliEnvironment environment, Clock clock, Closeables resources) {
        this.environment = environment;
        this.clock = clock;
        this.resources = resources;
    }

    private boolean configured(Path commandLineFile) {
        return commandLineFile != null
                || Files.exists(environment.userHome().resolve(McpConfigFiles.GLOBAL_FILE))
                || Files.exists(environment.workingDirectory().resolve(McpConfigFiles.WORKSPACE_FILE));
    }

    @Override
    public ServerList list(Path commandLineFile) {
        return configured(commandLineFile) ? new McpAdapter(environment, clock).list(commandLineFile)
                : new ServerList(List.of(), List.of());
    }

    @Override
    public RunningServers start(Path commandLineFile, ToolRegistry registry, WorkspaceApprover approver,
                                Notices notices) {
        return start(commandLineFile, null, registry, approver, notices);
    }

    @Override
    public RunningServers start(Path commandLineFile, AgentServers agent, ToolRegistry registry,
                                WorkspaceApprover approver, Notices notices) {
        boolean mcpJsonFiles = agent == null || agent.withMcpJson();
        boolean anyServer = commandLineFile != null || (mcpJsonFiles && configured(null))
                || (agent != null && agent.hasServers());
        if (!anyServer) {
            return RunningServers.NONE;
        }
        RunningServers servers = new McpAdapter(environment, clock).start(commandLineFile, agent, registry, approver,
                notices);
        Thread hook = new Thread(servers::close, "mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return resources.own(servers);
    }

    @Override
    public Path add(boolean workspace, String name, NewServer server, boolean replace) {
        return new McpAdapter(environment, clock).add(workspace, name, server, replace);
    }

    @Override
    public Path remove(boolean workspace, String name) {
        return new McpAdapter(environment, clock).remove(workspace, name);
    }

    @Override
    public List<String> approve(Path file) {
        return new McpAdapter(environment, clock).approve(file);
    }
}
