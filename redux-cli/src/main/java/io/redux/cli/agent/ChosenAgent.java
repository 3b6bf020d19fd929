package io.redux.cli.agent;

import io.redux.domain.agent.Agent;

import java.util.List;
import java.util.Optional;

/**
 * The agent a command runs with, once chosen, and whether it may grant trust and run commands (a global agent, or a
 * workspace agent whose file the user approved). One per run: what is built for the chat (the tools' settings) reads
 * it, so it is chosen before they are made.
 */
public final class ChosenAgent {

    private volatile Agent agent;
    private volatile boolean trusted;

    /** Chooses {@code chosen}; {@code mayGrantTrust} when it is global or its workspace file is approved. */
    public void choose(Agent chosen, boolean mayGrantTrust) {
        this.agent = chosen;
        this.trusted = mayGrantTrust;
    }

    public Optional<Agent> agent() {
        return Optional.ofNullable(agent);
    }

    /** Whether the agent's file may run commands and trust tools. */
    public boolean trusted() {
        return agent != null && trusted;
    }

    /** {@code toolsSettings.use_aws.allowedServices}: a grant of trust, so only from a trusted agent. */
    public List<String> useAwsAllowedServices() {
        return trusted() ? agent.useAwsAllowed() : List.of();
    }

    /** {@code toolsSettings.use_aws.deniedServices}: a restriction, applied whoever wrote it. */
    public List<String> useAwsDeniedServices() {
        return agent != null ? agent.useAwsDenied() : List.of();
    }
}
