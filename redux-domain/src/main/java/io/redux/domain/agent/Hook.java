package io.redux.domain.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * A command an agent runs at {@link HookTrigger}, with the original CLI's limits.
 *
 * @param command        run with {@code sh -c} in the working folder, the hook event as JSON on stdin
 * @param timeout        after which the command is stopped and counts as failed
 * @param maxOutputBytes the most of its output kept; the rest is cut with a note
 * @param matcher        for the tool hooks, which tools it applies to; null for all
 */
public record Hook(HookTrigger trigger, String command, Duration timeout, int maxOutputBytes, String matcher) {

    /** The original CLI's defaults. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 10 * 1024;

    public Hook {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
    }
}
