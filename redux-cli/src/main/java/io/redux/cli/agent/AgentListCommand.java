package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the agents: name, scope (global or workspace), whether it may run its hooks and MCP "
                + "servers (approved: always for a global agent, once approved for a workspace one), file and "
                + "description.",
                "A workspace agent wins a name clash with a global one."})
final class AgentListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array for scripts.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<AgentAccess> agents;

    @Override
    public Integer call() {
        AgentCatalog catalog = agents.get().catalog();
        if (json) {
            environment.out().println(Json.write(catalog.agents().stream().map(this::toJson).toList()));
        } else if (catalog.agents().isEmpty()) {
            environment.out().println("No agents. Define them in ~/.aws/amazonq/cli-agents/NAME.json (yours) or "
                    + ".amazonq/cli-agents/NAME.json (this workspace's), as the original CLI does.");
        } else {
            Table table = new Table("NAME", "SCOPE", "APPROVED", "FILE", "DESCRIPTION");
            for (Agent agent : catalog.agents()) {
                table.row(agent.name(), agent.scope().label(), approval(agent), agent.source().toString(),
                        agent.description() == null ? "" : agent.description());
            }
            table.print(environment.out());
        }
        environment.out().flush();
        AgentWarnings.print(environment, catalog.allWarnings());
        return 0;
    }

    private String approval(Agent agent) {
        if (!agent.needsApproval()) {
            return "-";
        }
        return agents.get().approved(agent) ? "yes" : "no";
    }

    private Map<String, Object> toJson(Agent agent) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", agent.name());
        object.put("scope", agent.scope().label());
        object.put("file", agent.source().toString());
        if (agent.description() != null) {
            object.put("description", agent.description());
        }
        // A global agent is the user's own: it never needs approval, as agent approve says.
        object.put("needs_approval", agent.scope() == Agent.Scope.WORKSPACE && agent.needsApproval());
        object.put("approved", agents.get().approved(agent));
        return object;
    }
}
