package io.redux.cli.chat;

import io.redux.cli.mcp.McpAccess;
import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.util.List;

/** The MCP side of a machine with no MCP configuration: no server, nothing to write. */
final class NoMcpServers implements McpAccess {

    @Override
    public ServerList list(Path commandLineFile) {
        return new ServerList(List.of(), List.of());
    }

    @Override
    public RunningServers start(Path commandLineFile, ToolRegistry registry, WorkspaceApprover approver,
                                Notices notices) {
        return RunningServers.NONE;
    }

    @Override
    public RunningServers start(Path commandLineFile, AgentServers agent, ToolRegistry registry,
                                WorkspaceApprover approver, Notices notices) {
        return RunningServers.NONE;
    }

    @Override
    public Path add(boolean workspace, String name, NewServer server, boolean replace) {
        throw new UnsupportedOperationException("no MCP configuration in this test");
    }

    @Override
    public Path remove(boolean workspace, String name) {
        throw new UnsupportedOperationException("no MCP configuration in this test");
    }

    @Override
    public List<String> approve(Path file) {
        throw new UnsupportedOperationException("no MCP configuration in this test");
    }
}
