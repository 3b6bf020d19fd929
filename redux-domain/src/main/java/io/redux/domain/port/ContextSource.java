package io.redux.domain.port;

/** Reads the context files a selection names in the working folder. */
@FunctionalInterface
public interface ContextSource {

    /** No files at all. */
    ContextSource NONE = selection -> ContextFiles.NONE;

    /**
     * The files {@code selection} matches, each once, in the order of its patterns (a glob's matches by path), each
     * cut to the size cap with a note of what was left out. Never throws for a file: one it cannot read is a warning.
     */
    ContextFiles read(ContextSelection selection);
}
