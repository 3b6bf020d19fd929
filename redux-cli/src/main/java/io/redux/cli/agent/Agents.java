package io.redux.cli.agent;

import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.Hook;
import io.redux.domain.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** What the agent commands and the chat share: finding an agent by name, and what an agent may run. */
public final class Agents {

    private Agents() {
    }

    /**
     * The agent named {@code name}.
     *
     * @throws InvalidInputException listing the agents found, when there is none of that name
     */
    public static Agent find(AgentCatalog catalog, String name) {
        return catalog.find(name).orElseThrow(() -> new InvalidInputException("There is no agent "
                + InvalidInputException.quote(name) + "; " + (catalog.agents().isEmpty()
                ? "none is defined in ~/.aws/amazonq/cli-agents/ or .amazonq/cli-agents/."
                : "the agents are " + String.join(", ", catalog.names()) + ".")));
    }

    /** What {@code agent} would run, one line each: its hooks' commands and its MCP servers. */
    public static List<String> runs(Agent agent) {
        List<String> runs = new ArrayList<>();
        for (Hook hook : agent.hooks()) {
            runs.add("hook " + hook.trigger().fileName() + ": " + hook.command());
        }
        agent.mcpServers().forEach(server -> runs.add("MCP server " + server));
        return runs;
    }
}
