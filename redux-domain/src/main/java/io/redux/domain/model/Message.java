package io.redux.domain.model;

import java.time.Instant;

/** One entry of a conversation. Ids are unique within a conversation. */
public sealed interface Message permits UserMessage, AssistantMessage, ToolCall, ToolResult {

    String id();

    Instant timestamp();

    Role role();

    /** The text a reader sees for this message: the prompt, the answer, the tool output or the call. */
    String text();

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R visitUser(UserMessage message);

        R visitAssistant(AssistantMessage message);

        R visitToolCall(ToolCall message);

        R visitToolResult(ToolResult message);
    }
}
