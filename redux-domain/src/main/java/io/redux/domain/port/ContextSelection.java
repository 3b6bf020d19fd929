package io.redux.domain.port;

import java.util.List;

/**
 * Which files of the working folder are context: paths or globs relative to it ({@code **} crosses folders), in the
 * order given; a file matched by an {@code exclude} pattern is left out.
 */
public record ContextSelection(List<String> include, List<String> exclude) {

    /** The original CLI's default agent's resources. */
    public static final List<String> DEFAULT_PATTERNS =
            List.of("AGENTS.md", "AmazonQ.md", "README.md", ".amazonq/rules/**/*.md");

    public static final ContextSelection DEFAULT = new ContextSelection(DEFAULT_PATTERNS, List.of());

    public ContextSelection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
