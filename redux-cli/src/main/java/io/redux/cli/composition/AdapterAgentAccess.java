package io.redux.cli.composition;

import io.redux.cli.CliEnvironment;
import io.redux.cli.agent.AgentAccess;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.workspace.WorkspaceApprovals;
import io.redux.mcp.AgentFiles;
import io.redux.storage.json.JsonWorkspaceApprovals;
import io.redux.tools.ShellHookRunner;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The agent side: the agent files read by the MCP adapter (which reads the original CLI's other configuration files),
 * approvals kept with those of workspace MCP files, hooks run by the tools adapter. With no agent folder, nothing is
 * read.
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
        if (!Files.isDirectory(environment.userHome().resolve(AgentFiles.GLOBAL_DIR))
                && !Files.isDirectory(environment.workingDirectory().resolve(AgentFiles.WORKSPACE_DIR))) {
            return AgentCatalog.EMPTY;
        }
        return AgentFiles.load(environment.userHome(), environment.workingDirectory());
    }

    @Override
    public Agent read(Path file) {
        try {
            return AgentFiles.read(file, inWorkspace(file) ? Agent.Scope.WORKSPACE : Agent.Scope.GLOBAL);
        } catch (AgentFiles.UnusableAgentFile e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** A file of this folder's agent folder is someone else's code; any other file is the user's own. */
    private boolean inWorkspace(Path file) {
        try {
            Path folder = environment.workingDirectory().resolve(AgentFiles.WORKSPACE_DIR);
            return Files.isDirectory(folder) && file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return true;
        }
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
