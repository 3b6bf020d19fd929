package io.redux.domain.model;

import java.util.Optional;

/** Why a model stopped answering; wire names follow Bedrock's. */
public enum StopReason {
    END_TURN("end_turn"),
    TOOL_USE("tool_use"),
    MAX_TOKENS("max_tokens"),
    STOP_SEQUENCE("stop_sequence"),
    GUARDRAIL_INTERVENED("guardrail_intervened"),
    CONTENT_FILTERED("content_filtered"),
    /** The user cancelled the answer while it streamed; the partial text is kept. */
    INTERRUPTED("interrupted"),
    /** The answer broke off (a stream cut, stalled or failed after part of it was shown); the partial text is kept. */
    INCOMPLETE("incomplete");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<StopReason> fromWireName(String name) {
        for (StopReason reason : values()) {
            if (reason.wireName.equals(name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
