package io.redux.cli.agent;

import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.error.InvalidInputException;
import io.redux.mcp.AgentFiles;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agent files of a home and a working folder, as the composition reads them, with approvals kept in memory. */
public final class FolderAgents implements AgentAccess {

    private final Path home;
    private final Path work;
    private final HookRunner hooks;
    private final Set<String> approved = ConcurrentHashMap.newKeySet();

    public FolderAgents(Path home, Path work, HookRunner hooks) {
        this.home = home;
        this.work = work;
        this.hooks = hooks;
    }

    @Override
    public AgentCatalog catalog() {
        return AgentFiles.load(home, work);
    }

    @Override
    public Agent read(Path file) {
        try {
            return AgentFiles.read(file, Agent.Scope.WORKSPACE);
        } catch (AgentFiles.UnusableAgentFile e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    @Override
    public boolean approved(Agent agent) {
        return agent.workspaceFile().map(file -> approved.contains(file.sha256())).orElse(true);
    }

    @Override
    public void approve(Agent agent) {
        agent.workspaceFile().ifPresent(file -> approved.add(file.sha256()));
    }

    @Override
    public HookRunner hooks() {
        return hooks;
    }
}
