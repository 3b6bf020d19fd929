package io.redux.domain.port;

import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;

import java.util.List;

/**
 * One call to a model.
 *
 * @param systemPrompt instructions before the history, or null
 * @param history      the conversation so far; gateways send it as a valid sequence for the model
 * @param tools        the tools the model may ask for
 */
public record ModelRequest(
        ModelId model,
        String systemPrompt,
        List<Message> history,
        List<ToolSpec> tools,
        InferenceSettings settings) {

    public ModelRequest {
        history = List.copyOf(history);
        tools = tools == null ? List.of() : List.copyOf(tools);
        settings = settings == null ? InferenceSettings.DEFAULTS : settings;
    }
}
