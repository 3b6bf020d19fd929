package io.redux.domain.history;

import io.redux.domain.json.JsonValue;

import java.util.Objects;

/** One piece of a {@link Turn}, in the shape model APIs take: text, a tool use, or a tool result. */
public sealed interface Block {

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R visitText(Text text);

        R visitToolUse(ToolUse toolUse);

        R visitToolResult(ToolResult toolResult);
    }

    /** Text that is never blank. */
    record Text(String text) implements Block {
        public Text {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a text block cannot be blank");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitText(this);
        }
    }

    /** The assistant asks for a tool; {@code toolUseId} matches {@code [A-Za-z0-9_-]{1,64}}. */
    record ToolUse(String toolUseId, String toolName, JsonValue.JsonObject input) implements Block {
        public ToolUse {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(input, "input");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitToolUse(this);
        }
    }

    /** The answer to the {@link ToolUse} with the same id; {@code content} is never empty. */
    record ToolResult(String toolUseId, String content, boolean error) implements Block {
        public ToolResult {
            Objects.requireNonNull(toolUseId, "toolUseId");
            if (content == null || content.isEmpty()) {
                throw new IllegalArgumentException("a tool result needs content");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitToolResult(this);
        }
    }
}
