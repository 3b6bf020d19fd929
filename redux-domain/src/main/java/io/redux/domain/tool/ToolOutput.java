package io.redux.domain.tool;

import java.util.Objects;

/** What a tool run gives back to the model; an error tells the model what went wrong and how to ask better. */
public record ToolOutput(String content, boolean error) {

    public ToolOutput {
        Objects.requireNonNull(content, "content");
    }

    public static ToolOutput success(String content) {
        return new ToolOutput(content, false);
    }

    public static ToolOutput error(String content) {
        return new ToolOutput(content, true);
    }
}
