package io.redux.cli.chat;

import io.redux.domain.chat.Chat;
import io.redux.domain.tool.ToolPolicy;

/** What one interactive run chose from its options: the chat use case, the tools' policy, the session's metadata. */
record ChatRun(Chat chat, ToolPolicy policy, SessionMetadata metadata) {
}
