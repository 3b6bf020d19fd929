package io.redux.cli.agent;

import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookRunner;

import java.nio.file.Path;

/**
 * The agent side of a command: the original CLI's agent files of this workspace ({@code .amazonq/cli-agents/}) and of
 * the user ({@code ~/.aws/amazonq/cli-agents/}), the approval of a workspace agent file (the same store as workspace
 * MCP files), and what runs an agent's hooks.
 */
public interface AgentAccess {

    /** Every agent found, and one warning per file or part of a file that cannot be used. */
    AgentCatalog catalog();

    /**
     * Reads one agent file, as a workspace file when it lies in this folder's {@code .amazonq/cli-agents/}.
     *
     * @throws io.redux.domain.error.InvalidInputException naming the file and the place, when it cannot be used
     */
    Agent read(Path file);

    /** Whether {@code agent} may run commands: a global agent always, a workspace one once its content is approved. */
    boolean approved(Agent agent);

    /** Approves a workspace agent's file with its content now. */
    void approve(Agent agent);

    HookRunner hooks();
}
