package io.redux.cli.chat;

import io.redux.cli.mcp.McpAccess;
import io.redux.domain.chat.Chat;
import io.redux.domain.tool.ToolPolicy;

/**
 * What one interactive run chose from its options: the chat use case, the tools' policy, the session's metadata, and
 * the MCP servers started for it.
 */
record ChatRun(Chat chat, ToolPolicy policy, SessionMetadata metadata, McpAccess.RunningServers servers) {
}
