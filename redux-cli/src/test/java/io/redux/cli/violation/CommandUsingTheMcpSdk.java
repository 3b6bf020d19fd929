package io.redux.cli.violation;

import io.modelcontextprotocol.spec.McpSchema;
import io.redux.mcp.ToolNames;

import java.util.List;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class CommandUsingTheMcpSdk {

    public Object schema() {
        return List.of(McpSchema.class, ToolNames.class);
    }
}
