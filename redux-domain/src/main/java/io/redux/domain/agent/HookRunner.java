package io.redux.domain.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs an agent's hooks: the port a tools adapter implements, since only it starts processes. A hook that fails,
 * times out or cannot start is a {@link HookResult} that says so, never an exception, so the chat goes on.
 */
public interface HookRunner {

    /** Runs nothing: every hook is said to have failed. */
    HookRunner NONE = (hooks, workingFolder, prompt) -> hooks.stream()
            .map(hook -> HookResult.failed(hook, "hooks cannot run here")).toList();

    /**
     * Runs {@code hooks} (all of one trigger) in {@code workingFolder}, giving each the hook event on stdin.
     *
     * @param prompt the user's prompt for {@link HookTrigger#USER_PROMPT_SUBMIT}, else null
     * @return one result per hook, in order
     */
    List<HookResult> run(List<Hook> hooks, Path workingFolder, String prompt);

    /** What one hook gave: its output when it succeeded, else why it failed. */
    record HookResult(Hook hook, boolean succeeded, String output, String failure) {

        public static HookResult succeeded(Hook hook, String output) {
            return new HookResult(hook, true, output, null);
        }

        public static HookResult failed(Hook hook, String why) {
            return new HookResult(hook, false, "", why);
        }
    }
}
