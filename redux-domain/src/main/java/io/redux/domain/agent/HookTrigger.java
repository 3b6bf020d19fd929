package io.redux.domain.agent;

import java.util.Arrays;
import java.util.Optional;

/** When an agent's hook runs, named as in the original CLI's agent files. */
public enum HookTrigger {
    AGENT_SPAWN("agentSpawn"),
    USER_PROMPT_SUBMIT("userPromptSubmit"),
    PRE_TOOL_USE("preToolUse"),
    POST_TOOL_USE("postToolUse"),
    STOP("stop");

    private final String fileName;

    HookTrigger(String fileName) {
        this.fileName = fileName;
    }

    /** The name in an agent file and in the hook event's {@code hook_event_name}. */
    public String fileName() {
        return fileName;
    }

    /** Whether Redux runs hooks of this trigger: the others are read and reported, not run yet. */
    public boolean supported() {
        return this == AGENT_SPAWN || this == USER_PROMPT_SUBMIT;
    }

    public static Optional<HookTrigger> fromFileName(String name) {
        return Arrays.stream(values()).filter(trigger -> trigger.fileName.equals(name)).findFirst();
    }
}
