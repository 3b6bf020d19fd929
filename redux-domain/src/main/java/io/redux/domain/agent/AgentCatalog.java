package io.redux.domain.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agents found, a workspace agent winning a name clash with a global one, and one warning per file that could not
 * be read or name clash; the parts of a file that were ignored are its agent's {@link Agent#warnings()}.
 */
public record AgentCatalog(List<Agent> agents, List<String> warnings) {

    public static final AgentCatalog EMPTY = new AgentCatalog(List.of(), List.of());

    public AgentCatalog {
        agents = List.copyOf(agents);
        warnings = List.copyOf(warnings);
    }

    /** Every warning: the files', then each agent's, as listing the agents shows them. */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(warnings);
        agents.forEach(agent -> all.addAll(warningsOf(agent)));
        return List.copyOf(all);
    }

    /** What was ignored in the agent's file, each line naming the file. */
    public static List<String> warningsOf(Agent agent) {
        return agent.warnings().stream().map(warning -> "agent file " + agent.source() + ": " + warning).toList();
    }

    public Optional<Agent> find(String name) {
        return agents.stream().filter(agent -> agent.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return agents.stream().map(Agent::name).toList();
    }
}
