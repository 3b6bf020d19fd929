package io.redux.domain.workspace;

/**
 * The workspace files the user approved, each for the content it had then: a file that came with a cloned repository
 * can start programs, so it is used only once the user said yes to what it holds. Kept in the user's own
 * configuration, never in the workspace. Implementations are safe for several processes at once: an approval is
 * never lost to another written at the same time.
 */
public interface WorkspaceApprovals {

    /** Whether the user approved this file with exactly this content. */
    boolean isApproved(WorkspaceFile file);

    /** Remembers that the user approved this file with this content (an approval of its older content is replaced). */
    void approve(WorkspaceFile file);
}
