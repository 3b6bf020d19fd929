package io.redux.domain.agent;

import java.util.List;
import java.util.Optional;

/**
 * The agents found, a workspace agent winning a name clash with a global one, and one warning per file that could not
 * be read or part of a file that was ignored.
 */
public record AgentCatalog(List<Agent> agents, List<String> warnings) {

    public static final AgentCatalog EMPTY = new AgentCatalog(List.of(), List.of());

    public AgentCatalog {
        agents = List.copyOf(agents);
        warnings = List.copyOf(warnings);
    }

    public Optional<Agent> find(String name) {
        return agents.stream().filter(agent -> agent.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return agents.stream().map(Agent::name).toList();
    }
}
