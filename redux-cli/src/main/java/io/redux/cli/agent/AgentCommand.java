package io.redux.cli.agent;

import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code agent} group; its subcommands are added by name, as the other groups' are. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "The agents of the original CLI's format: ~/.aws/amazonq/cli-agents/*.json (yours) and "
                + ".amazonq/cli-agents/*.json (this workspace's). Use one with: redux_cli chat --agent NAME.")
public final class AgentCommand {

    /** The subcommands, by name, in the order help lists them. */
    public static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("list", AgentListCommand.class);
        subcommands.put("show", AgentShowCommand.class);
        subcommands.put("validate", AgentValidateCommand.class);
        subcommands.put("approve", AgentApproveCommand.class);
        return subcommands;
    }
}
