package io.redux.domain.port;

import io.redux.domain.json.JsonValue;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;

/** What a streaming model sends, in order: text deltas and tool uses, then one stop. */
public sealed interface ModelEvent {

    record TextDelta(String text) implements ModelEvent {
    }

    /** A complete tool use: its input has arrived whole. */
    record ToolUse(String toolUseId, String toolName, JsonValue input) implements ModelEvent {
    }

    record Stop(StopReason reason, TokenUsage usage) implements ModelEvent {
    }
}
