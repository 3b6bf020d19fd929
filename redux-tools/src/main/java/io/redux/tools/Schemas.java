package io.redux.tools;

import io.redux.domain.json.JsonValue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the JSON schemas of the built-in tools. */
final class Schemas {

    private Schemas() {
    }

    static JsonValue.JsonObject object(Map<String, JsonValue> properties, String... required) {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        schema.put("type", JsonValue.of("object"));
        schema.put("properties", new JsonValue.JsonObject(properties));
        schema.put("required", strings(Arrays.asList(required)));
        return new JsonValue.JsonObject(schema);
    }

    static JsonValue.JsonObject property(String type, String description) {
        Map<String, JsonValue> property = new LinkedHashMap<>();
        property.put("type", JsonValue.of(type));
        property.put("description", JsonValue.of(description));
        return new JsonValue.JsonObject(property);
    }

    static JsonValue.JsonObject choice(String description, String... values) {
        Map<String, JsonValue> property = new LinkedHashMap<>(property("string", description).members());
        property.put("enum", strings(Arrays.asList(values)));
        return new JsonValue.JsonObject(property);
    }

    private static JsonValue.JsonArray strings(List<String> values) {
        return new JsonValue.JsonArray(values.stream().<JsonValue>map(JsonValue::of).toList());
    }
}
