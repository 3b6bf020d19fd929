package io.redux.domain.history;

import java.util.List;
import java.util.Objects;

/**
 * One message of a model request: the user's or the assistant's blocks. A user turn holds its tool results before
 * its text; an assistant turn holds its text before its tool uses.
 */
public record Turn(Speaker speaker, List<Block> blocks) {

    public enum Speaker { USER, ASSISTANT }

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a turn needs at least one block");
        }
    }

    public boolean isUser() {
        return speaker == Speaker.USER;
    }
}
