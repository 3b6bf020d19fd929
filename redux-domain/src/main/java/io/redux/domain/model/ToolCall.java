package io.redux.domain.model;

import io.redux.domain.json.JsonValue;

import java.time.Instant;

/** The model asked to run a tool with these arguments (a JSON object). */
public record ToolCall(String id, Instant timestamp, String toolName, JsonValue arguments) implements Message {

    public ToolCall {
        Messages.requireIdAndTimestamp(id, timestamp);
        Messages.requireText(id, "tool_name", toolName);
        if (arguments == null) {
            arguments = JsonValue.emptyObject();
        }
    }

    @Override
    public Role role() {
        return Role.TOOL_CALL;
    }

    @Override
    public String text() {
        return toolName + " " + arguments.toJson();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitToolCall(this);
    }
}
