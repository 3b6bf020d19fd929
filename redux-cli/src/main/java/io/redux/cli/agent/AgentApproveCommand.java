package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a workspace agent's file (.amazonq/cli-agents/NAME.json) with its content now, so a "
                + "chat with it runs its hooks and its allowedTools trust tools. Any change to the file withdraws "
                + "the approval. A global agent needs none.",
                "Approvals are kept in ~/.aws/amazonq/redux/approvals.json, with those of workspace MCP files."})
final class AgentApproveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The agent.")
    String name;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<AgentAccess> agents;

    @Override
    public Integer call() {
        Agent agent = Agents.find(agents.get().catalog(), name);
        if (agent.scope() == Agent.Scope.GLOBAL) {
            environment.out().println(TerminalText.escape("Agent " + agent.name() + " is yours (" + agent.source()
                    + "): it needs no approval."));
            environment.out().flush();
            return 0;
        }
        agents.get().approve(agent);
        List<String> runs = Agents.runs(agent);
        environment.out().println(TerminalText.escape("Approved agent " + agent.name() + " (" + agent.source()
                + "); a chat with it may now run:"));
        if (runs.isEmpty()) {
            environment.out().println("  (no command)");
        }
        runs.forEach(run -> environment.out().println("  " + TerminalText.escape(run)));
        if (!agent.allowedTools().isEmpty()) {
            environment.out().println(TerminalText.escape("  and run without asking: "
                    + String.join(", ", agent.allowedTools())));
        }
        environment.out().flush();
        return 0;
    }
}
