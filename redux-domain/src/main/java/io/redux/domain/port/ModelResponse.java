package io.redux.domain.port;

import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;

import java.util.List;

/** A model's whole answer: its text, the tools it asked for, why it stopped, and what it cost. */
public record ModelResponse(String text, List<ModelEvent.ToolUse> toolUses, StopReason stopReason, TokenUsage usage) {

    public ModelResponse {
        text = text == null ? "" : text;
        toolUses = List.copyOf(toolUses);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
