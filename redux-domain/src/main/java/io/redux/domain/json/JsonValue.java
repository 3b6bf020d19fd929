package io.redux.domain.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value: tool arguments, tool schemas, structured tool output. The domain holds JSON as data without a
 * JSON library; adapters convert to and from their own trees (Jackson's, the AWS SDK's documents).
 */
public sealed interface JsonValue {

    /** Compact JSON text. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(this, out);
        return out.toString();
    }

    static JsonObject emptyObject() {
        return new JsonObject(Map.of());
    }

    static JsonString of(String value) {
        return new JsonString(value);
    }

    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            // Keeps the order of the members as given; an unmodifiable view makes the value immutable.
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public JsonValue get(String name) {
            return members.get(name);
        }

        /** The member's string value, or null when it is absent or not a string. */
        public String getString(String name) {
            return members.get(name) instanceof JsonString s ? s.value() : null;
        }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            if (value == null) {
                throw new IllegalArgumentException("a JSON string cannot be null; use JsonNull");
            }
        }
    }

    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            if (value == null) {
                throw new IllegalArgumentException("a JSON number cannot be null; use JsonNull");
            }
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {
    }

    enum JsonNull implements JsonValue {
        INSTANCE
    }
}
