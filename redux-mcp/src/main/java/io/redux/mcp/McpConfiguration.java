package io.redux.mcp;

import java.util.List;

/**
 * The MCP servers of every configuration file, merged (a later file wins a name clash), with a one-line warning for
 * each file or server that could not be used.
 */
public record McpConfiguration(List<McpServerConfig> servers, List<String> warnings) {

    public McpConfiguration {
        servers = List.copyOf(servers);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }
}
