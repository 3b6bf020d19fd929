package io.redux.cli.mcp;

import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code mcp} group; its subcommands are added by name, as the {@code conversations} group's are. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "The MCP servers whose tools join a chat: ~/.aws/amazonq/mcp.json, .amazonq/mcp.json.")
public final class McpCommand {

    /** The subcommands, by name, in the order help lists them. */
    public static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("list", McpListCommand.class);
        subcommands.put("status", McpStatusCommand.class);
        subcommands.put("add", McpAddCommand.class);
        subcommands.put("remove", McpRemoveCommand.class);
        subcommands.put("approve", McpApproveCommand.class);
        return subcommands;
    }
}
