package io.redux.domain.model;

import java.time.Instant;

/**
 * An answer of the model.
 *
 * @param usage      tokens the turn took, or null when unknown (older files, migrated history)
 * @param stopReason why the model stopped, or null when unknown
 */
public record AssistantMessage(String id, Instant timestamp, String content, TokenUsage usage, StopReason stopReason)
        implements Message {

    public AssistantMessage {
        Messages.requireIdAndTimestamp(id, timestamp);
        Messages.requireText(id, "content", content);
    }

    public AssistantMessage(String id, Instant timestamp, String content) {
        this(id, timestamp, content, null, null);
    }

    @Override
    public Role role() {
        return Role.ASSISTANT;
    }

    @Override
    public String text() {
        return content;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAssistant(this);
    }
}
