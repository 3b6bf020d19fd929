package io.redux.domain.tool;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name a user trusts tools by, as given ({@code file_read}, {@code @server}, {@code @server/tool}), matched against
 * the names a tool answers to ({@link Tool#trustNames}). The one place a pattern meets a name. A pattern may hold the
 * original CLI's wildcards: {@code *} (any run of characters) and {@code ?} (one character), as in {@code file_*},
 * {@code @git/status_*} or {@code @*}; {@link #BUILTIN} names every tool that is not a server's.
 */
public record TrustPattern(String text) {

    /** The pattern naming every built-in tool: those that answer to no server's name. */
    public static final String BUILTIN = "@builtin";

    public TrustPattern {
        Objects.requireNonNull(text, "text");
    }

    /** Whether this pattern names {@code toolName}: the name itself, or a match of its wildcards. */
    public boolean matches(String toolName) {
        if (text.equals(toolName)) {
            return true;
        }
        return isGlob() && glob().matcher(toolName).matches();
    }

    /**
     * Whether this pattern names {@code tool}: by its name exactly (as the model calls it, which the user's {@code t}
     * answer trusts) or by any of its {@link Tool#trustNames}. Wildcards never match the model's name: {@code file_*}
     * must not trust {@code file___delete} of a server named {@code file}.
     */
    public boolean matches(Tool tool) {
        if (text.equals(BUILTIN)) {
            return tool.trustNames().stream().noneMatch(name -> name.startsWith("@"));
        }
        return text.equals(tool.name()) || tool.trustNames().stream().anyMatch(this::matches);
    }

    /** Whether this pattern names a server's tools rather than a built-in tool: it starts with {@code @}. */
    public boolean namesServerTools() {
        return text.startsWith("@");
    }

    /** Whether the pattern holds a wildcard ({@code *} or {@code ?}). */
    public boolean isGlob() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private Pattern glob() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
