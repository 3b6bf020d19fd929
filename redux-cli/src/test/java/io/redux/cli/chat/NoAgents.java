package io.redux.cli.chat;

import io.redux.cli.agent.AgentAccess;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.error.InvalidInputException;

import java.nio.file.Path;

/** The agent side of a machine with no agent file. */
final class NoAgents implements AgentAccess {

    @Override
    public AgentCatalog catalog() {
        return AgentCatalog.EMPTY;
    }

    @Override
    public Agent read(Path file) {
        throw new InvalidInputException("no agent file in this test");
    }

    @Override
    public boolean approved(Agent agent) {
        return true;
    }

    @Override
    public void approve(Agent agent) {
        throw new UnsupportedOperationException("no agent file in this test");
    }

    @Override
    public HookRunner hooks() {
        return HookRunner.NONE;
    }
}
