package io.redux.domain.model;

import java.time.Instant;

/**
 * What a tool returned, answering the {@link ToolCall} named by {@code toolCallId}.
 *
 * @param status success or error, or null when the file did not say (older files count it a success)
 */
public record ToolResult(String id, Instant timestamp, String toolCallId, String content, ToolResultStatus status)
        implements Message {

    public ToolResult {
        Messages.requireIdAndTimestamp(id, timestamp);
        Messages.requireText(id, "tool_call_id", toolCallId);
        Messages.requireText(id, "content", content);
    }

    public ToolResult(String id, Instant timestamp, String toolCallId, String content) {
        this(id, timestamp, toolCallId, content, null);
    }

    public boolean isError() {
        return status == ToolResultStatus.ERROR;
    }

    @Override
    public Role role() {
        return Role.TOOL_RESULT;
    }

    @Override
    public String text() {
        return content;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitToolResult(this);
    }
}
