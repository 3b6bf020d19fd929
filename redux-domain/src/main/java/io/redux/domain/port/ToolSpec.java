package io.redux.domain.port;

import io.redux.domain.json.JsonValue;

/** A tool the model may call, with the JSON schema of its input. */
public record ToolSpec(String name, String description, JsonValue.JsonObject inputSchema) {
}
