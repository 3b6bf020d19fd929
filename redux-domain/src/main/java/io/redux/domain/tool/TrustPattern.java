package io.redux.domain.tool;

import java.util.Objects;

/**
 * A name a user trusts tools by, as given ({@code file_read}, {@code @server}, {@code @server/tool}), matched against
 * the names a tool answers to ({@link Tool#trustNames}). The one place a pattern meets a name, so wildcards can join
 * here without the policy changing: today a pattern matches the name it spells, exactly.
 */
public record TrustPattern(String text) {

    public TrustPattern {
        Objects.requireNonNull(text, "text");
    }

    /** Whether this pattern names {@code toolName}. */
    public boolean matches(String toolName) {
        return text.equals(toolName);
    }

    /**
     * Whether this pattern names {@code tool}: by its name (as the model calls it, which the user's {@code t} answer
     * trusts) or by any of its {@link Tool#trustNames}.
     */
    public boolean matches(Tool tool) {
        return matches(tool.name()) || tool.trustNames().stream().anyMatch(this::matches);
    }

    /** Whether this pattern names a server's tools rather than a built-in tool: it starts with {@code @}. */
    public boolean namesServerTools() {
        return text.startsWith("@");
    }
}
