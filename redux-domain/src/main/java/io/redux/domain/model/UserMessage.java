package io.redux.domain.model;

import java.time.Instant;

public record UserMessage(String id, Instant timestamp, String content) implements Message {

    public UserMessage {
        Messages.requireIdAndTimestamp(id, timestamp);
        Messages.requireText(id, "content", content);
    }

    @Override
    public Role role() {
        return Role.USER;
    }

    @Override
    public String text() {
        return content;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitUser(this);
    }
}
