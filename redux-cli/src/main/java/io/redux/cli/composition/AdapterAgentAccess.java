package io.redux.cli.composition;

import io.redux.cli.CliEnvironment;
import io.redux.cli.agent.AgentAccess;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.workspace.WorkspaceApprovals;
import io.redux.mcp.AgentFiles;
import io.redux.storage.json.JsonWorkspaceApprovals;
import io.redux.tools.ShellHookRunner;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The agent side: the agent files read by the MCP adapter (which reads the original CLI's other configuration files),
 * approvals kept with those of workspace MCP files, hooks run by the tools adapter. With no agent folder, nothing is
 * read and nothing of the MCP adapter is loaded (the folder names are constants the compiler copies here; what needs
 * the adapter is in {@link AgentFilesReader}).
 */
final class AdapterAgentAccess implements AgentAccess {

    private final CliEnvironment environment;
    private final Clock clock;

    @Inject
    AdapterAgentAccess(CliEnvironment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public AgentCatalog catalog() {
        if (!Files.isDirectory(environment.userHome().resolve(AgentFiles.GLOBAL_FOLDER))
                && !Files.isDirectory(environment.workingDirectory().resolve(AgentFiles.WORKSPACE_FOLDER))) {
            return AgentCatalog.EMPTY;
        }
        return AgentFilesReader.catalog(environment.userHome(), environment.workingDirectory());
    }

    @Override
    public Agent read(Path file) {
        return AgentFilesReader.read(file, environment.workingDirectory());
    }

    @Override
    public boolean approved(Agent agent) {
        return agent.workspaceFile().map(approvals()::isApproved).orElse(true);
    }

    @Override
    public void approve(Agent agent) {
        agent.workspaceFile().ifPresent(approvals()::approve);
    }

    @Override
    public HookRunner hooks() {
        return new ShellHookRunner();
    }

    private WorkspaceApprovals approvals() {
        return new JsonWorkspaceApprovals(environment.userHome().resolve(JsonWorkspaceApprovals.DEFAULT_FILE), clock);
    }
}
